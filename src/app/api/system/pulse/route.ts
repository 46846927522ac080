export const dynamic = 'force-dynamic';

/** Liveness (SPEC H2): answers without touching any dependency. */
export function GET() {
  return Response.json({ alive: true }, { headers: { 'cache-control': 'no-store' } });
}
