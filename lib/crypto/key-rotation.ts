/**
 * The signing-key rotation use cases (ADR 0006) the operator CLI calls: stage the next key,
 * activate it — writing the `signing_key.rotated` audit entry — or cancel a staged key.
 *
 * The key files and the audit store cannot share one transaction. The audit entry is written
 * first, before any key file changes: if it cannot be written, the rotation does not happen. If
 * the file switch is then interrupted, running activate again finishes it without a second entry.
 *
 * With AWS KMS (DONUM_SIGNER=kms) the private keys never leave KMS and the stack holds one KMS key
 * per generation (docs/deploy.md): the same two phases act on the public key state only, a file
 * the operator keeps and deploys (`signingKeyStateFile`), and the switch of the signing key is the
 * deployment that follows activation.
 */
import { auditEvent, type Actor } from "../audit/events";
import { AppError } from "../errors";
import type { UseCaseDeps } from "../usecases/deps";
import { activateNextKey, cancelStagedKey, readKeyStateFile, stageNextKey, writeFileAtomic, type ActivateResult, type StageResult } from "./keyring";
import {
  activationReadyAt,
  beginActivation,
  DEFAULT_PREVIOUS_KEY_RETENTION_DAYS,
  finishActivation,
  previousKeyIds,
  SigningKeyError,
  stageKey,
  toSigningJwk,
  type KeyState,
} from "./signing-keys";

function requireOperator(actor: Actor): void {
  if (actor.kind !== "operator" && actor.kind !== "system") throw new AppError("FORBIDDEN", "Only an operator can rotate the signing key");
}

/** Phase 1: a new key pair; its public key is published as the next key. */
export async function stageSigningKey(deps: Pick<UseCaseDeps, "now">, actor: Actor, keysDir: string): Promise<StageResult> {
  requireOperator(actor);
  return stageNextKey(keysDir, deps.now());
}

/** Withdraws a staged key that never signed. */
export async function cancelStagedSigningKey(actor: Actor, keysDir: string): Promise<{ kid: string }> {
  requireOperator(actor);
  return cancelStagedKey(keysDir);
}

/** Phase 2: the staged key signs from now on; the retiring key stays published for `retentionDays`. */
export async function activateSigningKey(
  deps: UseCaseDeps,
  actor: Actor,
  keysDir: string,
  options: { force?: boolean; retentionDays?: number } = {},
): Promise<ActivateResult> {
  requireOperator(actor);
  return activateNextKey(keysDir, {
    now: deps.now(),
    force: options.force ?? false,
    retentionDays: options.retentionDays ?? DEFAULT_PREVIOUS_KEY_RETENTION_DAYS,
    record: (rotation) =>
      deps.stores.audit.append(
        auditEvent("signing_key.rotated", {
          id: deps.newId(),
          at: rotation.at,
          actor,
          subjectKey: null,
          data: { newKeyId: rotation.newKeyId, previousKeyIds: rotation.previousKeyIds },
        }),
      ),
  });
}

const writeStateFile = (file: string, state: KeyState) => writeFileAtomic(file, `${JSON.stringify(state, null, 2)}\n`);

/** KMS, phase 1: `nextJwk` (the new KMS key's public key) becomes the staged next key in `stateFile`. */
export async function stageKmsSigningKey(
  deps: Pick<UseCaseDeps, "now">,
  actor: Actor,
  stateFile: string,
  keys: { current: object; next: object },
): Promise<{ kid: string; activatableAt: string }> {
  requireOperator(actor);
  const next = toSigningJwk(keys.next);
  if (next.kid === toSigningJwk(keys.current).kid) {
    throw new SigningKeyError("KEY_ALREADY_CURRENT", `KMS key ${next.kid} is the key that signs now; stage the new generation's key`);
  }
  const staged = stageKey(readKeyStateFile(stateFile), next, deps.now());
  writeStateFile(stateFile, staged);
  return { kid: next.kid, activatableAt: activationReadyAt(staged.next!).toISOString() };
}

/**
 * KMS, phase 2: records the rotation (the audit entry, first), then moves the current key's
 * public key to the previous keys and clears the staged key in `stateFile`. The deployment with
 * the new key active and this state file makes the staged key sign.
 */
export async function activateKmsSigningKey(
  deps: UseCaseDeps,
  actor: Actor,
  stateFile: string,
  currentJwk: object,
  options: { force?: boolean; retentionDays?: number } = {},
): Promise<{ newKeyId: string; retiredKeyId: string; previousKeyIds: string[]; publishUntil: string }> {
  requireOperator(actor);
  const state = readKeyStateFile(stateFile);
  const now = deps.now();
  const retiring = toSigningJwk(currentJwk);
  if (state.next?.jwk.kid === retiring.kid) {
    throw new SigningKeyError("KEY_ALREADY_CURRENT", `the staged key ${retiring.kid} already signs: this configuration uses the new key; run activate with the retiring key's configuration`);
  }
  const begun = beginActivation(state, retiring, { now, force: options.force ?? false, retentionDays: options.retentionDays ?? DEFAULT_PREVIOUS_KEY_RETENTION_DAYS });
  const newKeyId = state.next!.jwk.kid;
  const done = finishActivation(begun);
  const kept = previousKeyIds(done, now);
  await deps.stores.audit.append(
    auditEvent("signing_key.rotated", { id: deps.newId(), at: now, actor, subjectKey: null, data: { newKeyId, previousKeyIds: kept } }),
  );
  writeStateFile(stateFile, done);
  return { newKeyId, retiredKeyId: retiring.kid, previousKeyIds: kept, publishUntil: done.previous[0]!.publishUntil };
}
