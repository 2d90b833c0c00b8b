/**
 * Blob storage port: where audit-log exports (NDJSON of up to ~1 GB, CSV, the signed manifest,
 * proofs) are written, under keys such as `exports/<exportId>/entries.ndjson`. Adapters: fs/ (files
 * under the data directory, embedded default) and s3/ (a bucket); both pass one contract suite
 * (tests/contract/blob.contract.ts).
 *
 * Objects are immutable: an export, once written, is evidence. Nothing here overwrites or deletes;
 * retention and deletion belong to the bucket (Object Lock, lifecycle) or the operator.
 */
import type { Readable } from "node:stream";

export interface BlobObject {
  key: string;
  bytes: number;
  /** SHA-256 of the content, 64 lower-case hex digits. */
  sha256: string;
  /** As given to put; "application/octet-stream" when the store does not know it. */
  contentType: string;
}

/**
 * An object as read back. `sha256` is null when the store holds no recorded hash: on S3, an object
 * uploaded in several parts without `options.sha256` (S3 takes metadata when the upload starts,
 * before the content has been hashed); on fs, an object whose put was cut off between its two final
 * steps. put always returns the hash it computed, which is what an export's manifest should record.
 */
export type StoredBlob = Omit<BlobObject, "sha256"> & { sha256: string | null };

export interface PutOptions {
  contentType: string;
  /**
   * The SHA-256 the caller already knows (the exporter hashed its temporary file). The content is
   * checked against it while streaming and, on a mismatch, refused with INVALID_INPUT before
   * anything is stored; S3 then records it even for multipart uploads.
   */
  sha256?: string;
}

export interface BlobStore {
  kind: "fs" | "s3";
  /**
   * Stores an object from a stream (bounded memory, any size) or bytes. Objects are immutable: a
   * key that exists is refused with AppError BLOB_EXISTS and nothing is changed. Resolves once the
   * object is durable, with its size and SHA-256 computed while streaming. If the body fails, the
   * call rejects and no object (and, on fs, no temporary file) remains.
   */
  put(key: string, body: NodeJS.ReadableStream | Readable | Uint8Array, options: PutOptions): Promise<BlobObject>;
  /** Streams an object; AppError NOT_FOUND if absent. Read `body` to its end or destroy it: it holds a file or a connection. */
  get(key: string): Promise<{ object: StoredBlob; body: Readable }>;
  head(key: string): Promise<StoredBlob | null>;
  /** Keys that start with `prefix` (a string prefix, as in S3), sorted, with sizes; paginates internally. */
  list(prefix: string): Promise<{ key: string; bytes: number }[]>;
}
