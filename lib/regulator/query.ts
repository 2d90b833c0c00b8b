/**
 * The regulator workspace's filter, read from a GET query string (pure). Dates are whole UTC
 * days, both ends included: from=2026-06-01&to=2026-06-30 is [06-01T00:00Z, 07-01T00:00Z).
 * Anything unreadable falls back to its default and is reported, rather than failing the page.
 */
import type { AuditEventType } from "../audit/events";
import { DAY_MS, EVENT_TYPES, MAX_PERIOD_DAYS, utcDay, type EntryQuery } from "./activity";

export const DEFAULT_PERIOD_DAYS = 30;

export type SearchParams = Record<string, string | string[] | undefined>;

export interface WorkspaceFilter {
  /** The values to show in the form. */
  form: { from: string; to: string; type: string; node: string; decision: string };
  query: EntryQuery;
  /** Names of the fields that were unreadable and replaced by their default. */
  invalid: ("from" | "to" | "type" | "decision" | "cursor")[];
}

const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();

function parseDay(s: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const d = new Date(`${s}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) || utcDay(d) !== s ? null : d;
}

export function parseWorkspaceFilter(params: SearchParams, now: Date): WorkspaceFilter {
  const invalid: WorkspaceFilter["invalid"] = [];
  const today = parseDay(utcDay(now))!;
  const raw = { from: first(params.from), to: first(params.to), type: first(params.type), node: first(params.node), decision: first(params.decision), cursor: first(params.cursor) };

  let toDay = raw.to ? parseDay(raw.to) : today;
  if (!toDay) (invalid.push("to"), (toDay = today));
  let fromDay = raw.from ? parseDay(raw.from) : new Date(toDay.getTime() - (DEFAULT_PERIOD_DAYS - 1) * DAY_MS);
  if (!fromDay || fromDay.getTime() > toDay.getTime() || toDay.getTime() - fromDay.getTime() >= MAX_PERIOD_DAYS * DAY_MS) {
    if (raw.from) invalid.push("from");
    fromDay = new Date(toDay.getTime() - (DEFAULT_PERIOD_DAYS - 1) * DAY_MS);
  }

  const type = (EVENT_TYPES as string[]).includes(raw.type) ? (raw.type as AuditEventType) : undefined;
  if (raw.type && !type) invalid.push("type");
  const decision = raw.decision === "PERMIT" || raw.decision === "DENY" ? raw.decision : undefined;
  if (raw.decision && !decision) invalid.push("decision");
  const node = raw.node.slice(0, 100);
  const cursor = /^o\d{1,6}$/.test(raw.cursor) ? raw.cursor : null;
  if (raw.cursor && !cursor) invalid.push("cursor");

  return {
    form: { from: utcDay(fromDay), to: utcDay(toDay), type: type ?? "", node, decision: decision ?? "" },
    query: {
      from: fromDay,
      to: new Date(toDay.getTime() + DAY_MS),
      ...(type ? { types: [type] } : {}),
      ...(node ? { nodeId: node } : {}),
      ...(decision ? { decision } : {}),
      cursor,
      limit: 50,
    },
    invalid,
  };
}

/** The query string of this filter on another page of results. */
export function pageHref(path: string, form: WorkspaceFilter["form"], cursor: string | null): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) if (v) p.set(k, v);
  if (cursor) p.set("cursor", cursor);
  return `${path}?${p.toString()}`;
}
