import { exportEntries } from '~/server/domain/accounts/privacy';
import { getDb } from '~/server/infra/db/client';
import { zipStream } from '~/server/infra/zip';
import { route } from '~/server/transport/rest/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * SPEC P5: a ZIP of JSON files with everything Levqor holds about the signed-in user (and, for
 * an owner, the workspace), streamed from the database page by page. 401 when signed out.
 */
export const GET = route({ name: 'me.export-data', auth: 'user', rateClass: 'api', csrf: 'same-site' }, ({ user }) => {
  const now = new Date();
  const chunks = zipStream(exportEntries({ db: getDb(), now: () => now }, user), now);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="levqor-export-${now.toISOString().slice(0, 10)}.zip"`,
      'cache-control': 'no-store',
    },
  });
});
