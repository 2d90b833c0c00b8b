/**
 * The audit sequencer: gives pending entries consecutive numbers from 0, like the single writer
 * of a Certificate Transparency log. Entries are written unnumbered (in the same transaction as
 * the change they record, from any number of concurrent requests); this one loop later numbers
 * them in (at, id) order. The head item (PK=AUDITLOG, SK=HEAD, size) is the log's length:
 * each batch updates it with the condition size = <the size read>, in the same transaction as
 * the entries it numbers, so two sequencers racing can never hand out one number twice — the
 * loser's transaction is cancelled whole, and it re-reads and goes on (or stops).
 *
 * The same transaction records the UTC days of the entries it numbers as day markers
 * (PK=AUDITDAYS, SK=<day>), so that listByTime can skip the empty days of a long range. Only the
 * sequencer writes them: they cost nothing on the write path of a change.
 *
 * Consent changes also get an ordinal among consent changes (`chg`: 0, 1, 2, … in sequence
 * order, counted by the head's `changes`) and the keys of the sparse GSI4 (ACHG#<ordinal bucket>,
 * <seq:16>): the nodes' withdrawal feeds read them without touching decisions, and the
 * consecutive ordinals let a reader tell a lagging index from a gap (see listConsentChangesSince).
 */
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { isConsentChange, type AuditEvent } from "../../audit/events";
import { AppError, hasErrorCode } from "../../errors";
import { backoffMs, bodyOf, queryUpTo, type Db, type Item } from "./db";
import { transactWrite, TRANSACT_MAX, type TransactItem } from "./errors";
import { INDEX, keys, pad } from "./table";

/** One transaction: the head update plus at most this many entries (fewer if day markers need room). */
export const ENTRIES_PER_TRANSACTION = TRANSACT_MAX - 2;
/** Lost races in a row after which this run leaves the rest to the sequencer that is winning. */
const MAX_CONTESTED = 5;

export interface LogHead {
  /** Entries sequenced = the next seq to assign. */
  size: number;
  /** Consent changes among them = the next consent-change ordinal to assign. */
  changes: number;
}

const count = (v: unknown): number => (typeof v === "number" ? v : 0);

/** The log head, read strongly consistently (zeros before the first entry). */
export async function readHead(db: Db): Promise<LogHead> {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.auditHead, ConsistentRead: true }));
  return { size: count(out.Item?.size), changes: count(out.Item?.changes) };
}

/** The log size, read strongly consistently from the head item (0 before the first entry). */
export async function readSize(db: Db): Promise<number> {
  return (await readHead(db)).size;
}

function headUpdate(db: Db, expected: LogHead, next: LogHead): TransactItem {
  return {
    Update: {
      TableName: db.table,
      Key: keys.auditHead,
      // `changes` needs no condition of its own: the one on `size` already lets one writer through.
      UpdateExpression: "SET #size = :next, #changes = :changes",
      // The first run creates the head; attribute_not_exists makes a racing first run lose.
      ConditionExpression: expected.size === 0 ? "attribute_not_exists(#size) OR #size = :expected" : "#size = :expected",
      ExpressionAttributeNames: { "#size": "size", "#changes": "changes" },
      ExpressionAttributeValues: { ":next": next.size, ":expected": expected.size, ":changes": next.changes },
    },
  };
}

function dayMarker(db: Db, day: string): TransactItem {
  // Unconditional and idempotent: a day already marked is simply marked again.
  return { Put: { TableName: db.table, Item: { ...keys.auditDayMarker(day) } } };
}

/** The UTC day of a pending entry, from its GSI3 sort key "<at>#<id>". */
const dayOfPending = (item: Item): string => String(item.GSI3SK).slice(0, 10);

/** As many of `pending` (in order) as fit in one transaction together with the head and their day markers. */
function fitting(pending: Item[]): { entries: Item[]; days: string[] } {
  const days: string[] = [];
  let n = 0;
  for (const item of pending) {
    const day = dayOfPending(item);
    const newDay = !days.includes(day);
    const actions = 1 /* head */ + (n + 1) + days.length + (newDay ? 1 : 0);
    if (actions > TRANSACT_MAX) break;
    if (newDay) days.push(day);
    n++;
  }
  return { entries: pending.slice(0, n), days };
}

