/**
 * "Who looked me up": every decision made about the acting citizen, read from the audit trail.
 * A node is shown by its organisation and country as registered, never by anything the node
 * sent about the person.
 */
import type { Actor, AuditEntry } from "../audit/events";
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

export async function listLookups(deps: UseCaseDeps, actor: Actor, page: PageRequest = {}): Promise<{ items: Lookup[]; cursor: string | null }> {
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
  const nodes = new Map<string, { organisation: string; country: string } | null>();
  for (const id of new Set(decisions.map((d) => d.data.nodeId))) {
    const node = await deps.stores.nodes.get(id);
    nodes.set(id, node ? { organisation: node.organisation, country: node.country } : null);
  }
  const items = decisions
    .map((d) => ({
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
    }))
    .reverse()
    .slice(0, page.limit ?? 200);
  return { items, cursor: cursor };
}
