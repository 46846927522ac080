import { deleteAccount, deleteAccountInputSchema } from '~/server/domain/accounts/privacy';
import { getDb } from '~/server/infra/db/client';
import { route } from '~/server/transport/rest/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * SPEC P5: deletes the signed-in user's account — the password again and `confirm: "DELETE"`.
 * Marked deleted at once (every session stops working), purged after the grace period. A wrong
 * password is a 403 and nothing changes. The session cookies are cleared in the answer.
 */
export const POST = route(
  {
    name: 'me.delete-account',
    auth: 'user',
    rateClass: 'auth',
    csrf: 'same-site',
    body: { kind: 'json', maxBytes: 4096, schema: deleteAccountInputSchema, emptyMessage: 'Send your password and confirm: "DELETE".' },
  },
  async ({ user, body }) => {
    const result = await deleteAccount({ db: getDb() }, user, body);
    const headers = new Headers({ 'cache-control': 'no-store' });
    for (const name of ['authjs.session-token', '__Secure-authjs.session-token']) {
      headers.append('set-cookie', `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${name.startsWith('__Secure') ? '; Secure' : ''}`);
    }
    return Response.json(
      { deleted: true, workspace_deleted: result.workspaceDeleted, purge_after: result.purgeAfter.toISOString() },
      { status: 200, headers },
    );
  },
);
