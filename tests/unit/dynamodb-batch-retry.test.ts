/**
 * The retry paths of the DynamoDB adapter that DynamoDB Local never takes: it does not throttle,
 * so it never leaves UnprocessedKeys / UnprocessedItems and never cancels a transaction for a
 * conflict. These paths are tested here by injecting a tiny fake document client (`send` only)
 * that misbehaves as AWS can; everything else about the adapter runs against DynamoDB Local in
 * tests/contract/dynamodb.test.ts.
 */
import { randomUUID } from "node:crypto";
import { TransactionCanceledException, TransactionConflictException } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, BatchWriteCommand, TransactWriteCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { auditEvent } from "../../lib/audit/events";
import { AppError } from "../../lib/errors";
import { batchGetAll, batchPutAll } from "../../lib/store/dynamodb/batch";
import { DynamoConsentStore } from "../../lib/store/dynamodb/consents";
import { DEFAULT_RETRY, type Db, type Item } from "../../lib/store/dynamodb/db";
import { transactWrite } from "../../lib/store/dynamodb/errors";
import { keys } from "../../lib/store/dynamodb/table";
import * as fx from "../support/fixtures";

const TABLE = "t";
const BODY = { expression: "#body", names: { "#body": "body" } };

type Send = (command: unknown) => Promise<unknown>;

function fakeDb(send: Send, attempts = 4): { db: Db; delays: number[] } {
  const delays: number[] = [];
  const db: Db = {
    // The adapter only ever calls send(); the SDK's overloaded generic signature cannot be met by a test double without a cast.
    doc: { send } as unknown as DynamoDBDocumentClient,
    table: TABLE,
    retry: {
      ...DEFAULT_RETRY,
      attempts,
      baseDelayMs: 10,
      maxDelayMs: 35,
      random: () => 1, // no jitter: the delays are then the exponential ceiling, checkable
      sleep: async (ms) => {
        delays.push(ms);
      },
    },
  };
  return { db, delays };
}

const keyList = (n: number) => Array.from({ length: n }, (_, i) => keys.consent(`s${i}`));
const asItem = (k: Item): Item => ({ ...k, body: JSON.stringify({ pk: k.PK }) });

describe("batchGetAll: unprocessed keys", () => {
  it("resends only the unprocessed keys, with growing delays, until all are read", async () => {
    const calls: number[] = [];
    let failuresLeft = 2;
    const { db, delays } = fakeDb(async (command) => {
      if (!(command instanceof BatchGetCommand)) throw new Error("unexpected command");
      const request = command.input.RequestItems![TABLE]!;
      expect(request.ConsistentRead).toBe(true);
      const asked = request.Keys!;
      calls.push(asked.length);
      // The first calls process only the first half and hand the rest back.
      const served = failuresLeft-- > 0 ? asked.slice(0, Math.ceil(asked.length / 2)) : asked;
      const rest = asked.slice(served.length);
      return {
        Responses: { [TABLE]: served.map(asItem) },
        UnprocessedKeys: rest.length ? { [TABLE]: { Keys: rest } } : {},
      };
    });
    const items = await batchGetAll(db, keyList(80), BODY);
    expect(items.map((i) => i.PK).sort()).toEqual(keyList(80).map((k) => k.PK).sort());
    expect(calls).toEqual([80, 40, 20]);
    expect(delays).toEqual([10, 20]);
  });

  it("splits into calls of 100 keys", async () => {
    const sizes: number[] = [];
    const { db } = fakeDb(async (command) => {
      const asked = (command as BatchGetCommand).input.RequestItems![TABLE]!.Keys!;
      sizes.push(asked.length);
      return { Responses: { [TABLE]: asked.map(asItem) } };
    });
    expect(await batchGetAll(db, keyList(250), BODY)).toHaveLength(250);
    expect(sizes.sort((a, b) => a - b)).toEqual([50, 100, 100]);
  });

  it("gives up with STORE_UNAVAILABLE after the bounded attempts", async () => {
    let calls = 0;
    const { db, delays } = fakeDb(async (command) => {
      calls++;
      const asked = (command as BatchGetCommand).input.RequestItems![TABLE]!.Keys!;
      return { Responses: { [TABLE]: [] }, UnprocessedKeys: { [TABLE]: { Keys: asked } } };
    }, 4);
    const p = batchGetAll(db, keyList(3), BODY);
    await expect(p).rejects.toBeInstanceOf(AppError);
    await expect(p).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    expect(calls).toBe(4);
    expect(delays).toEqual([10, 20, 35]); // capped at maxDelayMs
  });
});

