import { AppError } from '~/server/errors';

/**
 * A request body as UTF-8 text, refusing more than `limit` bytes: first by the declared
 * Content-Length, then while reading (a missing or false Content-Length does not get past it).
 */
export async function readBodyText(req: Request, limit: number): Promise<string> {
  const kib = Math.round((limit / 1024) * 10) / 10;
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `The request body can be at most ${limit} bytes (${kib} KiB).`);
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge();
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid UTF-8.');
  }
}
