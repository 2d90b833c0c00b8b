/**
 * Blob store on Amazon S3 (or an S3-compatible endpoint in tests: s3rver).
 *
 * Writing streams the body through a SHA-256 hasher. A body that ends within the first part
 * (PART_SIZE) is sent as one PutObject with its hash as user metadata (x-amz-meta-sha256). A larger
 * one goes through lib-storage's multipart Upload with a bounded queue (memory ≈ partSize ×
 * (queueSize + 1)); S3 takes metadata when a multipart upload starts, before the content has been
 * hashed, so the hash is recorded only when the caller gives it (`options.sha256`, checked at the
 * end of the stream: a mismatch fails the upload before CompleteMultipartUpload, and it is aborted).
 *
 * Immutability: every write carries `If-None-Match: *` (PutObject and CompleteMultipartUpload), which
 * S3 enforces atomically. s3rver ignores that header, so a HeadObject check comes first as well
 * (it also spares uploading a large body that would be refused). Against s3rver two racing puts of
 * one key can therefore both succeed; in AWS the condition decides, and the bucket's versioning and
 * Object Lock keep every version in any case, so nothing written is ever lost.
 *
 * Encryption is the bucket's default encryption (SSE-KMS, set by the infrastructure); requests do
 * not ask for it, so the same code works against a test endpoint.
 */
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { pipeline, Readable } from "node:stream";
import type { BlobConfig } from "../config";
import { AppError } from "../errors";
import { HashingStream, toReadable } from "./hashing";
import { assertBlobKey, assertBlobPrefix, assertPutOptions, isBlobKey, isSha256Hex } from "./keys";
import type { BlobObject, BlobStore, PutOptions, StoredBlob } from "./ports";

/** 8 MiB parts: above S3's 5 MiB minimum; 10,000 parts allow objects of 80 GiB. */
export const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 4;
const DEFAULT_CONTENT_TYPE = "application/octet-stream";

type S3Config = Extract<BlobConfig, { kind: "s3" }>;

/**
 * The S3 client. With an endpoint (an S3-compatible server): path-style addressing, and checksums
 * only where the API requires them: with the SDK's default flexible checksums, s3rver stores the
 * aws-chunked framing inside streamed objects (docs: /work/shared/TOOLCHAIN.md). In AWS the default
 * checksums stay on.
 */
export function createS3Client(config: Pick<S3Config, "region" | "endpoint">, extra: Pick<S3ClientConfig, "credentials"> = {}): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint
      ? { endpoint: config.endpoint, forcePathStyle: true, requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" }
      : {}),
    ...extra,
  });
}

export interface S3BlobStoreOptions {
  client: S3Client;
  bucket: string;
  /** Keys per ListObjectsV2 call (S3's maximum, 1000, unless a test wants more pages). */
  listPageSize?: number;
}

const status = (e: unknown): number | undefined => (e as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;

function isMissing(e: unknown): boolean {
  return (e instanceof S3ServiceException && (e.name === "NoSuchKey" || e.name === "NotFound")) || status(e) === 404;
}

/** 412 PreconditionFailed: the key exists; 409 ConditionalRequestConflict: a concurrent write won. */
function isExists(e: unknown): boolean {
  return status(e) === 412 || (e instanceof S3ServiceException && (e.name === "PreconditionFailed" || e.name === "ConditionalRequestConflict"));
}

function described(key: string, m: { ContentLength?: number; ContentType?: string; Metadata?: Record<string, string> }): StoredBlob {
  const sha256 = m.Metadata?.sha256;
  return { key, bytes: m.ContentLength ?? 0, sha256: isSha256Hex(sha256) ? sha256 : null, contentType: m.ContentType ?? DEFAULT_CONTENT_TYPE };
}

/** Reads until `limit` bytes or the end; the iterator then continues where this stopped. */
async function readFirstPart(iterator: AsyncIterator<Buffer>, limit: number): Promise<{ chunks: Buffer[]; bytes: number; ended: boolean }> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  while (bytes < limit) {
    const next = await iterator.next();
    if (next.done) return { chunks, bytes, ended: true };
    chunks.push(next.value);
    bytes += next.value.length;
  }
  return { chunks, bytes, ended: false };
}

