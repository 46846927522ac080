import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server speaking OpenAI's Chat Completions protocol (POST /v1/chat/completions),
 * for driving the REAL `openai` SDK in tests (baseURL: fake.url). Each request is recorded with
 * its JSON body and Authorization header; `reply` decides the answer of the next requests.
 */
export type RecordedCompletion = { path: string; authorization: string | undefined; body: Record<string, unknown> };

export type FakeReply =
  /** A completion whose message content is this text (JSON.stringify your object). */
  | { kind: 'content'; content: string; delayMs?: number }
  /** An API error with this status and OpenAI's error shape. */
  | { kind: 'error'; status: number; delayMs?: number };

export type FakeOpenAi = {
  url: string;
  requests: RecordedCompletion[];
  reply: FakeReply;
  close: () => Promise<void>;
};

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  let n = 0;
  const state: Pick<FakeOpenAi, 'requests' | 'reply'> = { requests: [], reply: { kind: 'content', content: '{}' } };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const body = await readJson(req);
    state.requests.push({ path: url.pathname, authorization: req.headers.authorization, body });
    const reply = state.reply;
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (res.destroyed) return;
    const id = `chatcmpl-fake-${++n}`;
    if (req.method !== 'POST' || url.pathname !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'Unknown path', type: 'invalid_request_error', code: null, param: null } }));
      return;
    }
    if (reply.kind === 'error') {
      res.writeHead(reply.status, { 'content-type': 'application/json', 'x-request-id': id });
      res.end(JSON.stringify({ error: { message: 'The server had an error.', type: 'server_error', code: null, param: null } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': id });
    res.end(
      JSON.stringify({
        id,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: reply.content, refusal: null }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const fake: FakeOpenAi = {
    url: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return state.requests;
    },
    get reply() {
      return state.reply;
    },
    set reply(r: FakeReply) {
      state.reply = r;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
