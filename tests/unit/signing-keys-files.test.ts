/**
 * Signing-key rotation on disk and in a running server (lib/crypto/keyring.ts), on a temporary
 * keys directory: staging and activation write the files in a safe order, the audit hook runs
 * once and before any file changes, an interrupted activation finishes, and a keyring held by a
 * "server" follows each step without a restart.
 */
import { createPrivateKey } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signCompactJws, verifyCompactJws } from "../../lib/crypto/jws";
import {
  activateNextKey,
  cancelStagedKey,
  createFixedKeyring,
  createLocalKeyring,
  KEY_STATE_FILE,
  NEXT_SIGNING_KEY_FILE,
  readKeyState,
  ROTATION_LOCK_FILE,
  stageNextKey,
  writeKeyState,
  type Rotation,
} from "../../lib/crypto/keyring";
import { createLocalSigner, ensureSigningKeyFile, SIGNING_KEY_FILE } from "../../lib/crypto/local-keys";
import { ACTIVATION_DELAY_SECONDS, beginActivation, KEY_RELOAD_SECONDS, SigningKeyError } from "../../lib/crypto/signing-keys";

const T0 = new Date("2026-03-01T10:00:00.000Z");
const later = (s: number) => new Date(T0.getTime() + s * 1000);
const READY = later(ACTIVATION_DELAY_SECONDS);

let dir: string;
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), "donum-rotation-")), "keys");
  ensureSigningKeyFile(dir);
});
afterEach(() => rmSync(join(dir, ".."), { recursive: true, force: true }));

const keyAt = (file: string) => createPrivateKey(readFileSync(file, "utf8"));
const kidOfFile = (file: string) => createLocalSigner(keyAt(file)).kid;
const currentKid = () => kidOfFile(join(dir, SIGNING_KEY_FILE));
const kids = (jwks: { keys: { kid: string }[] }) => jwks.keys.map((k) => k.kid);

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    if (e instanceof SigningKeyError) return e.code;
    throw e;
  }
}

const activate = (now: Date, record: (r: Rotation) => Promise<void> = async () => {}, extra: { force?: boolean } = {}) =>
  activateNextKey(dir, { now, force: extra.force ?? false, retentionDays: 3650, record });