describe("batchPutAll: unprocessed items", () => {
  it("resends only the unprocessed items until each is written exactly once", async () => {
    const written = new Map<string, number>();
    let failuresLeft = 3;
    const { db, delays } = fakeDb(async (command) => {
      if (!(command instanceof BatchWriteCommand)) throw new Error("unexpected command");
      const requests = command.input.RequestItems![TABLE]!;
      expect(requests.length).toBeLessThanOrEqual(25);
      const keep = failuresLeft-- > 0 ? requests.slice(0, 1) : requests; // throttled: only one item lands
      for (const r of keep) written.set(String(r.PutRequest!.Item!.PK), (written.get(String(r.PutRequest!.Item!.PK)) ?? 0) + 1);
      const rest = requests.slice(keep.length);
      return { UnprocessedItems: rest.length ? { [TABLE]: rest } : {} };
    }, 8);
    const items = keyList(60).map(asItem);
    await batchPutAll(db, items);
    expect([...written.keys()].sort()).toEqual(items.map((i) => i.PK).sort());
    expect([...written.values()].every((n) => n === 1)).toBe(true);
    expect(delays.length).toBeGreaterThan(0);
  });

  it("gives up with STORE_UNAVAILABLE after the bounded attempts", async () => {
    let calls = 0;
    const { db } = fakeDb(async (command) => {
      calls++;
      return { UnprocessedItems: { [TABLE]: (command as BatchWriteCommand).input.RequestItems![TABLE]! } };
    }, 3);
    await expect(batchPutAll(db, keyList(5).map(asItem))).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
    expect(calls).toBe(3);
  });
});

const canceled = (codes: string[]) =>
  new TransactionCanceledException({
    message: "Transaction cancelled",
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe("transactions: conflicts are retried, then surfaced as CONFLICT", () => {
  const item = { Put: { TableName: TABLE, Item: { PK: "a", SK: "b" } } };

  it("retries a transaction cancelled by a TransactionConflict, each attempt with its own request token", async () => {
    const tokens: string[] = [];
    const { db, delays } = fakeDb(async (command) => {
      if (!(command instanceof TransactWriteCommand)) throw new Error("unexpected command");
      tokens.push(command.input.ClientRequestToken!);
      if (tokens.length <= 2) throw canceled(["TransactionConflict", "None"]);
      return {};
    });
    expect(await transactWrite(db, [item, item])).toEqual({ ok: true });
    expect(new Set(tokens).size).toBe(3);
    expect(delays).toEqual([10, 20]);
  });

  it("retries a TransactionConflictException the same way", async () => {
    let calls = 0;
    const { db } = fakeDb(async () => {
      if (++calls === 1) throw new TransactionConflictException({ message: "conflict", $metadata: {} });
      return {};
    });
    expect(await transactWrite(db, [item])).toEqual({ ok: true });
    expect(calls).toBe(2);
  });

  it("throws AppError CONFLICT when the conflict persists, and STORE_UNAVAILABLE when throttling does", async () => {
    const conflicting = fakeDb(async () => {
      throw canceled(["None", "TransactionConflict"]);
    }, 3);
    await expect(transactWrite(conflicting.db, [item, item])).rejects.toMatchObject({ code: "CONFLICT" });
    const throttled = fakeDb(async () => {
      throw canceled(["ThrottlingError"]);
    }, 3);
    await expect(transactWrite(throttled.db, [item])).rejects.toMatchObject({ code: "STORE_UNAVAILABLE" });
  });

  it("does not retry a failed condition: it reports which items failed", async () => {
    let calls = 0;
    const { db } = fakeDb(async () => {
      calls++;
      throw canceled(["None", "ConditionalCheckFailed", "None"]);
    });
    expect(await transactWrite(db, [item, item, item])).toEqual({ ok: false, failed: [{ index: 1, old: null }] });
    expect(calls).toBe(1);
  });

  it("lets other errors through unchanged", async () => {
    const boom = new Error("network down");
    const { db } = fakeDb(async () => {
      throw boom;
    });
    await expect(transactWrite(db, [item])).rejects.toBe(boom);
  });

  it("surfaces a persistent conflict on a consent change as CONFLICT", async () => {
    const { db } = fakeDb(async () => {
      throw canceled(["TransactionConflict", "None", "None"]);
    }, 2);
    const consent = fx.activeConsent();
    const store = new DynamoConsentStore(db);
    const commit = store.commitChange({
      consent,
      change: { version: 1, action: "granted", status: "active", at: consent.createdAt, scope: consent.scope, form: consent.form, method: "web" },
      expectedVersion: 0,
      audit: auditEvent("consent.opted_out", {
        id: randomUUID(),
        at: fx.T0,
        actor: { kind: "system", component: "test" },
        subjectKey: consent.subjectKey,
        data: { consentId: consent.id, consentVersion: 1 },
      }),
    });
    await expect(commit).rejects.toBeInstanceOf(AppError);
    await expect(commit).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
