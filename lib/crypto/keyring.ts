/**
 * Signing keys on disk and in a running server (ADR 0006). Under <dataDir>/keys:
 *
 *   signing-key.pem        the current private key (ES256, PKCS#8, mode 0600): it signs
 *   next-signing-key.pem   the staged private key (mode 0600), while a rotation is staged
 *   signing-keys.json      the public state: the staged key's public JWK and when it was staged,
 *                          and the previous public keys with retiredAt and publishUntil
 *   rotation.lock          held while `keys rotate` changes the files
 *
 * Every change is a whole-file replacement (write a temporary file, fsync, rename), so a reader
 * sees each file either before or after. The steps are ordered so that any mix of old and new
 * files still publishes every key that has signed or may sign: the published set is the union of
 * the current key, the next key and the previous keys.
 *
 * A Keyring is what the server holds: it re-reads the files when they change (checked at most
 * every KEY_RELOAD_SECONDS, on use), so a rotation needs no restart. signer() answers an
 * immutable snapshot: take it once per signature, and the kid in a header and the key that signs
 * always agree.
 */
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Jwks } from "./jwks";
import { createLocalSigner, generateSigningKeyPem, parseSigningKeyPem, readOwnerOnlyFile, SIGNING_KEY_FILE } from "./local-keys";
import type { Signer } from "./signer";
import {
  activationReadyAt,
  beginActivation,
  emptyKeyState,
  finishActivation,
  KEY_RELOAD_SECONDS,
  parseKeyState,
  previousKeyIds,
  publishedKeySet,
  SigningKeyError,
  stageKey,
  type KeyState,
} from "./signing-keys";

export const NEXT_SIGNING_KEY_FILE = "next-signing-key.pem";
export const KEY_STATE_FILE = "signing-keys.json";
export const ROTATION_LOCK_FILE = "rotation.lock";

// ---------------------------------------------------------------------------------------------
// Files

const isMissing = (e: unknown) => (e as NodeJS.ErrnoException)?.code === "ENOENT" || (e as NodeJS.ErrnoException)?.code === "ENOTDIR";

/** The public key state; an empty one when the file (or the directory) does not exist yet. */
export function readKeyState(dir: string): KeyState {
  return readKeyStateFile(join(dir, KEY_STATE_FILE));
}

/** The public key state in `file` (any name: a KMS deployment ships it as a layer); empty when missing. */
export function readKeyStateFile(file: string): KeyState {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    if (isMissing(e)) return emptyKeyState();
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SigningKeyError("KEY_STATE_INVALID", `${file} is not JSON`);
  }
  return parseKeyState(json, file);
}

