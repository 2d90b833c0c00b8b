/**
 * The regulator's view of the audit trail: consent changes per day, decisions per node, deny
 * rates (pure: summariseActivity), and the filtered, paged list of entries behind them
 * (listEntries, which reads the store).
 *
 * Days are UTC calendar days, whatever the regulator's own time zone: the audit trail and its
 * exports are in UTC, and a count that moved with the viewer's clock could not be compared.
 *
 * Subjects: an entry shown to a regulator carries no subject key, not even a prefix. A
 * regulator checks that the trail is complete and what was decided, not who it was about; a
 * stable key prefix would let views be joined with each other and with a node's records (it is
 * the same key in every entry about the person), and 8 hex characters are enough to single out
 * one person in a population of millions. So the view keeps only whether an entry is about a
 * subject at all. The citizen concerned sees their own entries in "who looked me up".
 */
import { matchesFilters, nodeOf } from "../audit/export/format";
import { z } from "zod";
import { AUDIT_EVENT_SCHEMAS, CONSENT_CHANGE_TYPES, type Actor, type AuditEntry, type AuditEventType } from "../audit/events";
import { AppError } from "../errors";
import type { UseCaseDeps } from "../usecases/deps";

export const DAY_MS = 86_400_000;
/** The most entries one request reads from the store; past that the view says it is truncated. */
export const MAX_SCANNED = 50_000;
/** The longest period one view covers. */
export const MAX_PERIOD_DAYS = 366;
const STORE_PAGE = 1000;

export const EVENT_TYPES = [...new Set(Object.keys(AUDIT_EVENT_SCHEMAS).map((k) => k.split("@")[0]!))] as AuditEventType[];

export type ConsentKind = "granted" | "amended" | "withdrawn" | "opted_out";
export const CONSENT_KINDS: readonly ConsentKind[] = ["granted", "amended", "withdrawn", "opted_out"];

export interface DayCounts {
  /** YYYY-MM-DD, UTC. */
  day: string;
  granted: number;
  amended: number;
  withdrawn: number;
  opted_out: number;
}

export interface NodeDecisions {
  nodeId: string;
  permit: number;
  deny: number;
  /** deny / (permit + deny); null when the node made no decision. */
  denyRate: number | null;
}

export interface ActivitySummary {
  days: DayCounts[];
  nodes: NodeDecisions[];
  overall: { permit: number; deny: number; denyRate: number | null };
}

/** The UTC day of an instant, as YYYY-MM-DD. */
export function utcDay(at: Date | string): string {
  return new Date(at).toISOString().slice(0, 10);
}

function startOfUtcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** Every UTC day that [from, to) touches, oldest first. */
export function daysOf(from: Date, to: Date): string[] {
  const days: string[] = [];
  for (let d = startOfUtcDay(from); d.getTime() < to.getTime(); d = new Date(d.getTime() + DAY_MS)) days.push(utcDay(d));
  return days;
}

const rate = (permit: number, deny: number) => (permit + deny === 0 ? null : deny / (permit + deny));

/**
 * Counts of consent changes per UTC day and of decisions per node, for entries with
 * from ≤ at < to (others are ignored). Every day of the period appears, with zeros if quiet;
 * nodes are sorted by id.
 */
