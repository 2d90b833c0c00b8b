/**
 * DynamoDB node links: how linkMany keeps "the first link wins" without BatchWriteItem (which
 * takes no conditions), shown against a fake document client with an in-memory table. The race
 * it guards against (another call linking the same subjects between our read and our write)
 * cannot be staged on demand against DynamoDB Local; here the fake lets it happen exactly then.
 */
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { DEFAULT_RETRY, type Db, type Item } from "../../lib/store/dynamodb/db";
import { DynamoNodeLinkStore } from "../../lib/store/dynamodb/links";
import { keys } from "../../lib/store/dynamodb/table";
import type { NodeSubjectLink } from "../../lib/store/ports";
import * as fx from "../support/fixtures";

const TABLE = "t";

function fakeTable(options: { beforeTransaction?: (table: Map<string, Item>, call: number) => void } = {}) {
  const table = new Map<string, Item>();
  const log = { gets: [] as number[], transactions: [] as number[], inFlight: 0, maxInFlight: 0 };
  let transactions = 0;
  const send = async (command: unknown): Promise<unknown> => {
    log.inFlight++;
    log.maxInFlight = Math.max(log.maxInFlight, log.inFlight);
    try {
      await new Promise((r) => setImmediate(r));
      if (command instanceof BatchGetCommand) {
        const request = command.input.RequestItems![TABLE]!;
        expect(request.ConsistentRead).toBe(true);
        log.gets.push(request.Keys!.length);
        return { Responses: { [TABLE]: request.Keys!.flatMap((k) => (table.has(String(k.PK)) ? [table.get(String(k.PK))!] : [])) } };
      }
      if (command instanceof TransactWriteCommand) {
        const items = command.input.TransactItems!;
        options.beforeTransaction?.(table, transactions++);
        log.transactions.push(items.length);
        const codes = items.map((i) => {
          expect(i.Put!.ConditionExpression).toBe("attribute_not_exists(PK)");
          return table.has(String(i.Put!.Item!.PK)) ? "ConditionalCheckFailed" : "None";
        });
        if (codes.includes("ConditionalCheckFailed")) {
          throw new TransactionCanceledException({ message: "cancelled", $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });
        }
        for (const i of items) table.set(String(i.Put!.Item!.PK), i.Put!.Item!);
        return {};
      }
      throw new Error("unexpected command");
    } finally {
      log.inFlight--;
    }
  };
  const db: Db = { doc: { send } as unknown as DynamoDBDocumentClient, table: TABLE, retry: { ...DEFAULT_RETRY, sleep: async () => {} } };
  return { store: new DynamoNodeLinkStore(db), table, log };
}

const link = (subjectKey: string, subjectRef = `ref-${subjectKey.slice(0, 8)}`): NodeSubjectLink => ({ nodeId: "node-a", subjectKey, subjectRef });
const refOf = (table: Map<string, Item>, subjectKey: string) => table.get(keys.nodeLink("node-a", subjectKey).PK)?.subjectRef;

describe("DynamoDB linkMany", () => {
  it("writes a 10,000-link call in transactions of 100, at most 8 calls in flight, after reading which exist", async () => {
    const { store, table, log } = fakeTable();
    const subjects = Array.from({ length: 10_000 }, () => fx.subjectKey());
    await store.linkMany(subjects.map((s) => link(s)), fx.T0);
    expect(table.size).toBe(10_000);
    expect(log.gets).toHaveLength(100);
    expect(log.transactions).toEqual(Array.from({ length: 100 }, () => 100));
    expect(log.maxInFlight).toBeLessThanOrEqual(8);
    expect(table.get(keys.nodeLink("node-a", subjects[0]!).PK)).toMatchObject({
      SK: "NODELINK",
      nodeId: "node-a",
      subjectKey: subjects[0],
      linkedAt: fx.T0.toISOString(),
    });
  });

  it("writes nothing for links that exist: a re-check of the same subjects costs reads only", async () => {
    const { store, log } = fakeTable();
    const subjects = Array.from({ length: 250 }, () => fx.subjectKey());
    await store.linkMany(subjects.map((s) => link(s)), fx.T0);
    log.transactions.length = 0;
    await store.linkMany(subjects.map((s) => link(s, "other")), fx.T0);
    expect(log.transactions).toEqual([]);
  });

  it("keeps the first of one subject named twice in a call, without naming its item twice in a transaction", async () => {
    const { store, table, log } = fakeTable();
    const s = fx.subjectKey();
    await store.linkMany([link(s, "first"), link(s, "second")], fx.T0);
    expect(log.transactions).toEqual([1]);
    expect(refOf(table, s)).toBe("first");
  });

  it("drops the links another call wrote between our read and our write, keeps theirs, and writes the rest", async () => {
    const subjects = Array.from({ length: 5 }, () => fx.subjectKey());
    const { store, table, log } = fakeTable({
      beforeTransaction: (t, call) => {
        if (call !== 0) return;
        for (const s of [subjects[1]!, subjects[3]!]) t.set(keys.nodeLink("node-a", s).PK, { ...keys.nodeLink("node-a", s), subjectRef: "theirs" });
      },
    });
    await store.linkMany(subjects.map((s) => link(s, "ours")), fx.T0);
    expect(log.transactions).toEqual([5, 3]);
    expect(subjects.map((s) => refOf(table, s))).toEqual(["ours", "theirs", "ours", "theirs", "ours"]);
  });

  it("reads only the node's own links", async () => {
    const { store } = fakeTable();
    const s = fx.subjectKey();
    await store.linkMany([link(s, "mine")], fx.T0);
    expect(await store.linked("node-a", [s, s])).toEqual(new Map([[s, "mine"]]));
    expect((await store.linked("node-b", [s])).size).toBe(0);
  });
});
