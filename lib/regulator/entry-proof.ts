/**
 * One audit entry with its inclusion proof against the latest signed checkpoint, for the
 * regulator's entry detail and its in-browser check (lib/audit/verify-in-browser.ts).
 *
 * The entry's canonical JSON — what its leaf hash is taken over — is shown only for an entry
 * about no citizen. An entry about a citizen holds their subject key, which a regulator never
 * sees (see lib/regulator/activity.ts): for it the browser checks the proof and the signature
 * from the leaf hash as stated, and says that the entry's own hash was not recomputed.
 */
import type { Actor } from "../audit/events";
import { checkpointView, entryCanonicalJson, inclusionProofsAt, type CheckpointView, type EntryProof } from "../audit/proofs";
import { AppError } from "../errors";
import type { UseCaseDeps } from "../usecases/deps";
import { findEntry, toRegulatorEntryDetail, type RegulatorEntryDetail } from "./activity";

export interface RegulatorEntryWithProof {
  entry: RegulatorEntryDetail;
  /** Canonical JSON of the stored entry; null when it is about a citizen (withheld). */
  entryJson: string | null;
  proof: EntryProof;
  checkpoint: CheckpointView | null;
}

/** Staff only (FORBIDDEN otherwise); null when there is no such entry. */
export async function getEntryWithProof(deps: UseCaseDeps, actor: Actor, id: string, at: string): Promise<RegulatorEntryWithProof | null> {
  if (actor.kind !== "operator") throw new AppError("FORBIDDEN", "Only a regulator can read the audit trail");
  const found = await findEntry(deps, id, at);
  if (!found) return null;
  const cp = await deps.stores.tree.getCheckpoint();
  const [proof] = await inclusionProofsAt(deps.stores, cp, [found]);
  return {
    entry: toRegulatorEntryDetail(found),
    entryJson: found.subjectKey === null && found.actor.kind !== "subject" ? entryCanonicalJson(found) : null,
    proof: proof!,
    checkpoint: cp ? checkpointView(cp) : null,
  };
}
