/**
 * The single table: key layout, index names and the table definition. Every item key is built
 * here so that the item shapes documented in docs/dynamodb-single-table.md have one source.
 * The deployed table (infra/) must declare the same keys and indexes as `tableDefinition`.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type TableDescription,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";

/** Overloaded global secondary indexes (GSI1 serves two entity types; see the design doc). */
export const INDEX = {
  /** Audit entries of one subject (ASUBJ#<subjectKey>), and the list of all nodes (NODES). */
  bySubject: "GSI1",
  /** Audit entries of one UTC day (ADAY#<yyyy-mm-dd>), ordered by time. */
  byDay: "GSI2",
  /** Audit entries waiting for a sequence number (APENDING), then by sequence (ASEQ#<bucket>). */
  bySeq: "GSI3",
  /** Sparse: sequenced consent changes only (ACHG#<bucket>), by sequence; the nodes' withdrawal feeds. */
  consentChanges: "GSI4",
} as const;

const INDEX_KEYS = [
  { name: INDEX.bySubject, pk: "GSI1PK", sk: "GSI1SK" },
  { name: INDEX.byDay, pk: "GSI2PK", sk: "GSI2SK" },
  { name: INDEX.bySeq, pk: "GSI3PK", sk: "GSI3SK" },
  { name: INDEX.consentChanges, pk: "GSI4PK", sk: "GSI4SK" },
] as const;

/** Sequence numbers per GSI3 partition: keeps the sequenced log spread over many partitions. */
export const SEQ_BUCKET = 10_000;

/**
 * Consent changes per GSI4 partition. Counted in consent changes, not in sequence numbers: every
 * bucket but the last is full, so a reader never queries an empty partition however sparse
 * consent changes are in the log (decisions are most of it).
 */
export const CHANGE_BUCKET = 10_000;

/** The table's TTL attribute (epoch seconds): DynamoDB deletes an item some time after it passes. */
export const TTL_ATTRIBUTE = "ttl";

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
  exportJob: (id: string): Key => ({ PK: `EXPORT#${id}`, SK: "EXPORT" }),
  /** GSI1 partition that lists every audit-export job, newest first. */
  exportList: "EXPORTS",
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
  /** GSI4 partition of the consent change with this ordinal (0 for the log's first consent change, 1 for the next, …). */
  consentChangeBucket: (ordinal: number) => `ACHG#${Math.floor(ordinal / CHANGE_BUCKET)}`,
  /** A remembered request id (ReplayStore); deleted by TTL some time after it expires. */
  replay: (id: string): Key => ({ PK: `REPLAY#${id}`, SK: "REPLAY" }),
  /**
   * That a node has checked a subject: one partition per (node, subject), since links are only
   * ever read by key (BatchGetItem), and a batch check's thousands of new links then spread over
   * the table instead of meeting one partition's write limit. The subject key (64 hex characters)
   * comes last, so no node id can make two pairs share a key.
   */
  nodeLink: (nodeId: string, subjectKey: string): Key => ({ PK: `NODELINK#${nodeId}#${subjectKey}`, SK: "NODELINK" }),
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
  if (missing.length > 0) {
    throw new Error(
      `DynamoDB table ${tableName} exists but lacks the indexes ${missing.join(", ")}: add them as tableDefinition() declares them ` +
        `(UpdateTable; see "Changing an existing table" in docs/dynamodb-single-table.md)`,
    );
  }
}

const isActive = (t: TableDescription): boolean =>
  t.TableStatus === "ACTIVE" && (t.GlobalSecondaryIndexes ?? []).every((g) => g.IndexStatus === "ACTIVE");

/** The TTL attribute the table has switched on, if any (ENABLED or on its way there). */
async function ttlAttribute(client: DynamoDBClient, tableName: string): Promise<string | null> {
  const ttl = (await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }))).TimeToLiveDescription;
  const on = ttl?.TimeToLiveStatus === "ENABLED" || ttl?.TimeToLiveStatus === "ENABLING";
  return on ? (ttl?.AttributeName ?? null) : null;
}

/**
 * Switches on TTL deletion on TTL_ATTRIBUTE (CreateTable cannot: it is a separate call). Refuses a
 * table whose TTL is on another attribute: DynamoDB allows one, and changing it is an operator's
 * decision. A concurrent caller that switched it on first is fine.
 */
async function ensureTtl(client: DynamoDBClient, tableName: string): Promise<void> {
  let attribute = await ttlAttribute(client, tableName);
  if (attribute === null) {
    try {
      await client.send(
        new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true } }),
      );
      return;
    } catch (e) {
      // "TimeToLive is already enabled": a concurrent ensureTable won the race; see on what.
      if ((e as { name?: string }).name !== "ValidationException") throw e;
      attribute = await ttlAttribute(client, tableName);
      if (attribute === null) throw e;
    }
  }
  if (attribute !== TTL_ATTRIBUTE) {
    throw new Error(`DynamoDB table ${tableName} has TTL on the attribute ${attribute}, not on ${TTL_ATTRIBUTE}`);
  }
}

/**
 * Creates the table with its indexes if it does not exist, waits until it and its indexes are
 * ACTIVE, and switches on TTL. Idempotent and safe to race: a concurrent creator's table is waited
 * for, not recreated. For local runs and tests; the deployed table is created by infra/. A table
 * created before an index was added to the design is refused, not altered (see checkShape).
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
  await ensureTtl(client, tableName);
}
