/**
 * The blob store chosen by configuration: fs (embedded default) or s3. Credentials for S3 come from
 * the SDK's default chain (the Lambda's role in AWS).
 */
import type { BlobConfig } from "../config";
import { createFsBlobStore } from "./fs";
import type { BlobStore } from "./ports";
import { createS3BlobStore, createS3Client } from "./s3";

export type { BlobObject, BlobStore, PutOptions, StoredBlob } from "./ports";
export { createFsBlobStore } from "./fs";
export { createS3BlobStore, createS3Client } from "./s3";

export function createBlobStore(config: BlobConfig): BlobStore {
  switch (config.kind) {
    case "fs":
      return createFsBlobStore({ root: config.root });
    case "s3":
      return createS3BlobStore({ client: createS3Client(config), bucket: config.bucket });
  }
}