/** Numbers one entry; `ordinal` is its place among consent changes, null if it is not one. */
function assign(db: Db, pk: string, seq: number, ordinal: number | null): TransactItem {
  const change = ordinal !== null;
  return {
    Update: {
      TableName: db.table,
      Key: { PK: pk, SK: "AUDIT" },
      // Moving GSI3 keys takes the entry out of the pending partition and into its sequence bucket;
      // a consent change also enters the sparse GSI4.
      UpdateExpression: `SET #seq = :seq, GSI3PK = :bucket, GSI3SK = :padded${change ? ", #chg = :chg, GSI4PK = :chgBucket, GSI4SK = :padded" : ""}`,
      // attribute_not_exists(#seq): an index read may be stale and show an entry already numbered.
      ConditionExpression: "attribute_exists(PK) AND attribute_not_exists(#seq)",
      ExpressionAttributeNames: { "#seq": "seq", ...(change ? { "#chg": "chg" } : {}) },
      ExpressionAttributeValues: {
        ":seq": seq,
        ":bucket": keys.auditSeqBucket(seq),
        ":padded": pad(seq),
        ...(change ? { ":chg": ordinal, ":chgBucket": keys.consentChangeBucket(ordinal) } : {}),
      },
    },
  };
}

/** Consent-change ordinals for entries numbered in this order, starting at `first`; null for other entries. */
function ordinals(entries: readonly Item[], first: number): (number | null)[] {
  let next = first;
  return entries.map((item) => (isConsentChange(bodyOf<AuditEvent>(item).type) ? next++ : null));
}

/**
 * Numbers pending entries older than now − settleMs (by their `at`), oldest first, in
 * transactions of up to 98 (with the head and at least one day marker); returns how many it numbered. `settleMs` gives writes in flight
 * (and the index's propagation) time to land, so that an entry with an earlier `at` is not
 * overtaken by a later one that happened to become visible first.
 */
export async function sequencePending(db: Db, options: { settleMs?: number; max?: number } = {}): Promise<number> {
  const settleMs = options.settleMs ?? 5000;
  const max = options.max ?? Number.POSITIVE_INFINITY;
  if (!(settleMs >= 0)) throw new AppError("INVALID_INPUT", "settleMs must be zero or more");
  if (!(max >= 0) || (Number.isFinite(max) && !Number.isInteger(max))) throw new AppError("INVALID_INPUT", "max must be a non-negative integer");
  // One cutoff per run: the run numbers a stable set instead of chasing new writes forever.
  const cutoff = new Date(Date.now() - settleMs).toISOString();

  let done = 0;
  let contested = 0;
  while (done < max) {
    const head = await readHead(db);
    const pending = await queryUpTo(
      db,
      {
        IndexName: INDEX.bySeq,
        // Pending sort keys are "<at>#<id>": "< cutoff" selects at < cutoff, in (at, id) order.
        KeyConditionExpression: "GSI3PK = :pending AND GSI3SK < :cutoff",
        ExpressionAttributeValues: { ":pending": keys.auditPending, ":cutoff": cutoff },
      },
      Math.min(ENTRIES_PER_TRANSACTION, max - done),
    );
    if (pending.length === 0) break;

    const { entries, days } = fitting(pending);
    const changeOrdinals = ordinals(entries, head.changes);
    const changes = changeOrdinals.filter((o) => o !== null).length;
    const items = [
      headUpdate(db, head, { size: head.size + entries.length, changes: head.changes + changes }),
      ...entries.map((p, i) => assign(db, String(p.PK), head.size + i, changeOrdinals[i] ?? null)),
      ...days.map((day) => dayMarker(db, day)),
    ];
    let won: boolean;
    try {
      won = (await transactWrite(db, items)).ok;
    } catch (e) {
      // Persistent transaction conflicts: another sequencer is busy on the same items.
      if (!hasErrorCode(e, "CONFLICT")) throw e;
      won = false;
    }
    if (won) {
      done += entries.length;
      contested = 0;
      continue;
    }
    // Lost a race (head moved, or an entry was numbered meanwhile): nothing was written; re-read.
    if (++contested >= MAX_CONTESTED) break;
    await db.retry.sleep(backoffMs(db.retry, contested));
  }
  return done;
}
