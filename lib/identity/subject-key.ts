/**
 * Subject identity. Donum knows a citizen only by
 *   subjectKey = HMAC-SHA256(pepper, normalised national identifier)
 * The raw identifier is normalised and keyed at once and never stored, logged or returned:
 * errors below describe what is wrong without echoing the input.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors";

/** eIDAS uses "EL" for Greece where ISO 3166 says "GR"; one person must get one key. */
const COUNTRY_ALIASES: Record<string, string> = { EL: "GR", UK: "GB" };

/**
 * Accepts an eIDAS PersonIdentifier ("ES/AT/02635542Y": origin/destination/identifier) or
 * "ES/02635542Y". The destination is dropped: the same citizen signing in through another
 * member state's node must map to the same subject. Separators, spaces and case inside the
 * identifier are not significant.
 */
export function normaliseNationalId(raw: string): string {
  if (typeof raw !== "string" || raw.length > 256) throw invalid();
  const parts = raw.normalize("NFKC").trim().split("/");
  if (parts.length !== 2 && parts.length !== 3) throw invalid();
  const origin = parts[0]!.trim().toUpperCase();
  if (parts.length === 3 && !/^[A-Z]{2}$/.test(parts[1]!.trim().toUpperCase())) throw invalid();
  if (!/^[A-Z]{2}$/.test(origin)) throw invalid();
  const country = COUNTRY_ALIASES[origin] ?? origin;
  const id = parts[parts.length - 1]!.replace(/[\s.\-_]/g, "").toUpperCase();
  if (!/^[A-Z0-9]{1,64}$/.test(id)) throw invalid();
  return `${country}/${id}`;
}

function invalid(): AppError {
  return new AppError(
    "INVALID_SUBJECT_IDENTIFIER",
    "The national identifier must be an eIDAS person identifier such as CC/DD/IDENTIFIER or CC/IDENTIFIER.",
  );
}

export interface SubjectKeyer {
  /** Normalises and keys a raw national identifier. */
  keyOf(rawNationalId: string): string;
}

export function createSubjectKeyer(pepper: Buffer): SubjectKeyer {
  if (pepper.length < 32) throw new Error("The subject-key pepper must be at least 32 bytes");
  // Copy so that a caller zeroing its buffer cannot change keys under us.
  const key = Buffer.from(pepper);
  return {
    keyOf(rawNationalId) {
      return createHmac("sha256", key).update(normaliseNationalId(rawNationalId), "utf8").digest("hex");
    },
  };
}

export function sameSubjectKey(a: string, b: string): boolean {
  const ba = Buffer.from(a, "hex");
  const bb = Buffer.from(b, "hex");
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
