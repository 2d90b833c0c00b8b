/**
 * "Who looked me up": every decision made about the acting citizen, read from the audit trail.
 * A node is shown by its organisation and country as registered, never by anything the node
 * sent about the person.
 */
import type { Actor, AuditEntry } from "../audit/events";
import { checkpointView, entryCanonicalJson, inclusionProofsAt, type CheckpointView, type EntryProof } from "../audit/proofs";
import type { PageRequest } from "../store/ports";
import { requireSubject, type UseCaseDeps } from "./deps";

export interface Lookup {
  at: string;
  nodeId: string;
  organisation: string | null;
  country: string | null;
  purpose: string;
  recipient: { organisation: string; type: string; country: string };
  dataCategories: string[];
  decision: "PERMIT" | "DENY";
  reasons: string[];
  /** Position in the audit log, for the inclusion proof; null until sequenced. */
  seq: number | null;
}

type DecisionEntry = Extract<AuditEntry, { type: "decision.made" }>;

/** The citizen's decisions, newest first, at most `limit`; and the store cursor where reading stopped. */
async function readDecisions(deps: UseCaseDeps, actor: Actor, page: PageRequest): Promise<{ decisions: DecisionEntry[]; cursor: string | null }> {
  const subject = requireSubject(actor);
  // The subject's entries also hold their own consent changes; keep only decisions, newest first.
  const decisions: DecisionEntry[] = [];
  let cursor = page.cursor ?? null;
  let pages = 0;
  do {
    const result = await deps.stores.audit.listBySubject(subject.subjectKey, { limit: 500, cursor });
    decisions.push(...result.items.filter((e): e is DecisionEntry => e.type === "decision.made"));
    cursor = result.cursor;
    pages++;
  } while (cursor && pages < 20);
  return { decisions: decisions.reverse().slice(0, page.limit ?? 200), cursor };
}

async function toLookups(deps: UseCaseDeps, decisions: readonly DecisionEntry[]): Promise<Lookup[]> {
  const nodes = new Map<string, { organisation: string; country: string } | null>();
  for (const id of new Set(decisions.map((d) => d.data.nodeId))) {
    const node = await deps.stores.nodes.get(id);
    nodes.set(id, node ? { organisation: node.organisation, country: node.country } : null);
  }
  return decisions.map((d) => ({
    at: d.at,
    nodeId: d.data.nodeId,
    organisation: nodes.get(d.data.nodeId)?.organisation ?? null,
    country: nodes.get(d.data.nodeId)?.country ?? null,
    purpose: d.data.purpose,
    recipient: d.data.recipient,
    dataCategories: d.data.dataCategories,
    decision: d.data.decision,
    reasons: d.data.reasons.map((r) => r.code),
    seq: d.seq,
  }));
}

export async function listLookups(deps: UseCaseDeps, actor: Actor, page: PageRequest = {}): Promise<{ items: Lookup[]; cursor: string | null }> {
  const { decisions, cursor } = await readDecisions(deps, actor, page);
  return { items: await toLookups(deps, decisions), cursor: cursor };
}

/** A lookup with what the in-browser proof check needs. */
export interface LookupWithProof extends Lookup {
  /**
   * The stored entry's canonical JSON (seq included), exactly the bytes its leaf hash is taken
   * over. It is the citizen's own entry: it holds their own pseudonymous subject key, nobody else's.
   */
  entryJson: string;
  proof: EntryProof;
}

/**
 * "Who looked me up" with inclusion proofs: the acting citizen's own decisions (the subject comes
 * from the session, never from the request), each with its proof against the latest signed
 * checkpoint, read in one pass (one checkpoint read, one tree-node read for all, at most
 * `page.limit` entries, 200 by default). The caller integrates the log first if it wants fresh
 * checkpoints (lib/audit/log/runtime integrateIfStale).
 */
export async function listLookupsWithProofs(
  deps: UseCaseDeps,
  actor: Actor,
  page: PageRequest = {},
): Promise<{ items: LookupWithProof[]; checkpoint: CheckpointView | null; cursor: string | null }> {
  const { decisions, cursor } = await readDecisions(deps, actor, page);
  const cp = await deps.stores.tree.getCheckpoint();
  const [lookups, proofs] = await Promise.all([toLookups(deps, decisions), inclusionProofsAt(deps.stores, cp, decisions)]);
  return {
    items: lookups.map((l, i) => ({ ...l, entryJson: entryCanonicalJson(decisions[i]!), proof: proofs[i]! })),
    checkpoint: cp ? checkpointView(cp) : null,
    cursor,
  };
}