export function summariseActivity(entries: Iterable<AuditEntry>, period: { from: Date; to: Date; timeZone?: "UTC" }): ActivitySummary {
  const days = new Map<string, DayCounts>(daysOf(period.from, period.to).map((day) => [day, { day, granted: 0, amended: 0, withdrawn: 0, opted_out: 0 }]));
  const nodes = new Map<string, { permit: number; deny: number }>();
  const from = period.from.getTime();
  const to = period.to.getTime();
  for (const e of entries) {
    const at = new Date(e.at).getTime();
    if (!(at >= from && at < to)) continue;
    if ((CONSENT_CHANGE_TYPES as readonly string[]).includes(e.type)) {
      const counts = days.get(utcDay(e.at));
      if (counts) counts[e.type.slice("consent.".length) as ConsentKind]++;
    } else if (e.type === "decision.made") {
      const n = nodes.get(e.data.nodeId) ?? { permit: 0, deny: 0 };
      if (e.data.decision === "PERMIT") n.permit++;
      else n.deny++;
      nodes.set(e.data.nodeId, n);
    }
  }
  const perNode = [...nodes.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([nodeId, n]) => ({ nodeId, permit: n.permit, deny: n.deny, denyRate: rate(n.permit, n.deny) }));
  const permit = perNode.reduce((s, n) => s + n.permit, 0);
  const deny = perNode.reduce((s, n) => s + n.deny, 0);
  return { days: [...days.values()], nodes: perNode, overall: { permit, deny, denyRate: rate(permit, deny) } };
}

/** What a regulator sees of one entry: no subject key (see the note at the top). */
export interface RegulatorEntry {
  id: string;
  at: string;
  seq: number | null;
  type: AuditEventType;
  /** The node the entry is about or came from, if any. */
  nodeId: string | null;
  decision: "PERMIT" | "DENY" | null;
  /** Deny reason codes of a decision. */
  reasons: string[];
  /** The purpose a node named, for a decision. */
  purpose: string | null;
  actorKind: Actor["kind"];
  aboutSubject: boolean;
}

export { nodeOf };

export function toRegulatorEntry(e: AuditEntry): RegulatorEntry {
  const decision = e.type === "decision.made" ? e.data : null;
  return {
    id: e.id,
    at: e.at,
    seq: e.seq,
    type: e.type,
    nodeId: nodeOf(e),
    decision: decision?.decision ?? null,
    reasons: decision?.reasons.map((r) => r.code) ?? [],
    purpose: decision?.purpose ?? null,
    actorKind: e.actor.kind,
    aboutSubject: e.subjectKey !== null,
  };
}

