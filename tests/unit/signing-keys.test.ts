/**
 * Signing-key rotation, the pure part (lib/crypto/signing-keys.ts): the public key state, the
 * two-phase transitions, the wait before activation and the JWK Set each state publishes.
 */
import { generateKeyPairSync } from "node:crypto";
import { JWKS_MAX_AGE_SECONDS } from "../../lib/crypto/jwks";
import { createLocalSigner, jwkThumbprint } from "../../lib/crypto/local-keys";
import {
  ACTIVATION_DELAY_SECONDS,
  activationReadyAt,
  beginActivation,
  DEFAULT_PREVIOUS_KEY_RETENTION_DAYS,
  emptyKeyState,
  finishActivation,
  KEY_RELOAD_SECONDS,
  MIN_PREVIOUS_KEY_RETENTION_DAYS,
  parseKeyState,
  previousKeyIds,
  publishedKeySet,
  SigningKeyError,
  stageKey,
  type KeyState,
} from "../../lib/crypto/signing-keys";
import type { Signer } from "../../lib/crypto/signer";

const newSigner = (): Signer => createLocalSigner(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey);
const T0 = new Date("2026-03-01T10:00:00.000Z");
const after = (s: number, from = T0) => new Date(from.getTime() + s * 1000);
const DAY = 86_400;

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof SigningKeyError) return e.code;
    throw e;
  }
  return "OK";
};
const kids = (jwks: { keys: { kid: string }[] }) => jwks.keys.map((k) => k.kid);

describe("the wait before a staged key may sign", () => {
  it("covers the server's reload interval and two cache lifetimes of the JWK Set (a shared cache, then the node's)", () => {
    expect(JWKS_MAX_AGE_SECONDS).toBe(300);
    expect(ACTIVATION_DELAY_SECONDS).toBe(KEY_RELOAD_SECONDS + 2 * JWKS_MAX_AGE_SECONDS);
    expect(activationReadyAt({ stagedAt: T0.toISOString() }).toISOString()).toBe(after(ACTIVATION_DELAY_SECONDS).toISOString());
  });
});

