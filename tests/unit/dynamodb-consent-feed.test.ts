/**
 * listConsentChangesSince on DynamoDB, over more GSI4 buckets than the contract suite can
 * afford to write (a bucket holds 10,000 consent changes), and with the index lagging, which
 * DynamoDB Local never does. A fake document client serves the head item and the two GSI4 query
 * shapes the reader uses, from an in-memory list of consent changes.
 */
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DynamoAuditStore } from "../../lib/store/dynamodb/audit";
import { DEFAULT_RETRY, type Db, type Item } from "../../lib/store/dynamodb/db";
import { CHANGE_BUCKET, INDEX, keys, pad } from "../../lib/store/dynamodb/table";

/** Consent change k sits at seq 3k + 1: two decisions around each. */
const seqOf = (k: number) => 3 * k + 1;
const CHANGES = 2 * CHANGE_BUCKET + 5_000; // three buckets, the last part-full
const SIZE = seqOf(CHANGES - 1) + 2;

function changeItem(k: number): Item {
  const seq = seqOf(k);
  return {
    ...keys.audit(`e${seq}`),
    seq,
    chg: k,
    GSI4PK: keys.consentChangeBucket(k),
    GSI4SK: pad(seq),
    body: JSON.stringify({ id: `e${seq}`, type: "consent.withdrawn" }),
  };
}

const ALL = Array.from({ length: CHANGES }, (_, k) => changeItem(k));

function fakeStore(hidden: ReadonlySet<number> = new Set()) {
  const index = ALL.filter((i) => !hidden.has(i.chg as number));
  const calls: string[] = [];
  const send = async (command: unknown): Promise<unknown> => {
    if (command instanceof GetCommand) {
      calls.push("head");
      return { Item: { ...keys.auditHead, size: SIZE, changes: CHANGES } };
    }
    if (!(command instanceof QueryCommand)) throw new Error("unexpected command");
    const input = command.input;
    expect(input.IndexName).toBe(INDEX.consentChanges);
    const v = input.ExpressionAttributeValues!;
    const inBucket = index.filter((i) => i.GSI4PK === v[":pk"]);
    let items: Item[];
    if (":from" in v) {
      calls.push(`probe ${String(v[":pk"])}`);
      items = inBucket.filter((i) => String(i.GSI4SK) < String(v[":from"])).reverse();
      expect(input.ScanIndexForward).toBe(false);
    } else {
      calls.push(`read ${String(v[":pk"])}`);
      items = inBucket.filter((i) => String(i.GSI4SK) >= String(v[":lo"]) && String(i.GSI4SK) <= String(v[":hi"]));
    }
    return { Items: items.slice(0, input.Limit ?? items.length) };
  };
  const db: Db = { doc: { send } as unknown as DynamoDBDocumentClient, table: "t", retry: DEFAULT_RETRY };
  return { store: new DynamoAuditStore(db), calls };
}

const ordinals = (entries: { seq: number | null }[]) => entries.map((e) => (e.seq! - 1) / 3);
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe("DynamoDB consent-change feed over several GSI4 buckets", () => {
  it("reads from the start without probing", async () => {
    const { store, calls } = fakeStore();
    expect(ordinals(await store.listConsentChangesSince(0, 1000))).toEqual(range(0, 1000));
    expect(calls).toEqual(["head", "read ACHG#0"]);
  });

  it("finds where to start in an earlier bucket by binary search, and reads across a bucket boundary", async () => {
    const { store, calls } = fakeStore();
    const k = CHANGE_BUCKET - 2;
    expect(ordinals(await store.listConsentChangesSince(seqOf(k), 5))).toEqual(range(k, 5));
    expect(calls).toEqual(["head", "probe ACHG#2", "probe ACHG#0", "probe ACHG#1", "read ACHG#0", "read ACHG#1"]);
    // From a seq that is a decision, not a consent change: the next change.
    expect(ordinals(await store.listConsentChangesSince(seqOf(12_345) + 1, 2))).toEqual([12_346, 12_347]);
  });

  it("answers a feed that keeps up with one probe of the last bucket", async () => {
    const { store, calls } = fakeStore();
    expect(ordinals(await store.listConsentChangesSince(seqOf(CHANGES - 3), 100))).toEqual(range(CHANGES - 3, 3));
    expect(calls).toEqual(["head", "probe ACHG#2", "read ACHG#2"]);
    calls.length = 0;
    expect(await store.listConsentChangesSince(seqOf(CHANGES - 1) + 1, 100)).toEqual([]);
    expect(calls).toEqual(["head", "probe ACHG#2"]);
    calls.length = 0;
    expect(await store.listConsentChangesSince(SIZE, 100)).toEqual([]);
    expect(calls).toEqual(["head"]);
  });

  it("stops before a change the index does not show yet, instead of skipping it", async () => {
    const { store } = fakeStore(new Set([12_346]));
    expect(ordinals(await store.listConsentChangesSince(seqOf(12_345), 10))).toEqual([12_345]);
    // And at the start of a bucket.
    const lagging = fakeStore(new Set([CHANGE_BUCKET]));
    expect(ordinals(await lagging.store.listConsentChangesSince(seqOf(CHANGE_BUCKET - 2), 10))).toEqual([CHANGE_BUCKET - 2, CHANGE_BUCKET - 1]);
  });

  it("returns nothing rather than guess when the change just before fromSeq is not visible yet", async () => {
    // The probe finds 12,343 as the last change before fromSeq, so 12,344 must come first; it is not visible.
    const { store } = fakeStore(new Set([12_344]));
    expect(await store.listConsentChangesSince(seqOf(12_344), 10)).toEqual([]);
    expect(await store.listConsentChangesSince(seqOf(12_344) - 1, 10)).toEqual([]);
  });
});
