/**
 * The store contract against AWS's DynamoDB Local, started by tests/support/dynamodb-local.setup.js
 * (or an external server named by DYNAMODB_ENDPOINT). Each store gets a fresh table, deleted
 * when the store is closed, so tests cannot see each other's items. Without a reachable server
 * this file fails: it never skips.
 */
import { randomUUID } from "node:crypto";
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  ListTablesCommand,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import { auditEvent, type AuditEvent } from "../../lib/audit/events";
import { createDynamoClient, createDynamoStores, ensureTable, tableDefinition } from "../../lib/store/dynamodb";
import { MAX_DAYS_PER_PAGE } from "../../lib/store/dynamodb/audit";
import { INDEX, TTL_ATTRIBUTE } from "../../lib/store/dynamodb/table";
import type { Stores } from "../../lib/store/ports";
import * as fx from "../support/fixtures";
import { runStoreContract } from "./stores.contract";
import { runTreeStoreContract } from "./tree.contract";
import { runUseCaseContract } from "./usecases.contract";

const endpoint = process.env.DYNAMODB_ENDPOINT;
if (!endpoint) {
  throw new Error("DYNAMODB_ENDPOINT is not set: run this file through the contract:dynamodb Jest project, whose globalSetup starts DynamoDB Local");
}

// DynamoDB Local is a JVM on a shared machine: give slow moments room rather than flake.
jest.setTimeout(30_000);

let client: DynamoDBClient;