export function createS3BlobStore(options: S3BlobStoreOptions): BlobStore {
  const { client, bucket } = options;
  const listPageSize = options.listPageSize ?? 1000;

  async function head(key: string): Promise<StoredBlob | null> {
    assertBlobKey(key);
    try {
      return described(key, await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
    } catch (e) {
      if (isMissing(e)) return null;
      // A HEAD answer has no body, so the SDK can only say "UnknownError": name what S3 refused.
      if (status(e) === 403) {
        throw new Error(`S3 refused HeadObject in bucket ${bucket} (403): check the credentials, and that they may s3:GetObject and s3:ListBucket (without ListBucket a missing key is a 403)`, { cause: e });
      }
      throw e;
    }
  }

  return {
    kind: "s3",
    head,

    async put(key: string, body: NodeJS.ReadableStream | Readable | Uint8Array, putOptions: PutOptions): Promise<BlobObject> {
      const source = toReadable(body);
      const hasher = new HashingStream(putOptions.sha256);
      // When the body fails, that is the error to report, not what the upload says about it afterwards
      // (an abort that the server refuses, a truncated request).
      let bodyError: unknown = null;
      hasher.once("error", (e) => {
        bodyError = e;
      });
      try {
        assertBlobKey(key);
        assertPutOptions(putOptions);
        if (await head(key)) throw new AppError("BLOB_EXISTS", `${key} already exists`);
        // Errors of the source reach the hasher, and so whoever reads it.
        const hashed = pipeline(source, hasher, () => {});
        const iterator = hashed[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
        const first = await readFirstPart(iterator, PART_SIZE);
        const common = { Bucket: bucket, Key: key, ContentType: putOptions.contentType, IfNoneMatch: "*" };
        if (first.ended) {
          await client.send(
            new PutObjectCommand({
              ...common,
              Body: Buffer.concat(first.chunks, first.bytes),
              ContentLength: first.bytes,
              Metadata: { sha256: hasher.sha256 },
            }),
          );
        } else {
          const rest = async function* () {
            yield* first.chunks;
            for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
          };
          const upload = new Upload({
            client,
            params: { ...common, Body: Readable.from(rest()), ...(putOptions.sha256 ? { Metadata: { sha256: putOptions.sha256 } } : {}) },
            partSize: PART_SIZE,
            queueSize: QUEUE_SIZE,
            leavePartsOnError: false,
          });
          await upload.done();
        }
        return { key, bytes: hasher.bytes, sha256: hasher.sha256, contentType: putOptions.contentType };
      } catch (e) {
        source.destroy();
        hasher.destroy();
        if (bodyError) throw bodyError;
        if (isExists(e)) throw new AppError("BLOB_EXISTS", `${key} already exists`);
        throw e;
      }
    },

    async get(key: string) {
      assertBlobKey(key);
      try {
        const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!(res.Body instanceof Readable)) throw new Error("S3 GetObject returned no Node stream");
        return { object: described(key, res), body: res.Body };
      } catch (e) {
        if (isMissing(e)) throw new AppError("NOT_FOUND", `No blob ${key}`);
        throw e;
      }
    },

    async list(prefix: string) {
      assertBlobPrefix(prefix);
      const found: { key: string; bytes: number }[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: listPageSize, ContinuationToken: token }),
        );
        for (const o of page.Contents ?? []) {
          // Objects that this store could not have written (other tools, other key rules) are not its keys.
          if (o.Key !== undefined && isBlobKey(o.Key)) found.push({ key: o.Key, bytes: o.Size ?? 0 });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    },
  };
}
