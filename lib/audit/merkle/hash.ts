/**
 * The hashing layer of RFC 9162 (Certificate Transparency 2.0) §2.1: SHA-256 with domain
 * separation between leaves (prefix 0x00) and interior nodes (prefix 0x01), so that no leaf can
 * be passed off as an interior node (second-preimage attack, RFC 9162 §2.1.1).
 *
 * Hashes are 32-byte Buffers. A returned Buffer is never an alias of an argument.
 */
import * as crypto from "node:crypto";

/** Size in bytes of every hash in the tree (SHA-256). */
export const HASH_SIZE = 32;

// crypto.hash (Node >= 20.12) is a one-shot digest, roughly twice as fast as createHash() for
// 65-byte inputs, which matters when a root over a million leaves is recomputed. Older Node
// versions (package.json allows 20.9) fall back to createHash().
const sha256: (data: Uint8Array) => Buffer =
  typeof crypto.hash === "function"
    ? (data) => crypto.hash("sha256", data, "buffer")
    : (data) => crypto.createHash("sha256").update(data).digest();

/** MTH({}) = SHA-256() — the root of the empty tree (RFC 9162 §2.1.1). */
export const EMPTY_ROOT: Buffer = crypto.createHash("sha256").digest();

/** Returns a fresh copy of the empty-tree root (EMPTY_ROOT itself is shared; never mutate it). */
export function emptyRoot(): Buffer {
  return Buffer.from(EMPTY_ROOT);
}

/** True when `value` is a Uint8Array (Buffer included) of exactly HASH_SIZE bytes. */
export function isHash(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.length === HASH_SIZE;
}

/** MTH({d(0)}) = SHA-256(0x00 || d(0)) — the hash of one leaf (RFC 9162 §2.1.1). */
export function leafHash(data: Uint8Array): Buffer {
  if (!(data instanceof Uint8Array)) throw new TypeError("leafHash: data must be a Uint8Array");
  const input = Buffer.allocUnsafe(1 + data.length);
  input[0] = 0x00;
  input.set(data, 1);
  return sha256(input);
}

// One scratch buffer for node hashing: JavaScript is single-threaded and the digest is
// synchronous, so it is never shared between two calls in flight.
const nodeInput = Buffer.allocUnsafe(1 + 2 * HASH_SIZE);
nodeInput[0] = 0x01;

/** SHA-256(0x01 || left || right) — an interior node (RFC 9162 §2.1.1). Both must be 32 bytes. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (!isHash(left) || !isHash(right)) throw new TypeError(`nodeHash: children must be ${HASH_SIZE}-byte hashes`);
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return sha256(nodeInput);
}

/** Constant-shape comparison of two hashes; false unless both are 32-byte hashes and equal. */
export function hashEquals(a: unknown, b: unknown): boolean {
  return isHash(a) && isHash(b) && crypto.timingSafeEqual(a, b);
}

const HEX_HASH = /^[0-9a-f]{64}$/;
const BASE64_HASH = /^[A-Za-z0-9+/]{43}=$/;

/** Lower-case hex of a hash. */
export function hashToHex(hash: Uint8Array): string {
  return Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString("hex");
}

/** Parses 64 lower-case hex digits into a hash; throws on anything else (no silent truncation). */
export function hashFromHex(hex: string): Buffer {
  if (typeof hex !== "string" || !HEX_HASH.test(hex)) throw new TypeError("hashFromHex: expected 64 lower-case hex digits");
  return Buffer.from(hex, "hex");
}

/** Standard padded base64 of a hash (as transparency-dev's JSON test data and C2SP checkpoints use). */
export function hashToBase64(hash: Uint8Array): string {
  return Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString("base64");
}

/** Parses standard padded base64 of exactly 32 bytes; throws on anything else. */
export function hashFromBase64(b64: string): Buffer {
  if (typeof b64 !== "string" || !BASE64_HASH.test(b64)) throw new TypeError("hashFromBase64: expected 44 characters of padded base64");
  const out = Buffer.from(b64, "base64");
  // Re-encoding rejects non-canonical encodings (non-zero trailing bits), so one hash has one text.
  if (out.length !== HASH_SIZE || out.toString("base64") !== b64) throw new TypeError("hashFromBase64: not a canonical 32-byte base64 value");
  return out;
}