function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // Some filesystems cannot fsync a directory; the rename itself is still atomic.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Replaces `file` atomically with `content` (mode 0600: the keys directory holds secrets). */
export function writeFileAtomic(file: string, content: string): void {
  const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  const fd = openSync(tmp, "wx", 0o600);
  try {
    writeFileSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
  fsyncDir(join(file, ".."));
}

export function writeKeyState(dir: string, state: KeyState): void {
  writeFileAtomic(join(dir, KEY_STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

function readSigner(file: string): Signer {
  return createLocalSigner(parseSigningKeyPem(readOwnerOnlyFile(file), file));
}

/** Runs `fn` holding <dir>/rotation.lock, so that two operators cannot rotate at once. */
async function withRotationLock<T>(dir: string, fn: () => Promise<T> | T): Promise<T> {
  const lock = join(dir, ROTATION_LOCK_FILE);
  try {
    writeFileSync(lock, `${JSON.stringify({ pid: process.pid, at: new Date().toISOString() })}\n`, { flag: "wx", mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    let holder = "";
    try {
      holder = readFileSync(lock, "utf8").trim();
    } catch {
      // removed meanwhile
    }
    throw new SigningKeyError(
      "ROTATION_LOCKED",
      `another key operation is running (${lock}${holder ? `: ${holder}` : ""}); if none is, delete that file and try again`,
    );
  }
  try {
    return await fn();
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      // nothing to release
    }
  }
}

export interface StageResult {
  kid: string;
  stagedAt: string;
  activatableAt: string;
}

/** Phase 1: generates the next key, publishes its public key; the current key goes on signing. */
export function stageNextKey(dir: string, now: Date): Promise<StageResult> {
  return withRotationLock(dir, () => {
    const state = readKeyState(dir);
    readSigner(join(dir, SIGNING_KEY_FILE)); // the current key must be sound before anything changes
    const pem = generateSigningKeyPem();
    const next = createLocalSigner(parseSigningKeyPem(pem, NEXT_SIGNING_KEY_FILE));
    const staged = stageKey(state, next.publicJwk, now); // refuses if a key is already staged
    // The private key first (a crash here leaves an unpublished file the next --stage replaces),
    // then the state that publishes its public key.
    writeFileAtomic(join(dir, NEXT_SIGNING_KEY_FILE), pem);
    writeKeyState(dir, staged);
    return { kid: next.kid, stagedAt: staged.next!.stagedAt, activatableAt: activationReadyAt(staged.next!).toISOString() };
  });
}

/** Withdraws a staged key that has not begun activation (it never signed anything). */
export function cancelStagedKey(dir: string): Promise<{ kid: string }> {
  return withRotationLock(dir, () => {
    const state = readKeyState(dir);
    if (!state.next) throw new SigningKeyError("NO_STAGED_KEY", "no key is staged");
    if (state.next.activationStartedAt) {
      throw new SigningKeyError("ACTIVATION_IN_PROGRESS", `the activation of ${state.next.jwk.kid} has begun; run "keys rotate --activate" to finish it`);
    }
    writeKeyState(dir, { ...state, next: null });
    try {
      unlinkSync(join(dir, NEXT_SIGNING_KEY_FILE));
    } catch (e) {
      if (!isMissing(e)) throw e;
    }
    return { kid: state.next.jwk.kid };
  });
}

export interface Rotation {
  newKeyId: string;
  retiredKeyId: string;
  /** The previous keys that stay published, the one just retired first. */
  previousKeyIds: string[];
  at: Date;
}

export interface ActivateOptions {
  now: Date;
  force: boolean;
  retentionDays: number;
  /**
   * Records the rotation (the audit entry). Called once, before any key file changes: if it
   * fails, nothing changes. Not called again when an interrupted activation is finished.
   */
  record(rotation: Rotation): Promise<void>;
}

export interface ActivateResult extends Rotation {
  publishUntil: string;
  /** True when this call only finished an activation that an earlier call had begun. */
  resumed: boolean;
}

/**
 * Phase 2: the staged key becomes the current key. Steps, each safe to be interrupted after
 * (running --activate again finishes the job):
 *   1. record the rotation (audit);
 *   2. signing-keys.json: the current public key joins the previous keys; the next key stays;
 *   3. rename next-signing-key.pem over signing-key.pem (the old private key is destroyed);
 *   4. signing-keys.json: the next key is no longer "next".
 */
export function activateNextKey(dir: string, options: ActivateOptions): Promise<ActivateResult> {
  return withRotationLock(dir, async () => {
    const currentFile = join(dir, SIGNING_KEY_FILE);
    const nextFile = join(dir, NEXT_SIGNING_KEY_FILE);
    let state = readKeyState(dir);
    const current = readSigner(currentFile);
    const next = state.next;
    if (!next) throw new SigningKeyError("NO_STAGED_KEY", 'no key is staged; run "keys rotate --stage" first');

    const resumed = next.activationStartedAt !== undefined;
    if (current.kid !== next.jwk.kid) {
      let staged: Signer;
      try {
        staged = readSigner(nextFile);
      } catch (e) {
        if (!isMissing(e)) throw e;
        throw new SigningKeyError(
          "STAGED_KEY_MISSING",
          `${nextFile} is missing: the staged key ${next.jwk.kid} cannot be activated; run "keys rotate --cancel" and stage again`,
        );
      }
      if (staged.kid !== next.jwk.kid) {
        throw new SigningKeyError("STAGED_KEY_MISMATCH", `${nextFile} holds key ${staged.kid}, but ${next.jwk.kid} is the one published as next`);
      }
      if (!resumed) {
        const begun = beginActivation(state, current.publicJwk, options); // refuses if too early
        await options.record({ newKeyId: next.jwk.kid, retiredKeyId: current.kid, previousKeyIds: previousKeyIds(begun, options.now), at: options.now });
        writeKeyState(dir, begun);
        state = begun;
      }
      renameSync(nextFile, currentFile);
      fsyncDir(dir);
    }
    // else: an earlier activation was interrupted after the rename; only step 4 is left.
    else if (!resumed) {
      throw new SigningKeyError("STAGED_KEY_MISMATCH", `the staged key ${next.jwk.kid} already signs, but no activation of it was begun; check ${KEY_STATE_FILE}`);
    }
    const done = finishActivation(state);
    writeKeyState(dir, done);
    const retired = done.previous[0]!;
    return {
      newKeyId: next.jwk.kid,
      retiredKeyId: retired.kid,
      previousKeyIds: previousKeyIds(done, options.now),
      at: new Date(next.activationStartedAt ?? options.now.toISOString()),
      publishUntil: retired.publishUntil,
      resumed,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The running server's view

export interface Keyring {
  readonly kind: "local" | "kms";
  /** The signer to use now: an immutable snapshot. Take it once per signature. */
  signer(): Signer;
  /** The JWK Set to publish now: current, next (staged) and previous keys still published. */
  jwks(): Jwks;
  /** The public key state behind jwks(). */
  state(): KeyState;
}

export interface KeyringOptions {
  /** Check the files for changes at most this often (default KEY_RELOAD_SECONDS). 0: on every use. */
  reloadEveryMs?: number;
  now?: () => Date;
  /** A reload failed: the last good keys stay in use and the reload is tried again later. */
  onReloadError?: (error: unknown) => void;
  /** The files changed and were read again. */
  onReload?: (snapshot: { signer: Signer; state: KeyState }) => void;
}

interface Snapshot {
  signer: Signer;
  state: KeyState;
}

function fingerprint(files: readonly string[]): string {
  return files
    .map((f) => {
      try {
        const s = statSync(f, { bigint: true });
        return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
      } catch (e) {
        if (isMissing(e)) return "-";
        return `error:${(e as NodeJS.ErrnoException).code ?? "?"}`;
      }
    })
    .join("|");
}

function watchedKeyring(kind: Keyring["kind"], files: readonly string[], load: () => Snapshot, options: KeyringOptions): Keyring {
  const every = options.reloadEveryMs ?? KEY_RELOAD_SECONDS * 1000;
  const now = options.now ?? (() => new Date());

  // Read until the files did not change while being read: a consistent set, never half a rotation.
  const consistentLoad = (): { snapshot: Snapshot; seen: string } => {
    let last: { snapshot: Snapshot; seen: string } | null = null;
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = fingerprint(files);
      const snapshot = load();
      const after = fingerprint(files);
      last = { snapshot, seen: after };
      if (before === after) return last;
    }
    return { ...last!, seen: "" }; // still changing: use it, and look again on next use
  };

  let { snapshot, seen } = consistentLoad(); // at start-up a failure is thrown: no keys, no service
  let checkedAt = now().getTime();

  const current = (): Snapshot => {
    const t = now().getTime();
    if (t - checkedAt < every) return snapshot;
    checkedAt = t;
    if (fingerprint(files) === seen) return snapshot;
    try {
      ({ snapshot, seen } = consistentLoad());
      options.onReload?.(snapshot);
    } catch (e) {
      options.onReloadError?.(e);
    }
    return snapshot;
  };

  return {
    kind,
    signer: () => current().signer,
    jwks: () => {
      const s = current();
      return publishedKeySet(s.signer, s.state, now());
    },
    state: () => current().state,
  };
}

/** The embedded default: the key files under `dir`, re-read when they change. */
export function createLocalKeyring(dir: string, options: KeyringOptions = {}): Keyring {
  const currentFile = join(dir, SIGNING_KEY_FILE);
  return watchedKeyring(
    "local",
    [currentFile, join(dir, KEY_STATE_FILE)],
    () => ({ signer: readSigner(currentFile), state: readKeyState(dir) }),
    options,
  );
}

/**
 * A signer whose key is held elsewhere (AWS KMS). Previous and next public keys, if any, come from
 * `dir`/signing-keys.json when that file exists; it is re-read when it changes.
 */
export function createFixedKeyring(kind: Keyring["kind"], signer: Signer, dir: string | null, options: KeyringOptions = {}): Keyring {
  const files = dir ? [join(dir, KEY_STATE_FILE)] : [];
  return watchedKeyring(kind, files, () => ({ signer, state: dir ? readKeyState(dir) : emptyKeyState() }), options);
}
