/**
 * Rotation of Donum's signing key without downtime (ADR 0006), the pure part: the public key
 * state, the two-phase transitions and the JWK Set they publish. File handling is in keyring.ts.
 *
 * Two phases, because imaging nodes cache the JWK Set (Cache-Control max-age) and must find
 * the kid of every signature they receive in it:
 *
 *   stage     a new key pair is generated; its PUBLIC key is published in the JWK Set as the
 *             "next" key, while the current key goes on signing;
 *   activate  no earlier than ACTIVATION_DELAY_SECONDS after staging (unless forced), the next
 *             key becomes the current key and signs; the old current key's PUBLIC key moves to
 *             the previous keys, published until its `publishUntil`; its private key is gone.
 *
 * So at every moment, every key that has signed or may sign is in the published set, and a
 * node's cached copy is at most (reload interval + 2 × max-age) old when the next key starts
 * signing: one max-age in a shared cache (CDN), one in the node's own cache.
 */
import { z } from "zod";
import { JWKS_MAX_AGE_SECONDS, publishedJwks, type Jwks, type PublicJwk } from "./jwks";
import { jwkThumbprint } from "./local-keys";
import type { Signer } from "./signer";

/** A server re-reads the key files at most this often (on the next request after it). */
export const KEY_RELOAD_SECONDS = 5;

/** The earliest activation after staging: every cache of the JWK Set has seen the next key by then. */
export const ACTIVATION_DELAY_SECONDS = KEY_RELOAD_SECONDS + 2 * JWKS_MAX_AGE_SECONDS;

/** How long a retired public key stays published by default (ADR 0006: receipts and decisions are long-lived evidence). */
export const DEFAULT_PREVIOUS_KEY_RETENTION_DAYS = 3650;

/** Shorter would let evidence signed days ago stop verifying against the published set. */
export const MIN_PREVIOUS_KEY_RETENTION_DAYS = 30;

const DAY_MS = 86_400_000;

const B64URL_256 = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "43 base64url characters (256 bits)");
const Instant = z.iso.datetime({ offset: false });

const signingJwkShape = {
  kty: z.literal("EC"),
  crv: z.literal("P-256"),
  x: B64URL_256,
  y: B64URL_256,
  kid: B64URL_256,
  alg: z.literal("ES256"),
  use: z.literal("sig"),
};

const kidIsThumbprint = (jwk: { kid: string; kty: string; crv: string; x: string; y: string }) => jwk.kid === jwkThumbprint(jwk);
const KID_MESSAGE = { message: "kid is not the RFC 7638 thumbprint of the key", path: ["kid"] };

/** A public ES256 signing key as Donum publishes it. Strict: a private member ("d") is refused. */
export const SigningJwk = z.strictObject(signingJwkShape).refine(kidIsThumbprint, KID_MESSAGE);
export type SigningJwk = z.infer<typeof SigningJwk>;

/** A retired key: its public JWK, when it stopped signing, and until when it stays published. */
export const PreviousKey = z
  .strictObject({ ...signingJwkShape, retiredAt: Instant, publishUntil: Instant })
  .refine(kidIsThumbprint, KID_MESSAGE);
export type PreviousKey = z.infer<typeof PreviousKey>;

/** The staged next key (its private key is in next-signing-key.pem, never here). */
export const StagedKey = z.strictObject({
  jwk: SigningJwk,
  stagedAt: Instant,
  /** Set when activation began (the audit entry is written): activation then only finishes. */
  activationStartedAt: Instant.optional(),
});
export type StagedKey = z.infer<typeof StagedKey>;

/** The public key state, kept in <keys>/signing-keys.json. */
export const KeyState = z.strictObject({
  version: z.literal(1),
  next: StagedKey.nullable(),
  /** Most recently retired first. */
  previous: z.array(PreviousKey).max(1000),
});
export type KeyState = z.infer<typeof KeyState>;

export type SigningKeyErrorCode =
  | "NO_STAGED_KEY"
  | "KEY_ALREADY_STAGED"
  | "ACTIVATION_TOO_EARLY"
  | "ACTIVATION_IN_PROGRESS"
  | "STAGED_KEY_MISSING"
  | "STAGED_KEY_MISMATCH"
  | "ROTATION_LOCKED"
  | "KEY_STATE_INVALID"
  | "RETENTION_TOO_SHORT"
  | "KEY_ALREADY_CURRENT";

/** A refusal of a key operation, with a code the CLI prints. */
export class SigningKeyError extends Error {
  constructor(
    readonly code: SigningKeyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "SigningKeyError";
  }
}

/** The public members of a signer's key, validated (a private member is never carried over). */
export function toSigningJwk(input: object): SigningJwk {
  const jwk = input as Record<string, unknown>;
  return SigningJwk.parse({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, kid: jwk.kid, alg: jwk.alg, use: jwk.use });
}

