/**
 * What both adapters do to a body on its way in: take bytes or any Node stream, count and hash it
 * as it passes (never holding it), and refuse it at its end if it is not the content the caller
 * announced — before the end reaches the store, so a refused body is never committed.
 */
import { createHash } from "node:crypto";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { AppError } from "../errors";

export function toReadable(body: NodeJS.ReadableStream | Readable | Uint8Array): Readable {
  if (body instanceof Uint8Array) return Readable.from([Buffer.from(body.buffer, body.byteOffset, body.byteLength)]);
  if (body instanceof Readable) return body;
  return new Readable().wrap(body);
}

export class HashingStream extends Transform {
  private readonly hash = createHash("sha256");
  private digest: string | null = null;
  bytes = 0;

  constructor(private readonly expectedSha256?: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const digest = this.hash.digest("hex");
    if (this.expectedSha256 !== undefined && digest !== this.expectedSha256) {
      callback(new AppError("INVALID_INPUT", "The content does not match the SHA-256 given for it", [{ path: "sha256", message: `the content hashes to ${digest}` }]));
      return;
    }
    this.digest = digest;
    callback();
  }

  /** The content's SHA-256; only once the whole body has passed. */
  get sha256(): string {
    if (this.digest === null) throw new Error("HashingStream: the body has not ended");
    return this.digest;
  }
}
