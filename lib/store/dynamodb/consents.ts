/**
 * Consents: the current state (PK=SUBJ#<subjectKey>, SK=CONSENT) and its append-only history
 * (same partition, SK=HIST#<version>), so one Query reads a subject's whole history in order.
 * A change writes state, history entry and audit entry in one transaction; the state's
 * condition on `version` (and `id`) is the optimistic concurrency check.
 */
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Consent, ConsentChange } from "../../consent/consent";
import { AppError } from "../../errors";
import type { ConsentStore } from "../ports";
import { auditPut } from "./audit";
import { batchGetAll } from "./batch";
import { bodyOf, queryAll, type Db } from "./db";
import { auditIdTaken, failedAt, transactWrite } from "./errors";
import { keys } from "./table";

const BODY = { expression: "#body", names: { "#body": "body" } };

export class DynamoConsentStore implements ConsentStore {
  constructor(private readonly db: Db) {}

  async getBySubject(subjectKey: string): Promise<Consent | null> {
    const out = await this.db.doc.send(
      new GetCommand({
        TableName: this.db.table,
        Key: keys.consent(subjectKey),
        ConsistentRead: true, // a decision depends on it: never an older state
        ProjectionExpression: BODY.expression,
        ExpressionAttributeNames: BODY.names,
      }),
    );
    return out.Item ? bodyOf<Consent>(out.Item) : null;
  }

  async getManyBySubject(subjectKeys: readonly string[]): Promise<Map<string, Consent>> {
    const unique = [...new Set(subjectKeys)]; // BatchGetItem refuses a key named twice
    const items = await batchGetAll(this.db, unique.map(keys.consent), BODY);
    const found = new Map<string, Consent>();
    for (const item of items) {
      const consent = bodyOf<Consent>(item);
      found.set(consent.subjectKey, consent);
    }
    return found;
  }

  async getHistory(subjectKey: string): Promise<ConsentChange[]> {
    const items = await queryAll(this.db, {
      KeyConditionExpression: "PK = :pk AND begins_with(SK, :hist)",
      ExpressionAttributeValues: { ":pk": keys.consent(subjectKey).PK, ":hist": keys.historyPrefix },
      ConsistentRead: true,
    });
    return items.map((item) => bodyOf<ConsentChange>(item));
  }

  async commitChange({ consent, change, expectedVersion, audit }: Parameters<ConsentStore["commitChange"]>[0]): Promise<void> {
    const { table } = this.db;
    const state = {
      ...keys.consent(consent.subjectKey),
      id: consent.id,
      version: consent.version,
      body: JSON.stringify(consent),
    };
    const result = await transactWrite(this.db, [
      {
        Put: {
          TableName: table,
          Item: state,
          ...(expectedVersion === 0
            ? { ConditionExpression: "attribute_not_exists(PK)" }
            : {
                // The id too: a consent replaced by another one (never done today) must not pass as the same record.
                ConditionExpression: "#version = :expected AND #id = :id",
                ExpressionAttributeNames: { "#version": "version", "#id": "id" },
                ExpressionAttributeValues: { ":expected": expectedVersion, ":id": consent.id },
              }),
        },
      },
      {
        Put: {
          TableName: table,
          Item: { ...keys.history(consent.subjectKey, change.version), body: JSON.stringify(change) },
          // History is append-only: an entry for this version already there means someone else wrote it.
          ConditionExpression: "attribute_not_exists(PK)",
        },
      },
      auditPut(this.db, audit),
    ]);
    if (result.ok) return;
    if (failedAt(result.failed, 0) || failedAt(result.failed, 1)) throw new AppError("CONFLICT");
    throw auditIdTaken();
  }
}