export function emptyKeyState(): KeyState {
  return { version: 1, next: null, previous: [] };
}

/** Validates the parsed content of signing-keys.json; `where` names the file in the message. */
export function parseKeyState(json: unknown, where: string): KeyState {
  const result = KeyState.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  throw new SigningKeyError("KEY_STATE_INVALID", `${where} is not a valid signing-key state: ${issues.join("; ")}`);
}

/** When a staged key may be activated without --force. */
export function activationReadyAt(next: Pick<StagedKey, "stagedAt">): Date {
  return new Date(Date.parse(next.stagedAt) + ACTIVATION_DELAY_SECONDS * 1000);
}

/** Previous keys still published at `now`. */
export function publishedPreviousKeys(state: KeyState, now: Date): PreviousKey[] {
  return state.previous.filter((k) => Date.parse(k.publishUntil) > now.getTime());
}

/**
 * The JWK Set to publish: the current key first, then the staged next key, then the previous
 * keys still within their publication period (most recently retired first).
 */
export function publishedKeySet(current: Pick<Signer, "publicJwk">, state: KeyState, now: Date): Jwks {
  return publishedJwks(current, [...(state.next ? [state.next.jwk] : []), ...publishedPreviousKeys(state, now)]);
}

/** Phase 1: publish `nextJwk` as the next key. */
export function stageKey(state: KeyState, nextJwk: object, now: Date): KeyState {
  if (state.next) {
    if (state.next.activationStartedAt) {
      throw new SigningKeyError("ACTIVATION_IN_PROGRESS", `the activation of ${state.next.jwk.kid} has begun; run "keys rotate --activate" to finish it`);
    }
    throw new SigningKeyError(
      "KEY_ALREADY_STAGED",
      `key ${state.next.jwk.kid} is already staged (since ${state.next.stagedAt}); activate it from ${activationReadyAt(state.next).toISOString()}, or cancel it`,
    );
  }
  return { ...state, next: { jwk: toSigningJwk(nextJwk), stagedAt: now.toISOString() } };
}

export interface ActivationOptions {
  now: Date;
  /** Activate before ACTIVATION_DELAY_SECONDS have passed (a node may meet an unknown kid until it refetches). */
  force: boolean;
  /** How long the retiring key stays published. */
  retentionDays: number;
}

export function checkRetentionDays(days: number): void {
  if (!Number.isInteger(days) || days < MIN_PREVIOUS_KEY_RETENTION_DAYS || days > 36_500) {
    throw new SigningKeyError(
      "RETENTION_TOO_SHORT",
      `a retired key stays published for a whole number of days from ${MIN_PREVIOUS_KEY_RETENTION_DAYS} to 36500 (got ${days})`,
    );
  }
}

/**
 * Phase 2, first half: the current key joins the previous keys and the activation is marked
 * as begun. The next key stays in `next` until the key files have been switched.
 */
export function beginActivation(state: KeyState, currentJwk: object, options: ActivationOptions): KeyState {
  const next = state.next;
  if (!next) throw new SigningKeyError("NO_STAGED_KEY", 'no key is staged; run "keys rotate --stage" first');
  if (next.activationStartedAt) return state;
  checkRetentionDays(options.retentionDays);
  const readyAt = activationReadyAt(next);
  if (!options.force && options.now < readyAt) {
    const wait = Math.ceil((readyAt.getTime() - options.now.getTime()) / 1000);
    throw new SigningKeyError(
      "ACTIVATION_TOO_EARLY",
      `key ${next.jwk.kid} was staged at ${next.stagedAt}; nodes may still hold a JWK Set without it. ` +
        `Activate from ${readyAt.toISOString()} (in ${wait} s), or pass --force to accept that risk`,
    );
  }
  const at = options.now.toISOString();
  const retired: PreviousKey = {
    ...toSigningJwk(currentJwk),
    retiredAt: at,
    publishUntil: new Date(options.now.getTime() + options.retentionDays * DAY_MS).toISOString(),
  };
  const previous = [retired, ...state.previous.filter((k) => k.kid !== retired.kid && k.kid !== next.jwk.kid)];
  return { ...state, next: { ...next, activationStartedAt: at }, previous };
}

/** Phase 2, second half: once the next key signs, it is no longer "next". */
export function finishActivation(state: KeyState): KeyState {
  return { ...state, next: null };
}

/** The kids of the previous keys a rotation leaves published (what the audit entry records). */
export function previousKeyIds(state: KeyState, now: Date): string[] {
  return publishedPreviousKeys(state, now).map((k) => k.kid);
}

export type { PublicJwk };
