import { localizedPath } from '~/i18n/paths';
import { getCurrentUser } from '~/server/transport/auth/current-user';
import { isCrossSiteRequest } from '~/server/transport/rest/csrf';
import { errorResponse } from '~/server/transport/rest/route';
import { BOARD_BASE_PATH, getBoardApp } from '~/server/transport/rest/bull-board';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Bull Board for admins only: anonymous visitors are sent to sign-in, members get 403 (in a
 * browser: the styled 403 page of the admin area), and
 * state-changing requests (retry, clean, pause) from another site are refused — all before
 * the request reaches the board.
 */
async function handle(req: Request): Promise<Response> {
  const user = await getCurrentUser().catch(() => null);
  if (!user) {
    const callbackUrl = encodeURIComponent(BOARD_BASE_PATH);
    return new Response(null, { status: 307, headers: { location: `/sign-in?callbackUrl=${callbackUrl}` } });
  }
  if (user.role !== 'admin') {
    // A member's browser gets the styled 403 page (the admin area's guard answers it with 403);
    // the board's API calls keep the JSON error.
    if (req.method === 'GET' && req.headers.get('accept')?.includes('text/html')) {
      return new Response(null, { status: 303, headers: { location: localizedPath('/admin', user.locale) } });
    }
    return errorResponse('standard', 'FORBIDDEN', 'The job queues are for Levqor admins only.');
  }
  if (isCrossSiteRequest(req)) return errorResponse('standard', 'FORBIDDEN', 'Cross-site requests are not allowed.');
  return getBoardApp().fetch(req);
}

export { handle as GET, handle as POST, handle as PUT, handle as DELETE, handle as PATCH };
