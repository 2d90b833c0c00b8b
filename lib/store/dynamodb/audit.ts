/**
 * Audit entries. One item per entry (PK=AUDIT#<id>), written with attribute_not_exists(PK) so an
 * id is taken once, and found through three sparse/overloaded indexes: by subject (GSI1), by UTC
 * day (GSI2) and by sequence (GSI3, which also holds the entries still waiting for a number).
 * Index reads are eventually consistent; see docs/dynamodb-single-table.md for what that means.
 */
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import type { AuditEntry, AuditEvent } from "../../audit/events";
import { AppError } from "../../errors";
import { decodeCursor, encodeCursor, pageLimit } from "../cursor";
import type { AuditStore, Page, PageRequest } from "../ports";
import { batchPutAll } from "./batch";
import { bodyOf, queryUpTo, type Db, type Item } from "./db";
import { auditIdTaken, type TransactItem } from "./errors";
import { readHead, readSize, sequencePending } from "./sequencer";
import { CHANGE_BUCKET, INDEX, keys, pad, SEQ_BUCKET } from "./table";

/** Populated day partitions one listByTime call reads at most; the caller continues with the cursor. */
export const MAX_DAYS_PER_PAGE = 100;

const DAY_MS = 86_400_000;

/** `at` as UTC ISO with milliseconds: fixed width, so string order is time order in sort keys. */
function utc(at: string): string {
  return new Date(at).toISOString();
}

function timeKey(event: Pick<AuditEvent, "at" | "id">): string {
  return `${utc(event.at)}#${event.id}`;
}

/** The item of a new, not yet sequenced entry. The body is the event exactly as given. */
export function auditItem(event: AuditEvent): Item {
  const at = utc(event.at);
  const sortKey = timeKey(event);
  return {
    ...keys.audit(event.id),
    body: JSON.stringify(event),
    // Sparse: entries about no subject stay out of the by-subject index.
    ...(event.subjectKey !== null ? { GSI1PK: keys.auditSubject(event.subjectKey), GSI1SK: sortKey } : {}),
    GSI2PK: keys.auditDay(at.slice(0, 10)),
    GSI2SK: sortKey,
    GSI3PK: keys.auditPending,
    GSI3SK: sortKey,
  };
}

/** The audit entry as one action of a state change's transaction. */
export function auditPut(db: Db, event: AuditEvent): TransactItem {
  return { Put: { TableName: db.table, Item: auditItem(event), ConditionExpression: "attribute_not_exists(PK)" } };
}

export function toEntry(item: Item): AuditEntry {
  const seq: unknown = item.seq;
  return { ...bodyOf<AuditEvent>(item), seq: typeof seq === "number" ? seq : null };
}

/** Cursor: after the entry with this (UTC time, id); or, for time ranges, from the start of a day. */
type After = { a: string; i: string };
type FromDay = { d: string };

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const isAfter = (v: unknown): v is After =>
  typeof v === "object" && v !== null && Object.keys(v).length === 2 &&
  typeof (v as After).a === "string" && ISO_UTC.test((v as After).a) && typeof (v as After).i === "string" && (v as After).i.length > 0;
const isFromDay = (v: unknown): v is FromDay =>
  typeof v === "object" && v !== null && Object.keys(v).length === 1 && typeof (v as FromDay).d === "string" && DAY.test((v as FromDay).d);
const isTimeCursor = (v: unknown): v is After | FromDay => isAfter(v) || isFromDay(v);

const afterEntry = (e: AuditEntry): After => ({ a: utc(e.at), i: e.id });

function badCursor(): AppError {
  return new AppError("INVALID_INPUT", "The page cursor is not valid", [{ path: "cursor", message: "not a cursor this list issued" }]);
}

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);

function validDate(d: Date, path: string): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new AppError("INVALID_INPUT", `${path} is not a valid time`);
  return d.toISOString();
}

/** Day markers read per query: one query usually covers a whole listByTime call. */
const MARKERS_PER_QUERY = 100;

/**
 * The days of one time range that hold entries, in order: the union of the day markers (days with
 * sequenced entries; a base-table partition, read strongly consistently) and the days of pending
 * entries (GSI3, in time order), both read ahead and cached for the duration of one call.
 *
 * Order matters, because the sequencer moves entries from "pending" to "marked" while we read:
 * markers are always (re)read after a pending read. An entry that was not pending at that pending
 * read had been sequenced before it, so its marker was written before the marker read that follows.
 */