describe("stage → activate", () => {
  const current = newSigner();
  const next = newSigner();
  const opts = (now: Date, extra: Partial<{ force: boolean; retentionDays: number }> = {}) => ({
    now,
    force: false,
    retentionDays: DEFAULT_PREVIOUS_KEY_RETENTION_DAYS,
    ...extra,
  });

  it("staging publishes the next key after the current one; the current key still signs", () => {
    const staged = stageKey(emptyKeyState(), next.publicJwk, T0);
    expect(staged.next).toEqual({ jwk: next.publicJwk, stagedAt: T0.toISOString() });
    expect(kids(publishedKeySet(current, staged, T0))).toEqual([current.kid, next.kid]);
  });

  it("refuses a second stage while one is pending", () => {
    const staged = stageKey(emptyKeyState(), next.publicJwk, T0);
    expect(codeOf(() => stageKey(staged, newSigner().publicJwk, T0))).toBe("KEY_ALREADY_STAGED");
  });

  it("refuses activation before the wait, unless forced; refuses it with nothing staged", () => {
    const staged = stageKey(emptyKeyState(), next.publicJwk, T0);
    expect(codeOf(() => beginActivation(staged, current.publicJwk, opts(after(ACTIVATION_DELAY_SECONDS - 1))))).toBe("ACTIVATION_TOO_EARLY");
    expect(codeOf(() => beginActivation(staged, current.publicJwk, opts(after(ACTIVATION_DELAY_SECONDS))))).toBe("OK");
    expect(codeOf(() => beginActivation(staged, current.publicJwk, opts(T0, { force: true })))).toBe("OK");
    expect(codeOf(() => beginActivation(emptyKeyState(), current.publicJwk, opts(T0, { force: true })))).toBe("NO_STAGED_KEY");
  });

  it("activation moves the current PUBLIC key to the previous keys, first, with retiredAt and publishUntil", () => {
    const older = newSigner();
    const base: KeyState = {
      version: 1,
      next: null,
      previous: [{ ...older.publicJwk, retiredAt: "2025-01-01T00:00:00.000Z", publishUntil: "2035-01-01T00:00:00.000Z" } as never],
    };
    const now = after(ACTIVATION_DELAY_SECONDS + 10);
    const begun = beginActivation(stageKey(base, next.publicJwk, T0), current.publicJwk, opts(now, { retentionDays: 60 }));
    expect(begun.next?.activationStartedAt).toBe(now.toISOString());
    expect(begun.previous.map((k) => k.kid)).toEqual([current.kid, older.kid]);
    expect(begun.previous[0]).toEqual({
      ...current.publicJwk,
      retiredAt: now.toISOString(),
      publishUntil: after(60 * DAY, now).toISOString(),
    });
    expect(begun.previous[0]).not.toHaveProperty("d");
    // Mid-activation (whichever key file a reader sees) every key is published.
    expect(kids(publishedKeySet(current, begun, now))).toEqual([current.kid, next.kid, older.kid]);
    expect(kids(publishedKeySet(next, begun, now))).toEqual([next.kid, current.kid, older.kid]);
    expect(previousKeyIds(begun, now)).toEqual([current.kid, older.kid]);

    const done = finishActivation(begun);
    expect(done.next).toBeNull();
    expect(kids(publishedKeySet(next, done, now))).toEqual([next.kid, current.kid, older.kid]);
  });

  it("a begun activation is not begun again (no second audit entry, no second retiredAt)", () => {
    const begun = beginActivation(stageKey(emptyKeyState(), next.publicJwk, T0), current.publicJwk, opts(T0, { force: true }));
    expect(beginActivation(begun, current.publicJwk, opts(after(99)))).toBe(begun);
    expect(codeOf(() => stageKey(begun, newSigner().publicJwk, T0))).toBe("ACTIVATION_IN_PROGRESS");
  });

  it("keeps a retired key published for at least the minimum period", () => {
    const staged = stageKey(emptyKeyState(), next.publicJwk, T0);
    expect(MIN_PREVIOUS_KEY_RETENTION_DAYS).toBe(30);
    expect(codeOf(() => beginActivation(staged, current.publicJwk, opts(T0, { force: true, retentionDays: 29 })))).toBe("RETENTION_TOO_SHORT");
    expect(codeOf(() => beginActivation(staged, current.publicJwk, opts(T0, { force: true, retentionDays: 30.5 })))).toBe("RETENTION_TOO_SHORT");
    expect(codeOf(() => beginActivation(staged, current.publicJwk, opts(T0, { force: true, retentionDays: 30 })))).toBe("OK");
  });

  it("every state a reader can meet during a rotation publishes every key that has signed or will sign", () => {
    // Readers see signing-key.pem (old or new) and signing-keys.json (one of its versions) at
    // different moments; each file changes atomically. These are all the pairs the ordered steps allow.
    const s0 = emptyKeyState();
    const s1 = stageKey(s0, next.publicJwk, T0);
    const s2 = beginActivation(s1, current.publicJwk, opts(T0, { force: true }));
    const s3 = finishActivation(s2);
    const seen: [Signer, KeyState][] = [
      [current, s1],
      [current, s2],
      [next, s2],
      [next, s3],
    ];
    for (const [signer, state] of seen) {
      expect(kids(publishedKeySet(signer, state, T0))).toEqual(expect.arrayContaining([current.kid, next.kid]));
    }
  });
});

describe("publication period of previous keys", () => {
  it("a previous key is published until publishUntil, then left out (but kept in the state)", () => {
    const current = newSigner();
    const old = newSigner();
    const state: KeyState = {
      version: 1,
      next: null,
      previous: [{ ...(old.publicJwk as object), retiredAt: T0.toISOString(), publishUntil: after(DAY).toISOString() } as never],
    };
    expect(kids(publishedKeySet(current, state, after(DAY - 1)))).toEqual([current.kid, old.kid]);
    expect(kids(publishedKeySet(current, state, after(DAY)))).toEqual([current.kid]);
    expect(state.previous).toHaveLength(1);
  });
});

describe("signing-keys.json validation", () => {
  const signer = newSigner();
  const valid = { version: 1, next: { jwk: signer.publicJwk, stagedAt: T0.toISOString() }, previous: [] };

  it("accepts a valid state", () => {
    expect(parseKeyState(JSON.parse(JSON.stringify(valid)), "f")).toEqual(valid);
  });

  it.each<[string, unknown]>([
    ["a private member", { ...valid, next: { ...valid.next, jwk: { ...signer.publicJwk, d: "A".repeat(43) } } }],
    ["a kid that is not the thumbprint", { ...valid, next: { ...valid.next, jwk: { ...signer.publicJwk, kid: jwkThumbprint({ ...signer.publicJwk, x: "B".repeat(43) }) } } }],
    ["another curve", { ...valid, next: { ...valid.next, jwk: { ...signer.publicJwk, crv: "P-384" } } }],
    ["a time without zone", { ...valid, next: { ...valid.next, stagedAt: "2026-03-01T10:00:00" } }],
    ["an unknown version", { ...valid, version: 2 }],
    ["a previous key without publishUntil", { ...valid, previous: [{ ...signer.publicJwk, retiredAt: T0.toISOString() }] }],
  ])("refuses %s", (_what, json) => {
    expect(codeOf(() => parseKeyState(json, "keys/signing-keys.json"))).toBe("KEY_STATE_INVALID");
  });
});