beforeAll(async () => {
  client = createDynamoClient({ endpoint, region: "eu-central-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
  } catch (e) {
    throw new Error(`DynamoDB Local at ${endpoint} does not answer: ${(e as Error).message}`);
  }
});

afterAll(() => client?.destroy());

async function freshStores(): Promise<Stores & { tableName: string }> {
  const tableName = `donum-contract-${randomUUID()}`;
  await ensureTable(client, tableName);
  const stores = createDynamoStores({ client, tableName });
  const close = stores.close.bind(stores);
  return {
    ...stores,
    tableName,
    async close() {
      await close();
      await client.send(new DeleteTableCommand({ TableName: tableName }));
    },
  };
}

runStoreContract("dynamodb", freshStores);
runUseCaseContract("dynamodb", freshStores);
runTreeStoreContract("dynamodb", freshStores);

/** What the shared contract cannot say because it holds for this adapter only. */
describe("dynamodb adapter specifics", () => {
  let stores: Stores & { tableName: string };
  beforeEach(async () => {
    stores = await freshStores();
  });
  afterEach(async () => {
    await stores.close();
  });

  const event = (at: Date, subjectKey: string | null = null): AuditEvent =>
    auditEvent("consent.withdrawn", {
      id: randomUUID(),
      at,
      actor: { kind: "system", component: "dynamodb-test" },
      subjectKey,
      data: { consentId: randomUUID(), consentVersion: 1 },
    });
  const day = (n: number, ms = 0) => new Date(fx.T0.getTime() + n * 86_400_000 + ms);

  async function allByTime(from: Date, to: Date, limit: number) {
    const ids: string[] = [];
    let cursor: string | null = null;
    let calls = 0;
    do {
      const page: Awaited<ReturnType<Stores["audit"]["listByTime"]>> = await stores.audit.listByTime(from, to, { limit, cursor });
      ids.push(...page.items.map((e) => e.id));
      cursor = page.cursor;
      calls++;
    } while (cursor && calls < 100);
    return { ids, calls };
  }

  it("lists a time range that spans several day partitions, in order, without the entries at `to`", async () => {
    const events = [day(0), day(0, 1), day(1), day(3, 5), day(3, 6), day(6)].map((at) => event(at));
    for (const e of [...events].reverse()) await stores.audit.append(e);
    const { ids } = await allByTime(day(0), day(6), 2);
    expect(ids).toEqual(events.slice(0, 5).map((e) => e.id));
    expect((await allByTime(day(0, 1), day(3, 6), 100)).ids).toEqual(events.slice(1, 4).map((e) => e.id));
  });

  it("reads a long, sparse range in one call, skipping empty days, whether entries are sequenced or pending", async () => {
    const sequenced = [event(day(0)), event(day(40))];
    for (const e of sequenced) await stores.audit.append(e);
    await stores.audit.sequencePending({ settleMs: 0 });
    const pending = [event(day(20)), event(day(200))];
    for (const e of pending) await stores.audit.append(e);
    const { ids, calls } = await allByTime(new Date("2000-01-01T00:00:00Z"), new Date("2100-01-01T00:00:00Z"), 1000);
    expect(ids).toEqual([sequenced[0]!.id, pending[0]!.id, sequenced[1]!.id, pending[1]!.id]);
    expect(calls).toBe(1);
  });

  it("bounds the day partitions one call reads, and continues with the cursor", async () => {
    const events = Array.from({ length: MAX_DAYS_PER_PAGE + 5 }, (_, i) => event(day(i)));
    await stores.audit.appendMany(events);
    const first = await stores.audit.listByTime(day(0), day(1000), { limit: 1000 });
    expect(first.items).toHaveLength(MAX_DAYS_PER_PAGE);
    expect(first.cursor).not.toBeNull();
    const { ids, calls } = await allByTime(day(0), day(1000), 1000);
    expect(ids).toEqual(events.map((e) => e.id));
    expect(calls).toBe(2);
  });

  it("sequences entries of many different days, with a day marker each, within the 100 actions of a transaction", async () => {
    const events = Array.from({ length: 150 }, (_, i) => event(day(i)));
    await stores.audit.appendMany(events);
    expect(await stores.audit.sequencePending({ settleMs: 0 })).toBe(150);
    expect((await stores.audit.listBySequence(0, 1000)).map((e) => e.id)).toEqual(events.map((e) => e.id));
    // Now found through the day markers alone: nothing is pending any more.
    expect((await allByTime(day(0), day(1000), 1000)).ids).toEqual(events.map((e) => e.id));
  });

  it("keys times with an offset by their UTC instant, and reads the event back unchanged", async () => {
    const e = { ...event(fx.T0), at: "2026-06-01T12:00:00.000+02:00" } as AuditEvent; // = T0 in UTC
    await stores.audit.append(e);
    const page = await stores.audit.listByTime(fx.T0, new Date(fx.T0.getTime() + 1));
    expect(page.items).toEqual([{ ...e, seq: null }]);
  });

  it("shows entries as unsequenced (seq null) until the sequencer has run, and leaves young ones pending", async () => {
    const key = fx.subjectKey();
    const old = event(fx.T0, key);
    const young = event(new Date(), key);
    await stores.audit.append(old);
    await stores.audit.append(young);
    expect((await stores.audit.listBySubject(key)).items.map((e) => e.seq)).toEqual([null, null]);
    expect(await stores.audit.sequencePending({ settleMs: 60_000 })).toBe(1);
    expect((await stores.audit.listBySubject(key)).items.map((e) => [e.id, e.seq])).toEqual([
      [old.id, 0],
      [young.id, null],
    ]);
    expect(await stores.audit.sequencePending({ settleMs: 0 })).toBe(1);
    expect(await stores.audit.size()).toBe(2);
  });

  it("never gives one sequence number twice when sequencers race, across several transactions", async () => {
    const events = Array.from({ length: 450 }, (_, i) => event(new Date(fx.T0.getTime() + i)));
    await stores.audit.appendMany(events);
    const counts = await Promise.all([0, 1, 2].map(() => stores.audit.sequencePending({ settleMs: 0 })));
    // A sequencer that keeps losing races leaves the rest to the winner; a last run finishes the job.
    const rest = await stores.audit.sequencePending({ settleMs: 0 });
    expect(counts.reduce((a, b) => a + b, 0) + rest).toBe(450);
    expect(await stores.audit.size()).toBe(450);
    const log = await stores.audit.listBySequence(0, 1000);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 450 }, (_, i) => i));
    expect(log.map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it("stops a sequencing run at `max`", async () => {
    await stores.audit.appendMany(Array.from({ length: 5 }, (_, i) => event(new Date(fx.T0.getTime() + i))));
    expect(await stores.audit.sequencePending({ settleMs: 0, max: 3 })).toBe(3);
    expect(await stores.audit.size()).toBe(3);
    expect(await stores.audit.sequencePending({ settleMs: 0 })).toBe(2);
  });

  it("refuses ids repeated within one appendMany before writing any of them", async () => {
    const e = event(fx.T0);
    await expect(stores.audit.appendMany([event(fx.T0), e, e])).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await stores.audit.listByTime(fx.T0, day(1))).items).toEqual([]);
  });

  it("reads more than one BatchGetItem call's worth of consents (100 keys per call)", async () => {
    const granted = Array.from({ length: 130 }, () => fx.activeConsent());
    await Promise.all(
      granted.map((consent) =>
        stores.consents.commitChange({
          consent,
          change: { version: 1, action: "granted", status: "active", at: consent.createdAt, scope: consent.scope, form: consent.form, method: "web" },
          expectedVersion: 0,
          audit: event(fx.T0, consent.subjectKey),
        }),
      ),
    );
    const keys = [...granted.map((c) => c.subjectKey), ...Array.from({ length: 120 }, () => fx.subjectKey())];
    const found = await stores.consents.getManyBySubject(keys);
    expect(found.size).toBe(130);
    for (const c of granted) expect(found.get(c.subjectKey)).toEqual(c);
  });

  it("rejects a time cursor used on another range", async () => {
    for (let i = 0; i < 3; i++) await stores.audit.append(event(new Date(fx.T0.getTime() + i)));
    const page = await stores.audit.listByTime(fx.T0, day(1), { limit: 1 });
    expect(page.cursor).not.toBeNull();
    await expect(stores.audit.listByTime(day(2), day(3), { cursor: page.cursor })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("gives a remembered id the table's TTL attribute, in epoch seconds rounded up", async () => {
    const id = randomUUID();
    const expiresAt = new Date(fx.T0.getTime() + 90_500);
    expect(await stores.replays.remember(id, expiresAt, fx.T0)).toBe(true);
    const { Item } = await client.send(
      new GetItemCommand({ TableName: stores.tableName, Key: { PK: { S: `REPLAY#${id}` }, SK: { S: "REPLAY" } }, ConsistentRead: true }),
    );
    expect(Item?.[TTL_ATTRIBUTE]).toEqual({ N: String(Math.ceil(expiresAt.getTime() / 1000)) });
    expect(Item?.expiresAt).toEqual({ N: String(expiresAt.getTime()) });
  });

  it("keeps a consent change out of the feed until the sequencer has numbered it", async () => {
    const e = event(fx.T0, fx.subjectKey());
    await stores.audit.append(e);
    expect(await stores.audit.listConsentChangesSince(0, 10)).toEqual([]);
    await stores.audit.sequencePending({ settleMs: 0 });
    expect(await stores.audit.listConsentChangesSince(0, 10)).toEqual([{ ...e, seq: 0 }]);
  });
});

describe("dynamodb table", () => {
  it("is created with the consent-change index and TTL on its TTL attribute, and ensured again without change", async () => {
    const tableName = `donum-table-${randomUUID()}`;
    try {
      await ensureTable(client, tableName);
      await ensureTable(client, tableName);
      const table = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table!;
      expect((table.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName).sort()).toEqual(Object.values(INDEX).sort());
      const ttl = (await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }))).TimeToLiveDescription;
      expect(ttl).toMatchObject({ TimeToLiveStatus: "ENABLED", AttributeName: TTL_ATTRIBUTE });
    } finally {
      await client.send(new DeleteTableCommand({ TableName: tableName }));
    }
  });

  it("refuses a table created before GSI4, naming the missing index, rather than use it", async () => {
    const tableName = `donum-table-${randomUUID()}`;
    const definition = tableDefinition(tableName);
    await client.send(
      new CreateTableCommand({
        ...definition,
        AttributeDefinitions: definition.AttributeDefinitions!.filter((a) => !a.AttributeName!.startsWith("GSI4")),
        GlobalSecondaryIndexes: definition.GlobalSecondaryIndexes!.filter((g) => g.IndexName !== INDEX.consentChanges),
      }),
    );
    try {
      await expect(ensureTable(client, tableName)).rejects.toThrow(/lacks the indexes GSI4/);
    } finally {
      await client.send(new DeleteTableCommand({ TableName: tableName }));
    }
  });
});