class PopulatedDays {
  private markers: string[] = [];
  private markersExhausted = false;
  /** The day of the first pending entry at or after the last asked-for day; null: none; undefined: not read yet. */
  private pendingDay: string | null | undefined;

  constructor(
    private readonly db: Db,
    private readonly lastDay: string,
    private readonly lo: string,
    private readonly hi: string,
  ) {}

  /** The first day ≥ `day` (and ≤ lastDay) that holds an entry, else null. */
  async from(day: string): Promise<string | null> {
    if (await this.readPending(day)) {
      this.markers = [];
      this.markersExhausted = false;
    }
    await this.readMarkers(day);
    const days = [this.markers[0], this.pendingDay].filter((d): d is string => typeof d === "string").sort();
    return days[0] ?? null;
  }

  private async readMarkers(day: string): Promise<void> {
    this.markers = this.markers.filter((d) => d >= day);
    if (this.markers.length > 0 || this.markersExhausted) return;
    const items = await queryUpTo(
      this.db,
      {
        KeyConditionExpression: "PK = :pk AND SK BETWEEN :first AND :last",
        ExpressionAttributeValues: { ":pk": keys.auditDayMarkers, ":first": day, ":last": this.lastDay },
        ConsistentRead: true,
      },
      MARKERS_PER_QUERY,
    );
    this.markers = items.map((item) => String(item.SK));
    this.markersExhausted = items.length < MARKERS_PER_QUERY;
  }

  /** Reads the next pending day unless the cached answer still holds; true if it read. */
  private async readPending(day: string): Promise<boolean> {
    if (this.pendingDay === null || (this.pendingDay !== undefined && this.pendingDay >= day)) return false;
    const dayStart = `${day}T00:00:00.000Z`;
    const [first] = await queryUpTo(
      this.db,
      {
        IndexName: INDEX.bySeq,
        KeyConditionExpression: "GSI3PK = :pending AND GSI3SK BETWEEN :lo AND :hi",
        ExpressionAttributeValues: { ":pending": keys.auditPending, ":lo": dayStart > this.lo ? dayStart : this.lo, ":hi": this.hi },
      },
      1,
    );
    const sortKey: unknown = first?.GSI3SK; // "<at>#<id>": its day is the first 10 characters
    this.pendingDay = typeof sortKey === "string" ? sortKey.slice(0, 10) : null;
    return true;
  }
}

export class DynamoAuditStore implements AuditStore {
  constructor(private readonly db: Db) {}

  async append(event: AuditEvent): Promise<void> {
    try {
      await this.db.doc.send(new PutCommand({ TableName: this.db.table, Item: auditItem(event), ConditionExpression: "attribute_not_exists(PK)" }));
    } catch (e) {
      const name = (e as { name?: string }).name;
      // A conflict here means a transaction is writing this very id right now: a duplicate either way.
      if (name === "ConditionalCheckFailedException" || name === "TransactionConflictException") throw auditIdTaken();
      throw e;
    }
  }

  /**
   * BatchWriteItem, 25 per call, unprocessed items retried (batch.ts). BatchWriteItem has no
   * conditions, so the id check of append() is not made against stored entries: the caller's
   * events must be new (fresh random ids, as the batch check use case creates them). Writing an
   * id that is already stored would replace that entry and drop its sequence number; ids repeated
   * within one call are refused up front, before anything is written.
   */
  async appendMany(events: readonly AuditEvent[]): Promise<void> {
    const ids = new Set<string>();
    for (const e of events) {
      if (ids.has(e.id)) throw auditIdTaken();
      ids.add(e.id);
    }
    await batchPutAll(this.db, events.map(auditItem));
  }

  async listBySubject(subjectKey: string, page: PageRequest = {}): Promise<Page<AuditEntry>> {
    const limit = pageLimit(page.limit);
    const after = page.cursor ? decodeCursor(page.cursor, isAfter) : null;
    const pk = keys.auditSubject(subjectKey);
    const items = await queryUpTo(
      this.db,
      {
        IndexName: INDEX.bySubject,
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": pk },
        ExclusiveStartKey: after ? { ...keys.audit(after.i), GSI1PK: pk, GSI1SK: `${after.a}#${after.i}` } : undefined,
      },
      limit + 1,
    );
    const entries = items.slice(0, limit).map(toEntry);
    const last = entries.at(-1);
    return { items: entries, cursor: items.length > limit && last ? encodeCursor(afterEntry(last)) : null };
  }

