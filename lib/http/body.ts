/**
 * Reading a request body with a size limit, for every route that takes one: a declared
 * Content-Length above the limit is refused without reading, and reading stops as soon as the
 * limit is passed, so an oversized body never sits in memory.
 *
 * What is left of an oversized body is read and thrown away, up to DISCARD_LIMIT more bytes,
 * before the 413 goes out. Cancelling the stream instead destroys the connection after the
 * answer, and Next.js strips a `Connection: close` header, so a keep-alive client (fetch) that
 * sends its next request on that connection gets ECONNRESET rather than an answer. Past
 * DISCARD_LIMIT the stream is cancelled all the same: a client sending megabytes to a 64 KiB
 * route loses its connection.
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
      await discardRest(reader);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0]! : new Uint8Array(Buffer.concat(chunks));
}

const DISCARD_LIMIT = 1024 * 1024;

async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let discarded = 0;
  try {
    while (discarded <= DISCARD_LIMIT) {
      const { done, value } = await reader.read();
      if (done) return;
      discarded += value.byteLength;
    }
  } catch {
    return; // the client went away: nothing left to read
  }
  await reader.cancel().catch(() => undefined);
}

export function tooLarge(limit: number): AppError {
  const size = limit >= 1024 * 1024 ? `${+(limit / (1024 * 1024)).toFixed(2)} MiB` : `${+(limit / 1024).toFixed(2)} KiB`;
  return new AppError("PAYLOAD_TOO_LARGE", `The request body may be at most ${size}.`);
}
