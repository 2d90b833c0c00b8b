/**
 * Canonical JSON (the subset of RFC 8785 JCS that Donum's data needs: objects with keys
 * sorted by UTF-16 code units, no whitespace, ECMAScript number formatting). Hashes of form
 * texts, audit entries and decisions are taken over this form so that anyone can recompute
 * them from the JSON alone.
 */
import { createHash } from "node:crypto";

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") {
    return JSON.stringify(value);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("canonicalJson: non-finite number");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  }
  // Only plain objects: a Date, Map, Buffer… has no JSON form of its own here, and serialising
  // it as "{}" would let values that differ in it share a hash. (The tag check works across realms.)
  if (typeof value === "object" && Object.prototype.toString.call(value) === "[object Object]") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  throw new TypeError(`canonicalJson: unsupported type ${Object.prototype.toString.call(value)}`);
}

/** "sha256:<hex>" of the canonical JSON of a value. */
export function sha256Canonical(value: unknown): string {
  return `sha256:${createHash("sha256").update(canonicalJson(value), "utf8").digest("hex")}`;
}

export const Sha256Ref = /^sha256:[0-9a-f]{64}$/;