  /**
   * Reads the day partitions of [from, to) in order, visiting only days that hold entries: the
   * next such day is the earlier of the next day marker (days with sequenced entries, written by
   * the sequencer) and the day of the next pending entry (GSI3). So a range of a century costs
   * what its populated days cost. After MAX_DAYS_PER_PAGE populated days a call returns what it
   * has with a cursor to the next day, even if the page is not full, to bound the queries per call.
   */
  async listByTime(from: Date, to: Date, page: PageRequest = {}): Promise<Page<AuditEntry>> {
    const limit = pageLimit(page.limit);
    const lo = validDate(from, "from");
    const hi = validDate(to, "to");
    if (lo >= hi) return { items: [], cursor: null };
    const firstDay = lo.slice(0, 10);
    const lastDay = new Date(to.getTime() - 1).toISOString().slice(0, 10);

    let day: string | null = firstDay;
    let start: Item | undefined;
    if (page.cursor) {
      const c = decodeCursor(page.cursor, isTimeCursor);
      if ("d" in c) {
        if (c.d < firstDay || c.d > lastDay) throw badCursor();
        day = c.d;
      } else {
        // DynamoDB refuses a start key outside the key condition; a cursor of another range is ours to refuse.
        if (c.a < lo || c.a >= hi) throw badCursor();
        day = c.a.slice(0, 10);
        start = { ...keys.audit(c.i), GSI2PK: keys.auditDay(day), GSI2SK: `${c.a}#${c.i}` };
      }
    }

    const populated = new PopulatedDays(this.db, lastDay, lo, hi);
    const found: Item[] = [];
    for (let visited = 0; ; ) {
      // Resuming inside a day: that day first. Otherwise skip ahead to the next day with entries.
      if (!start) day = await populated.from(day);
      if (day === null) return { items: found.map(toEntry), cursor: null };
      const items = await queryUpTo(
        this.db,
        {
          IndexName: INDEX.byDay,
          // "<at>#<id>" sorts after "<at>", so BETWEEN lo AND hi is exactly lo ≤ at < hi.
          KeyConditionExpression: "GSI2PK = :day AND GSI2SK BETWEEN :lo AND :hi",
          ExpressionAttributeValues: { ":day": keys.auditDay(day), ":lo": lo, ":hi": hi },
          ExclusiveStartKey: start,
        },
        limit + 1 - found.length,
      );
      found.push(...items);
      start = undefined;
      visited++;
      if (found.length > limit) {
        const entries = found.slice(0, limit).map(toEntry);
        return { items: entries, cursor: encodeCursor(afterEntry(entries.at(-1)!)) };
      }
      if (day >= lastDay) return { items: found.map(toEntry), cursor: null };
      day = nextDay(day);
      if (visited >= MAX_DAYS_PER_PAGE) return { items: found.map(toEntry), cursor: encodeCursor({ d: day } satisfies FromDay) };
    }
  }

  /**
   * Reads the sequenced entries bucket by bucket, up to the head's size. Stops at the first
   * missing number: the index may lag the sequencer by a moment, and a reader of the log must
   * never be handed a gap as if the numbers were consecutive.
   */
  async listBySequence(fromSeq: number, limit: number): Promise<AuditEntry[]> {
    const n = pageLimit(limit);
    if (!Number.isInteger(fromSeq) || fromSeq < 0) throw new AppError("INVALID_INPUT", "fromSeq must be a non-negative integer");
    const end = Math.min(await readSize(this.db), fromSeq + n);
    const out: AuditEntry[] = [];
    let next = fromSeq;
    while (next < end) {
      const bucketPk = keys.auditSeqBucket(next);
      const bucketEnd = Math.min(end, (Math.floor(next / SEQ_BUCKET) + 1) * SEQ_BUCKET);
      const items = await queryUpTo(
        this.db,
        {
          IndexName: INDEX.bySeq,
          KeyConditionExpression: "GSI3PK = :pk AND GSI3SK BETWEEN :lo AND :hi",
          ExpressionAttributeValues: { ":pk": bucketPk, ":lo": pad(next), ":hi": pad(bucketEnd - 1) },
        },
        bucketEnd - next,
      );
      for (const item of items) {
        const entry = toEntry(item);
        if (entry.seq !== next) return out;
        out.push(entry);
        next++;
      }
      if (next < bucketEnd) return out;
    }
    return out;
  }

