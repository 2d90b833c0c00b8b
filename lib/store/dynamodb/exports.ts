/**
 * Audit-export jobs: PK=EXPORT#<id>, SK=EXPORT, listed through GSI1 under the single key
 * EXPORTS, newest first by GSI1SK=<requestedAt>#<id>. A regulator makes a few a month: one
 * partition is plenty, and the list page may lag a moment behind (the job page reads strongly).
 */
import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { AuditEvent } from "../../audit/events";
import type { ExportJob } from "../../audit/export/job";
import { AppError } from "../../errors";
import type { ExportStore } from "../ports";
import { auditPut } from "./audit";
import { bodyOf, type Db, type Item } from "./db";
import { auditIdTaken, failedAt, transactWrite, versionedPut } from "./errors";
import { INDEX, keys } from "./table";

function exportItem(job: ExportJob): Item {
  return {
    ...keys.exportJob(job.id),
    version: job.version,
    body: JSON.stringify(job),
    GSI1PK: keys.exportList,
    GSI1SK: `${job.requestedAt}#${job.id}`,
  };
}

export class DynamoExportStore implements ExportStore {
  constructor(private readonly db: Db) {}

  async get(id: string): Promise<ExportJob | null> {
    const out = await this.db.doc.send(new GetCommand({ TableName: this.db.table, Key: keys.exportJob(id), ConsistentRead: true }));
    return out.Item ? bodyOf<ExportJob>(out.Item) : null;
  }

  async listRecent(limit: number): Promise<ExportJob[]> {
    const n = Math.max(0, Math.floor(limit));
    if (n === 0) return [];
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.table,
        IndexName: INDEX.bySubject,
        KeyConditionExpression: "GSI1PK = :exports",
        ExpressionAttributeValues: { ":exports": keys.exportList },
        ScanIndexForward: false,
        Limit: n,
      }),
    );
    return (out.Items ?? []).map((item) => bodyOf<ExportJob>(item));
  }

  async create(job: ExportJob, audit: AuditEvent): Promise<void> {
    const result = await transactWrite(this.db, [
      { Put: { TableName: this.db.table, Item: exportItem(job), ConditionExpression: "attribute_not_exists(PK)" } },
      auditPut(this.db, audit),
    ]);
    if (result.ok) return;
    if (failedAt(result.failed, 0)) throw new AppError("CONFLICT", "An export with this id exists");
    throw auditIdTaken();
  }

  async update(job: ExportJob, expectedVersion: number, audit?: AuditEvent): Promise<void> {
    const result = await transactWrite(this.db, [
      versionedPut(this.db, exportItem(job), expectedVersion),
      ...(audit ? [auditPut(this.db, audit)] : []),
    ]);
    if (result.ok) return;
    const failure = failedAt(result.failed, 0);
    if (failure) throw new AppError(failure.old ? "CONFLICT" : "NOT_FOUND", failure.old ? "The export changed meanwhile" : "No such export");
    throw auditIdTaken();
  }
}
