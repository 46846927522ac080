import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { QUEUE_NAMES } from '~/server/infra/queue/queues';
import { getWebQueue } from '~/server/infra/queue/web-queues';

export const BOARD_BASE_PATH = '/admin/queues';

/**
 * Bull Board (SPEC J5) over every queue. It has no auth of its own: the route handler checks
 * the admin session (and cross-site requests) before a request reaches it.
 */
function build(): Hono {
  const adapter = new HonoAdapter(serveStatic).setBasePath(BOARD_BASE_PATH);
  createBullBoard({
    queues: QUEUE_NAMES.map((name) => new BullMQAdapter(getWebQueue(name))),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'Levqor queues' } },
  });
  return new Hono().route(BOARD_BASE_PATH, adapter.registerPlugin());
}

const globalForBoard = globalThis as unknown as { levqorBoard?: Hono };
export function getBoardApp(): Hono {
  globalForBoard.levqorBoard ??= build();
  return globalForBoard.levqorBoard;
}