  /**
   * Reads GSI4 (sequenced consent changes only), bucket by bucket. The sequencer gives consent
   * changes consecutive ordinals (`chg`), and the buckets are ordinal ranges, so a reader knows
   * which ordinal must come next and stops at the first one missing: GSI4 is eventually
   * consistent and may show a later change before an earlier one, and a feed that moved its
   * position past a change it had not seen would never see that withdrawal. Where to start is the
   * ordinal after the last consent change before `fromSeq` (found with one or a few Limit-1
   * probes); a probe that misses a lagging entry can only make that guess too low, which stops
   * the read early, never skips. A short answer therefore means "nothing more yet": ask again
   * from the last seq returned + 1.
   */
  async listConsentChangesSince(fromSeq: number, limit: number): Promise<AuditEntry[]> {
    const n = pageLimit(limit);
    if (!Number.isInteger(fromSeq) || fromSeq < 0) throw new AppError("INVALID_INPUT", "fromSeq must be a non-negative integer");
    const head = await readHead(this.db);
    if (head.changes === 0 || fromSeq >= head.size) return [];
    const out: AuditEntry[] = [];
    let next = fromSeq === 0 ? 0 : await this.changesBefore(fromSeq, Math.floor((head.changes - 1) / CHANGE_BUCKET));
    while (out.length < n && next < head.changes) {
      const bucketEnd = Math.min(head.changes, (Math.floor(next / CHANGE_BUCKET) + 1) * CHANGE_BUCKET);
      const items = await queryUpTo(
        this.db,
        {
          IndexName: INDEX.consentChanges,
          KeyConditionExpression: "GSI4PK = :pk AND GSI4SK BETWEEN :lo AND :hi",
          ExpressionAttributeValues: { ":pk": keys.consentChangeBucket(next), ":lo": pad(fromSeq), ":hi": pad(head.size - 1) },
        },
        Math.min(n - out.length, bucketEnd - next),
      );
      for (const item of items) {
        if (item.chg !== next) return out;
        out.push(toEntry(item));
        next++;
      }
      if (out.length < n && next < bucketEnd) return out; // the rest of this bucket is not visible yet
    }
    return out;
  }

  /**
   * The number of consent changes with seq < fromSeq: the ordinal of the last of them + 1. It lies
   * in the highest bucket holding a change before fromSeq: the last bucket is probed first (a feed
   * that keeps up finds it there), then the others by binary search.
   */
  private async changesBefore(fromSeq: number, lastBucket: number): Promise<number> {
    const probe = async (bucket: number): Promise<number | null> => {
      const [item] = await queryUpTo(
        this.db,
        {
          IndexName: INDEX.consentChanges,
          KeyConditionExpression: "GSI4PK = :pk AND GSI4SK < :from",
          ExpressionAttributeValues: { ":pk": keys.consentChangeBucket(bucket * CHANGE_BUCKET), ":from": pad(fromSeq) },
          ScanIndexForward: false,
          ProjectionExpression: "#chg",
          ExpressionAttributeNames: { "#chg": "chg" },
        },
        1,
      );
      return typeof item?.chg === "number" ? item.chg : null;
    };
    const last = await probe(lastBucket);
    if (last !== null) return last + 1;
    let found: number | null = null;
    for (let lo = 0, hi = lastBucket - 1; lo <= hi; ) {
      const mid = Math.floor((lo + hi) / 2);
      const hit = await probe(mid);
      if (hit === null) hi = mid - 1;
      else {
        found = hit;
        lo = mid + 1;
      }
    }
    return found === null ? 0 : found + 1;
  }

  sequencePending(options?: { settleMs?: number; max?: number }): Promise<number> {
    return sequencePending(this.db, options);
  }

  size(): Promise<number> {
    return readSize(this.db);
  }
}
