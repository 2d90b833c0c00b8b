/**
 * The one rule for blob keys, checked by every adapter on every call (AppError INVALID_INPUT):
 * relative, segments of [A-Za-z0-9._-] separated by "/", no empty segment and no segment of dots
 * only ("." / ".."), segments of at most 200 characters (a file name is at most 255 bytes, and the fs
 * adapter appends suffixes to it), at most 512 characters in all. The same key is then a safe relative path on any file
 * system and a plain S3 key; characters outside the alphabet stay free for the fs adapter's own
 * files (sidecars, temporary files), which can therefore never collide with a key.
 */
import { AppError } from "../errors";

export const MAX_KEY_LENGTH = 512;
export const MAX_SEGMENT_LENGTH = 200;
const SEGMENT = new RegExp(`^[A-Za-z0-9._-]{1,${MAX_SEGMENT_LENGTH}}$`);
const DOTS_ONLY = /^\.+$/;

export function isBlobSegment(segment: string): boolean {
  return SEGMENT.test(segment) && !DOTS_ONLY.test(segment);
}

export function isBlobKey(key: string): boolean {
  return typeof key === "string" && key.length > 0 && key.length <= MAX_KEY_LENGTH && key.split("/").every(isBlobSegment);
}

export function assertBlobKey(key: string): void {
  if (!isBlobKey(key)) {
    throw new AppError("INVALID_INPUT", "Not a valid blob key", [
      { path: "key", message: `segments of [A-Za-z0-9._-] separated by "/", relative, no "." or ".." segment, segments of at most ${MAX_SEGMENT_LENGTH} and keys of at most ${MAX_KEY_LENGTH} characters` },
    ]);
  }
}

/** A list prefix: empty, or a key, or a key followed by "/" (a partial last segment is allowed). */
export function assertBlobPrefix(prefix: string): void {
  const ok = prefix === "" || (prefix.length <= MAX_KEY_LENGTH && isBlobKey(prefix.endsWith("/") ? prefix.slice(0, -1) : prefix));
  if (!ok) throw new AppError("INVALID_INPUT", "Not a valid blob key prefix", [{ path: "prefix", message: "empty, or a blob key optionally followed by /" }]);
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
// It travels as an HTTP header (S3, downloads): printable ASCII only.
const CONTENT_TYPE = /^[\x21-\x7e][\x20-\x7e]{0,254}$/;

export function isSha256Hex(value: unknown): value is string {
  return typeof value === "string" && SHA256_HEX.test(value);
}

export function assertPutOptions(options: { contentType: string; sha256?: string }): void {
  if (typeof options?.contentType !== "string" || !CONTENT_TYPE.test(options.contentType)) {
    throw new AppError("INVALID_INPUT", "Not a valid content type", [{ path: "contentType", message: "printable ASCII, 1 to 255 characters" }]);
  }
  if (options.sha256 !== undefined && !isSha256Hex(options.sha256)) {
    throw new AppError("INVALID_INPUT", "Not a valid SHA-256", [{ path: "sha256", message: "64 lower-case hex digits" }]);
  }
}