describe("stage", () => {
  it("writes the next private key (0600) and publishes its public key; the current key is untouched", async () => {
    const before = currentKid();
    const staged = await stageNextKey(dir, T0);
    expect(statSync(join(dir, NEXT_SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(kidOfFile(join(dir, NEXT_SIGNING_KEY_FILE))).toBe(staged.kid);
    expect(currentKid()).toBe(before);
    expect(readKeyState(dir).next).toMatchObject({ jwk: { kid: staged.kid }, stagedAt: T0.toISOString() });
    expect(staged.activatableAt).toBe(READY.toISOString());
    expect(readFileSync(join(dir, KEY_STATE_FILE), "utf8")).not.toMatch(/"d"/);
    expect(existsSync(join(dir, ROTATION_LOCK_FILE))).toBe(false);
  });

  it("is refused while another key operation holds the lock", async () => {
    writeFileSync(join(dir, ROTATION_LOCK_FILE), "{}");
    expect(await codeOf(stageNextKey(dir, T0))).toBe("ROTATION_LOCKED");
    expect(readKeyState(dir).next).toBeNull();
  });

  it("can be cancelled before activation: the next key is withdrawn and its private key deleted", async () => {
    const staged = await stageNextKey(dir, T0);
    expect(await cancelStagedKey(dir)).toEqual({ kid: staged.kid });
    expect(readKeyState(dir).next).toBeNull();
    expect(existsSync(join(dir, NEXT_SIGNING_KEY_FILE))).toBe(false);
    expect(await codeOf(cancelStagedKey(dir))).toBe("NO_STAGED_KEY");
  });
});

describe("activate", () => {
  it("records the rotation first, then switches: the old private key is gone, its public key is a previous key", async () => {
    const old = currentKid();
    const staged = await stageNextKey(dir, T0);
    const recorded: { rotation: Rotation; currentAtThatMoment: string; stateNext: string | undefined }[] = [];
    const result = await activate(READY, async (rotation) => {
      recorded.push({ rotation, currentAtThatMoment: currentKid(), stateNext: readKeyState(dir).next?.jwk.kid });
    });
    expect(recorded).toEqual([
      { rotation: { newKeyId: staged.kid, retiredKeyId: old, previousKeyIds: [old], at: READY }, currentAtThatMoment: old, stateNext: staged.kid },
    ]);
    expect(result).toMatchObject({ newKeyId: staged.kid, retiredKeyId: old, previousKeyIds: [old], resumed: false });
    expect(currentKid()).toBe(staged.kid);
    expect(existsSync(join(dir, NEXT_SIGNING_KEY_FILE))).toBe(false);
    expect(statSync(join(dir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
    const state = readKeyState(dir);
    expect(state.next).toBeNull();
    expect(state.previous).toEqual([expect.objectContaining({ kid: old, retiredAt: READY.toISOString(), publishUntil: result.publishUntil })]);
  });

  it("changes nothing when the audit entry cannot be written", async () => {
    const old = currentKid();
    const staged = await stageNextKey(dir, T0);
    const stateBefore = readFileSync(join(dir, KEY_STATE_FILE), "utf8");
    await expect(
      activate(READY, async () => {
        throw new Error("store unavailable");
      }),
    ).rejects.toThrow("store unavailable");
    expect(currentKid()).toBe(old);
    expect(kidOfFile(join(dir, NEXT_SIGNING_KEY_FILE))).toBe(staged.kid);
    expect(readFileSync(join(dir, KEY_STATE_FILE), "utf8")).toBe(stateBefore);
    expect(existsSync(join(dir, ROTATION_LOCK_FILE))).toBe(false);
  });

  it("is refused before the wait, and allowed with force", async () => {
    await stageNextKey(dir, T0);
    const record = jest.fn(async () => {});
    expect(await codeOf(activate(later(ACTIVATION_DELAY_SECONDS - 1), record))).toBe("ACTIVATION_TOO_EARLY");
    expect(record).not.toHaveBeenCalled();
    expect(await codeOf(activate(later(1), record, { force: true }))).toBe("OK");
    expect(record).toHaveBeenCalledTimes(1);
  });

  it("finishes an activation interrupted after the state was written, without a second audit entry", async () => {
    const old = currentKid();
    const staged = await stageNextKey(dir, T0);
    const current = createLocalSigner(keyAt(join(dir, SIGNING_KEY_FILE)));
    writeKeyState(dir, beginActivation(readKeyState(dir), current.publicJwk, { now: READY, force: false, retentionDays: 3650 }));
    const record = jest.fn(async () => {});
    const result = await activate(later(ACTIVATION_DELAY_SECONDS + 60), record);
    expect(record).not.toHaveBeenCalled();
    expect(result).toMatchObject({ newKeyId: staged.kid, retiredKeyId: old, resumed: true, at: READY });
    expect(currentKid()).toBe(staged.kid);
    expect(readKeyState(dir).next).toBeNull();
  });

  it("finishes an activation interrupted after the key files were switched", async () => {
    const staged = await stageNextKey(dir, T0);
    const current = createLocalSigner(keyAt(join(dir, SIGNING_KEY_FILE)));
    writeKeyState(dir, beginActivation(readKeyState(dir), current.publicJwk, { now: READY, force: false, retentionDays: 3650 }));
    renameSync(join(dir, NEXT_SIGNING_KEY_FILE), join(dir, SIGNING_KEY_FILE));
    const record = jest.fn(async () => {});
    expect(await activate(READY, record)).toMatchObject({ newKeyId: staged.kid, retiredKeyId: current.kid, resumed: true });
    expect(record).not.toHaveBeenCalled();
    expect(readKeyState(dir)).toMatchObject({ next: null, previous: [{ kid: current.kid }] });
  });

  it("refuses when nothing is staged, or the staged private key is missing or is another key", async () => {
    expect(await codeOf(activate(READY))).toBe("NO_STAGED_KEY");
    await stageNextKey(dir, T0);
    const next = join(dir, NEXT_SIGNING_KEY_FILE);
    const pem = readFileSync(next, "utf8");
    unlinkSync(next);
    expect(await codeOf(activate(READY))).toBe("STAGED_KEY_MISSING");
    writeFileSync(next, readFileSync(join(dir, SIGNING_KEY_FILE)), { mode: 0o600 });
    expect(await codeOf(activate(READY))).toBe("STAGED_KEY_MISMATCH");
    writeFileSync(next, pem, { mode: 0o600 });
    expect(await codeOf(activate(READY))).toBe("OK");
  });
});

describe("a running server's keyring", () => {
  it("follows stage and activate without a restart; a signature made before the rotation still verifies", async () => {
    const keyring = createLocalKeyring(dir, { reloadEveryMs: 0 });
    const before = keyring.signer();
    const receipt = await signCompactJws(before, { receipt: 1 }, { typ: "consent-receipt+jwt" });
    expect(kids(keyring.jwks())).toEqual([before.kid]);

    const staged = await stageNextKey(dir, T0);
    expect(keyring.signer().kid).toBe(before.kid); // staged keys do not sign
    expect(kids(keyring.jwks())).toEqual([before.kid, staged.kid]);

    await activate(READY);
    const after = keyring.signer();
    expect(after.kid).toBe(staged.kid);
    expect(kids(keyring.jwks())).toEqual([staged.kid, before.kid]);
    const fresh = await signCompactJws(after, { receipt: 2 }, { typ: "consent-receipt+jwt" });
    for (const jws of [receipt, fresh]) expect(verifyCompactJws(jws, keyring.jwks()).ok).toBe(true);

    // A snapshot taken before the rotation stays whole: its kid and its key agree.
    const late = await signCompactJws(before, { receipt: 3 }, { typ: "consent-receipt+jwt" });
    expect(verifyCompactJws(late, keyring.jwks())).toMatchObject({ ok: true, header: { kid: before.kid } });
  });

  it(`looks at the files at most every ${KEY_RELOAD_SECONDS} s`, async () => {
    let now = T0.getTime();
    const keyring = createLocalKeyring(dir, { now: () => new Date(now) });
    const staged = await stageNextKey(dir, T0);
    expect(kids(keyring.jwks())).not.toContain(staged.kid);
    now += KEY_RELOAD_SECONDS * 1000 - 1;
    expect(kids(keyring.jwks())).not.toContain(staged.kid);
    now += 1;
    expect(kids(keyring.jwks())).toContain(staged.kid);
  });

  it("keeps the last good keys when changed files cannot be read, and says so", async () => {
    const errors: unknown[] = [];
    const keyring = createLocalKeyring(dir, { reloadEveryMs: 0, onReloadError: (e) => errors.push(e) });
    const before = keyring.signer().kid;
    writeFileSync(join(dir, KEY_STATE_FILE), "{ not json");
    expect(keyring.signer().kid).toBe(before);
    expect(String(errors[0])).toMatch(/signing-keys\.json is not JSON/);
    unlinkSync(join(dir, KEY_STATE_FILE));
    chmodSync(join(dir, SIGNING_KEY_FILE), 0o644);
    expect(keyring.signer().kid).toBe(before);
    expect(String(errors[1])).toMatch(/readable by other users/);
  });

  it("refuses to start on a key file others can read (no keys, no service)", () => {
    chmodSync(join(dir, SIGNING_KEY_FILE), 0o640);
    expect(() => createLocalKeyring(dir)).toThrow(/readable by other users/);
  });

  it("a fixed signer (KMS) publishes the next and previous public keys of signing-keys.json when there is one", async () => {
    const kms = createLocalSigner(keyAt(join(dir, SIGNING_KEY_FILE)));
    const none = createFixedKeyring("kms", kms, join(dir, "absent"), { reloadEveryMs: 0 });
    expect(kids(none.jwks())).toEqual([kms.kid]);
    const staged = await stageNextKey(dir, T0);
    const withState = createFixedKeyring("kms", kms, dir, { reloadEveryMs: 0 });
    expect(withState.kind).toBe("kms");
    expect(kids(withState.jwks())).toEqual([kms.kid, staged.kid]);
    expect(withState.signer()).toBe(kms);
  });
});