export const EntryQuery = z
  .object({
    from: z.date(),
    to: z.date(),
    types: z.array(z.enum(EVENT_TYPES as [AuditEventType, ...AuditEventType[]])).optional(),
    nodeId: z.string().min(1).max(100).optional(),
    decision: z.enum(["PERMIT", "DENY"]).optional(),
    /** Opaque; from the previous page. */
    cursor: z.string().regex(/^o\d{1,6}$/).nullish(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((q) => q.from.getTime() < q.to.getTime(), { message: "from must be before to", path: ["to"] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= MAX_PERIOD_DAYS * DAY_MS, { message: `at most ${MAX_PERIOD_DAYS} days`, path: ["to"] });
export type EntryQuery = z.input<typeof EntryQuery>;

/** The workspace's filters are the export's (lib/audit/export/format.ts): one definition of "matches". */
export function matches(e: AuditEntry, q: { types?: readonly string[]; nodeId?: string; decision?: "PERMIT" | "DENY" }): boolean {
  return matchesFilters(e, { ...(q.types && q.types.length > 0 ? { types: [...q.types] } : {}), ...(q.nodeId ? { nodeId: q.nodeId } : {}), ...(q.decision ? { decision: q.decision } : {}) });
}

export interface EntryList {
  /** The page of matching entries, newest first. */
  items: RegulatorEntry[];
  /** For the next (older) page; null when there is none. */
  cursor: string | null;
  /** How many entries match in all (of those read). */
  total: number;
  /** How many entries of the period were read. */
  scanned: number;
  /** The period has more than MAX_SCANNED entries: only the oldest MAX_SCANNED were read. */
  truncated: boolean;
  /** When truncated, the time of the last entry read: nothing after it is counted. */
  readUntil: string | null;
  /** Charts of the matching entries. */
  summary: ActivitySummary;
  /** Every node that appears in the period (for the filter), sorted. */
  nodeIds: string[];
}

/**
 * The entries of a period that match the filters, newest first and paged, with the summary of
 * all of them. Reads the period page by page, at most MAX_SCANNED entries (then `truncated`).
 * For staff only: a citizen or a node gets FORBIDDEN (the regulator role itself is checked
 * where the session is, since regulators act as operator-kind actors).
 */
export async function listEntries(deps: UseCaseDeps, actor: Actor, input: EntryQuery, options: { maxScanned?: number } = {}): Promise<EntryList> {
  if (actor.kind !== "operator") throw new AppError("FORBIDDEN", "Only a regulator can read the audit trail");
  const parsed = EntryQuery.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const q = parsed.data;
  const maxScanned = options.maxScanned ?? MAX_SCANNED;

  const matching: AuditEntry[] = [];
  const nodeIds = new Set<string>();
  let scanned = 0;
  let truncated = false;
  let readUntil: string | null = null;
  let cursor: string | null = null;
  do {
    const page = await deps.stores.audit.listByTime(q.from, q.to, { limit: Math.min(STORE_PAGE, maxScanned - scanned), cursor });
    for (const e of page.items) {
      scanned++;
      const node = nodeOf(e);
      if (node) nodeIds.add(node);
      if (matches(e, q)) matching.push(e);
    }
    cursor = page.cursor;
    if (cursor && scanned >= maxScanned) {
      truncated = true;
      readUntil = page.items.at(-1)?.at ?? null;
      break;
    }
  } while (cursor);

  const offset = q.cursor ? Number(q.cursor.slice(1)) : 0;
  const newestFirst = matching.slice().reverse();
  const items = newestFirst.slice(offset, offset + q.limit).map(toRegulatorEntry);
  const next = offset + q.limit < newestFirst.length ? `o${offset + q.limit}` : null;
  return {
    items,
    cursor: next,
    total: matching.length,
    scanned,
    truncated,
    readUntil,
    summary: summariseActivity(matching, q),
    nodeIds: [...nodeIds].sort(),
  };
}

/** One entry in full, as a regulator sees it: the list's fields plus what a decision was about. */
export interface RegulatorEntryDetail extends RegulatorEntry {
  /** For a decision: what the node asked for. */
  request: { purpose: string; recipient: { organisation: string; type: string; country: string }; dataCategories: string[]; permitReference: string | null; batch: { id: string; index: number } | null } | null;
}

/** An entry in full, as a regulator sees it (no subject key). */
export function toRegulatorEntryDetail(found: AuditEntry): RegulatorEntryDetail {
  const d = found.type === "decision.made" ? found.data : null;
  return {
    ...toRegulatorEntry(found),
    request: d
      ? { purpose: d.purpose, recipient: d.recipient, dataCategories: d.dataCategories, permitReference: d.permitReference ?? null, batch: d.batch ?? null }
      : null,
  };
}

/**
 * The stored entry with this id and time (the list links with both: the store finds entries by
 * time, not by id), or null. Unchecked: callers check the actor (getEntry, lib/regulator/entry-proof).
 */
export async function findEntry(deps: UseCaseDeps, id: string, at: string): Promise<AuditEntry | null> {
  const time = new Date(at);
  if (!z.uuid().safeParse(id).success || Number.isNaN(time.getTime())) return null;
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await deps.stores.audit.listByTime(time, new Date(time.getTime() + 1), { limit: STORE_PAGE, cursor });
    const found = page.items.find((e) => e.id === id);
    if (found) return found;
    cursor = page.cursor;
    pages++;
  } while (cursor && pages < 50);
  return null;
}

/**
 * One entry by its id and time. Null when there is no such entry. Staff only, like listEntries.
 */
export async function getEntry(deps: UseCaseDeps, actor: Actor, id: string, at: string): Promise<RegulatorEntryDetail | null> {
  if (actor.kind !== "operator") throw new AppError("FORBIDDEN", "Only a regulator can read the audit trail");
  const found = await findEntry(deps, id, at);
  return found ? toRegulatorEntryDetail(found) : null;
}
