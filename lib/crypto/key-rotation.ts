/**
 * The signing-key rotation use cases (ADR 0006) the operator CLI calls: stage the next key,
 * activate it — writing the `signing_key.rotated` audit entry — or cancel a staged key.
 *
 * The key files and the audit store cannot share one transaction. The audit entry is written
 * first, before any key file changes: if it cannot be written, the rotation does not happen. If
 * the file switch is then interrupted, running activate again finishes it without a second entry.
 */
import { auditEvent, type Actor } from "../audit/events";
import { AppError } from "../errors";
import type { UseCaseDeps } from "../usecases/deps";
import { activateNextKey, cancelStagedKey, stageNextKey, type ActivateResult, type StageResult } from "./keyring";
import { DEFAULT_PREVIOUS_KEY_RETENTION_DAYS } from "./signing-keys";

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
