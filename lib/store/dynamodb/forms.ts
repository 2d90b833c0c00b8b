/**
 * Consent form versions: PK=FORM#<formId>, SK=V#<version>, plus a head item (SK=HEAD, latest).
 * Publishing writes the head with a condition on the latest version it expects, in the same
 * transaction as the version and its audit entry: that makes "exactly latest + 1" atomic, which a
 * condition on the new version item alone could not (it cannot see that a version is skipped).
 */
import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { AuditEvent } from "../../audit/events";
import type { ConsentFormVersion } from "../../consent/form";
import { AppError } from "../../errors";
import type { FormStore } from "../ports";
import { auditPut } from "./audit";
import { bodyOf, queryAll, type Db } from "./db";
import { auditIdTaken, failedAt, transactWrite } from "./errors";
import { keys } from "./table";

export class DynamoFormStore implements FormStore {
  constructor(private readonly db: Db) {}

  async get(formId: string, version: number): Promise<ConsentFormVersion | null> {
    if (!Number.isInteger(version) || version < 1) return null;
    const out = await this.db.doc.send(
      new GetCommand({ TableName: this.db.table, Key: keys.formVersion(formId, version), ConsistentRead: true }),
    );
    return out.Item ? bodyOf<ConsentFormVersion>(out.Item) : null;
  }

  async latest(formId: string): Promise<ConsentFormVersion | null> {
    const out = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.table,
        KeyConditionExpression: "PK = :pk AND begins_with(SK, :v)",
        ExpressionAttributeValues: { ":pk": keys.formHead(formId).PK, ":v": keys.formVersionPrefix },
        ScanIndexForward: false, // zero-padded versions: the last in key order is the latest
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = out.Items?.[0];
    return item ? bodyOf<ConsentFormVersion>(item) : null;
  }

  async list(formId: string): Promise<ConsentFormVersion[]> {
    const items = await queryAll(this.db, {
      KeyConditionExpression: "PK = :pk AND begins_with(SK, :v)",
      ExpressionAttributeValues: { ":pk": keys.formHead(formId).PK, ":v": keys.formVersionPrefix },
      ConsistentRead: true,
    });
    return items.map((item) => bodyOf<ConsentFormVersion>(item));
  }

  async publish(form: ConsentFormVersion, audit: AuditEvent): Promise<void> {
    if (!Number.isInteger(form.version) || form.version < 1) throw new AppError("FORM_VERSION_EXISTS");
    const { table } = this.db;
    const result = await transactWrite(this.db, [
      {
        Put: {
          TableName: table,
          Item: { ...keys.formHead(form.formId), latest: form.version },
          ...(form.version === 1
            ? { ConditionExpression: "attribute_not_exists(PK)" }
            : {
                ConditionExpression: "#latest = :previous",
                ExpressionAttributeNames: { "#latest": "latest" },
                ExpressionAttributeValues: { ":previous": form.version - 1 },
              }),
        },
      },
      {
        Put: {
          TableName: table,
          Item: { ...keys.formVersion(form.formId, form.version), body: JSON.stringify(form) },
          ConditionExpression: "attribute_not_exists(PK)",
        },
      },
      auditPut(this.db, audit),
    ]);
    if (result.ok) return;
    if (failedAt(result.failed, 0) || failedAt(result.failed, 1)) throw new AppError("FORM_VERSION_EXISTS");
    throw auditIdTaken();
  }
}
