/**
 * The single table: key layout, index names and the table definition. Every item key is built
 * here so that the item shapes documented in docs/dynamodb-single-table.md have one source.
 * The deployed table (infra/) must declare the same keys and indexes as `tableDefinition`.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type TableDescription,
} from "@aws-sdk/client-dynamodb";

/** Overloaded global secondary indexes (GSI1 serves two entity types; see the design doc). */
export const INDEX = {
  /** Audit entries of one subject (ASUBJ#<subjectKey>), and the list of all nodes (NODES). */
  bySubject: "GSI1",
  /** Audit entries of one UTC day (ADAY#<yyyy-mm-dd>), ordered by time. */
  byDay: "GSI2",
  /** Audit entries waiting for a sequence number (APENDING), then by sequence (ASEQ#<bucket>). */
  bySeq: "GSI3",
} as const;

const INDEX_KEYS = [
  { name: INDEX.bySubject, pk: "GSI1PK", sk: "GSI1SK" },
  { name: INDEX.byDay, pk: "GSI2PK", sk: "GSI2SK" },
  { name: INDEX.bySeq, pk: "GSI3PK", sk: "GSI3SK" },
] as const;

/** Sequence numbers per GSI3 partition: keeps the sequenced log spread over many partitions. */
export const SEQ_BUCKET = 10_000;

/** Fixed width so that string order is number order (16 digits covers every safe integer). */
export function pad(n: number, width = 16): string {
  return String(n).padStart(width, "0");
}

export type Key = { PK: string; SK: string };

export const keys = {
  consent: (subjectKey: string): Key => ({ PK: `SUBJ#${subjectKey}`, SK: "CONSENT" }),
  history: (subjectKey: string, version: number): Key => ({ PK: `SUBJ#${subjectKey}`, SK: `HIST#${pad(version, 10)}` }),
  historyPrefix: "HIST#",
  node: (id: string): Key => ({ PK: `NODE#${id}`, SK: "NODE" }),
  /** GSI1 partition that lists every node (a few hundred items: one partition is plenty). */
  nodeList: "NODES",
  formVersion: (formId: string, version: number): Key => ({ PK: `FORM#${formId}`, SK: `V#${pad(version, 10)}` }),
  formVersionPrefix: "V#",
  formHead: (formId: string): Key => ({ PK: `FORM#${formId}`, SK: "HEAD" }),
  audit: (id: string): Key => ({ PK: `AUDIT#${id}`, SK: "AUDIT" }),
  /** The log head: `size` = number of sequenced entries = next seq to assign. */
  auditHead: { PK: "AUDITLOG", SK: "HEAD" } as Key,
  auditSubject: (subjectKey: string) => `ASUBJ#${subjectKey}`,
  auditDay: (day: string) => `ADAY#${day}`,
  auditPending: "APENDING",
  /** Day markers (SK=<yyyy-mm-dd>): the days that hold sequenced entries, written by the sequencer. */
  auditDayMarker: (day: string): Key => ({ PK: "AUDITDAYS", SK: day }),
  auditDayMarkers: "AUDITDAYS",
  auditSeqBucket: (seq: number) => `ASEQ#${Math.floor(seq / SEQ_BUCKET)}`,
};

export function tableDefinition(tableName: string): CreateTableCommandInput {
  const attributes = ["PK", "SK", ...INDEX_KEYS.flatMap((i) => [i.pk, i.sk])];
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: attributes.map((AttributeName) => ({ AttributeName, AttributeType: "S" })),
    KeySchema: [
      { AttributeName: "PK", KeyType: "HASH" },
      { AttributeName: "SK", KeyType: "RANGE" },
    ],
    // ALL: every list query returns whole entries without a second read per item. The cost is
    // storage and write units per index; audit entries are small (about 1 KB).
    GlobalSecondaryIndexes: INDEX_KEYS.map((i) => ({
      IndexName: i.name,
      KeySchema: [
        { AttributeName: i.pk, KeyType: "HASH" },
        { AttributeName: i.sk, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "ALL" },
    })),
  };
}

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | null> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table ?? null;
  } catch (e) {
    if (e instanceof ResourceNotFoundException || (e as { name?: string }).name === "ResourceNotFoundException") return null;
    throw e;
  }
}

/** Refuses a table that exists under the name but lacks an index this adapter queries. */
function checkShape(table: TableDescription, tableName: string): void {
  const have = new Set((table.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName));
  const missing = INDEX_KEYS.map((i) => i.name).filter((n) => !have.has(n));
  if (missing.length > 0) throw new Error(`DynamoDB table ${tableName} exists but lacks the indexes ${missing.join(", ")}`);
}

const isActive = (t: TableDescription): boolean =>
  t.TableStatus === "ACTIVE" && (t.GlobalSecondaryIndexes ?? []).every((g) => g.IndexStatus === "ACTIVE");

/**
 * Creates the table with its indexes if it does not exist and waits until it and its indexes
 * are ACTIVE. Idempotent and safe to race: a concurrent creator's table is waited for, not
 * recreated. For local runs and tests; the deployed table is created by infra/.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string, timeoutMs = 120_000): Promise<void> {
  let table = await describe(client, tableName);
  if (!table) {
    try {
      await client.send(new CreateTableCommand(tableDefinition(tableName)));
    } catch (e) {
      if (!(e instanceof ResourceInUseException || (e as { name?: string }).name === "ResourceInUseException")) throw e;
    }
    table = await describe(client, tableName);
  }
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  while (!table || !isActive(table)) {
    if (Date.now() > deadline) throw new Error(`DynamoDB table ${tableName} is not ACTIVE after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 5000);
    table = await describe(client, tableName);
  }
  checkShape(table, tableName);
}
