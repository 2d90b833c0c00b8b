/**
 * Remembered request ids (replay protection): PK=REPLAY#<id>, SK=REPLAY, one partition each.
 * One conditional PutItem: it succeeds if the id is new or its item has expired, so of two
 * concurrent calls with one id exactly one succeeds (DynamoDB serialises writes to an item).
 *
 * `expiresAt` (epoch milliseconds) is what the condition compares, at the precision the caller
 * gave; `ttl` (epoch seconds, rounded up) is the table's TTL attribute. TTL deletion is lazy (it
 * can lag the expiry by a day or more), so an expired item may still be there: the condition
 * treats it as absent rather than relying on it being gone.
 */
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { AppError } from "../../errors";
import type { ReplayStore } from "../ports";
import type { Db } from "./db";
import { keys, TTL_ATTRIBUTE } from "./table";

function validMs(d: Date, path: string): number {
  const ms = d instanceof Date ? d.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new AppError("INVALID_INPUT", `${path} is not a valid time`);
  return ms;
}

export class DynamoReplayStore implements ReplayStore {
  constructor(private readonly db: Db) {}

  async remember(id: string, expiresAt: Date, now: Date): Promise<boolean> {
    const expires = validMs(expiresAt, "expiresAt");
    const at = validMs(now, "now");
    try {
      await this.db.doc.send(
        new PutCommand({
          TableName: this.db.table,
          Item: { ...keys.replay(id), expiresAt: expires, [TTL_ATTRIBUTE]: Math.ceil(expires / 1000) },
          ConditionExpression: "attribute_not_exists(PK) OR #expiresAt <= :now",
          ExpressionAttributeNames: { "#expiresAt": "expiresAt" },
          ExpressionAttributeValues: { ":now": at },
        }),
      );
      return true;
    } catch (e) {
      if ((e as { name?: string }).name === "ConditionalCheckFailedException") return false;
      throw e;
    }
  }
}
