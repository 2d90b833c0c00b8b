/**
 * Reading a request body with a size limit, for every route that takes one: a declared
 * Content-Length above the limit is refused without reading, and reading stops as soon as the
 * limit is passed, so an oversized body never sits in memory.
 */
import { AppError } from "../errors";

export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0]! : new Uint8Array(Buffer.concat(chunks));
}

export function tooLarge(limit: number): AppError {
  const size = limit >= 1024 * 1024 ? `${+(limit / (1024 * 1024)).toFixed(2)} MiB` : `${+(limit / 1024).toFixed(2)} KiB`;
  return new AppError("PAYLOAD_TOO_LARGE", `The request body may be at most ${size}.`);
}
