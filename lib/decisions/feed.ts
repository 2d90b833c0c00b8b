/**
 * Withdrawal propagation: each node's signed, paginated feed of consent changes (granted,
 * amended, withdrawn, opted out) of the subjects that node has checked, named by the subject
 * reference that node received in its decisions — never another node's reference, never a
 * subject key or an identifier.
 *
 * The feed is a filtered view of the audit log's consent changes in sequence order; the cursor is
 * the `seq` of the last change read. On SQLite a change is sequenced in the write that makes it,
 * so it is in the feed at once; on DynamoDB entries are sequenced by the sequencer after they are
 * written, and a change appears in the feed once sequenced (within 60 s).
 *
 * Every change of a linked subject is listed, including changes made before the node's first
 * check of that subject (the link store keeps no time of linking).
 */
import type { AuditEntry } from "../audit/events";
import { signCompactJws } from "../crypto/jws";
import { parseInput } from "../validation";
import { numericDate, type CallingNode, type DecisionDeps } from "./deps";
import { FeedQuery } from "./schemas";
import { FEED_TYP, type FeedClaims, type FeedItem } from "./tokens";

/** Consent changes read from the log per store call. */
const SCAN_PAGE = 500;
/** Most consent changes one feed request looks at; beyond it the page ends early with hasMore. */
const MAX_SCANNED = 20_000;

type ChangeEntry = Extract<AuditEntry, { type: "consent.granted" | "consent.amended" | "consent.withdrawn" | "consent.opted_out" }>;

const CHANGES: Record<ChangeEntry["type"], FeedItem["change"]> = {
  "consent.granted": "granted",
  "consent.amended": "amended",
  "consent.withdrawn": "withdrawn",
  "consent.opted_out": "opted_out",
};

function isChange(e: AuditEntry): e is ChangeEntry {
  return Object.hasOwn(CHANGES, e.type);
}

export interface FeedPage {
  /** The page as a compact JWS (typ donum-feed+jwt). */
  token: string;
  /** The token's payload, for convenience (verify the token, not this). */
  page: FeedClaims;
}

/** One page of the node's feed, after the cursor `after` (the previous page's nextCursor). */
export async function getNodeFeed(deps: DecisionDeps, node: CallingNode, query: unknown, now: Date = deps.now()): Promise<FeedPage> {
  const { after, limit } = parseInput(FeedQuery, query);
  const items: FeedItem[] = [];
  let last: number | null = after === undefined ? null : Number(after);
  let hasMore = false;
  let scanned = 0;

  scan: for (;;) {
    const before = last;
    const from = last === null ? 0 : last + 1;
    const entries = await deps.stores.audit.listConsentChangesSince(from, SCAN_PAGE);
    const changes = entries.filter(isChange);
    const keys = [...new Set(changes.map((e) => e.subjectKey).filter((k): k is string => k !== null))];
    const linked = keys.length > 0 ? await deps.stores.links.linked(node.id, keys) : new Map<string, string>();
    for (const e of entries) {
      if (e.seq === null || (last !== null && e.seq <= last)) continue; // defensive: only sequenced entries past the cursor
      if (items.length === limit) {
        hasMore = true;
        break scan;
      }
      last = e.seq;
      const ref = isChange(e) && e.subjectKey !== null ? linked.get(e.subjectKey) : undefined;
      if (ref !== undefined && isChange(e)) {
        items.push({ seq: e.seq, sub: ref, change: CHANGES[e.type], at: e.at, consentVersion: e.data.consentVersion });
      }
    }
    scanned += entries.length;
    if (entries.length < SCAN_PAGE || last === before) break; // the end, or a store that does not advance
    if (scanned >= MAX_SCANNED) {
      hasMore = true;
      break;
    }
  }

  const page: FeedClaims = {
    iss: deps.publicUrl,
    aud: node.id,
    iat: numericDate(now),
    jti: deps.newId(),
    items,
    cursor: after ?? null,
    nextCursor: last === null ? null : String(last),
    hasMore,
  };
  return { token: await signCompactJws(deps.signer, page, { typ: FEED_TYP }), page };
}
