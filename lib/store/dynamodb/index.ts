/**
 * DynamoDB adapter: one table (see table.ts and docs/dynamodb-single-table.md), every change
 * and its audit entry in one TransactWriteItems, reads that decisions depend on strongly
 * consistent, audit entries numbered afterwards by a single-writer sequencer (sequencer.ts).
 */
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Stores } from "../ports";
import { DynamoAuditStore } from "./audit";
import { documentClient } from "./client";
import { DynamoConsentStore } from "./consents";
import { DEFAULT_RETRY, type Db, type RetryPolicy } from "./db";
import { DynamoExportStore } from "./exports";
import { DynamoFormStore } from "./forms";
import { DynamoNodeLinkStore } from "./links";
import { DynamoNodeStore } from "./nodes";
import { DynamoReplayStore } from "./replays";
import { keys } from "./table";
import { DynamoTreeStore } from "./tree";

export { createDynamoClient, type DynamoClientOptions } from "./client";
export { ensureTable, tableDefinition } from "./table";

export interface DynamoStoresOptions {
  /** Owned by the caller: close() leaves it open, the caller destroys it. */
  client: DynamoDBClient;
  tableName: string;
  /** Retries of unprocessed batch items and of transient transaction cancellations. */
  retry?: Partial<RetryPolicy>;
}

export function createDynamoStores(options: DynamoStoresOptions): Stores {
  const db: Db = { doc: documentClient(options.client), table: options.tableName, retry: { ...DEFAULT_RETRY, ...options.retry } };
  return {
    kind: "dynamodb",
    consents: new DynamoConsentStore(db),
    audit: new DynamoAuditStore(db),
    nodes: new DynamoNodeStore(db),
    forms: new DynamoFormStore(db),
    replays: new DynamoReplayStore(db),
    links: new DynamoNodeLinkStore(db),
    tree: new DynamoTreeStore(db),
    exports: new DynamoExportStore(db),
    async ping() {
      // One eventually consistent single-item read (half a read unit): proves endpoint, credentials and table.
      await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.auditHead }));
    },
    async close() {
      // Nothing to release: no connection is ours (the client belongs to the caller).
    },
  };
}
