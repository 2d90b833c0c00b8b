/**
 * TransactWriteItems and what its failures mean. A transaction is cancelled as a whole; its
 * CancellationReasons list one reason per item, in request order, so the caller can tell which
 * condition failed (the change's version/existence check, or the audit entry's id) and map it to
 * the domain error. Conflicts with another in-flight transaction and throttling are transient:
 * retried here with backoff (DynamoDB Local never produces them; tests/unit injects them).
 */
import { randomUUID } from "node:crypto";
import { TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { AppError } from "../../errors";
import { backoffMs, type Db } from "./db";

export type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/** DynamoDB's per-transaction maximum number of actions. */
export const TRANSACT_MAX = 100;

export interface FailedCondition {
  /** Position of the item in the transaction. */
  index: number;
  /**
   * The item as stored before the transaction, when ReturnValuesOnConditionCheckFailure asked for
   * it; null when it was not asked for or the item does not exist. Still in wire format (the
   * document client does not unmarshall errors): callers only test for its presence.
   */
  old: Record<string, unknown> | null;
}

export type TransactResult = { ok: true } | { ok: false; failed: FailedCondition[] };

interface CancellationReason {
  Code?: string;
  Item?: Record<string, unknown>;
}

/** Matched by name, not class: the error may come from another copy of the SDK or a test double. */
function errorName(e: unknown): string | undefined {
  return typeof e === "object" && e !== null ? (e as { name?: string }).name : undefined;
}

export function cancellationReasons(e: unknown): CancellationReason[] | null {
  if (errorName(e) !== "TransactionCanceledException") return null;
  const reasons = (e as { CancellationReasons?: CancellationReason[] }).CancellationReasons;
  return Array.isArray(reasons) ? reasons : [];
}

const THROTTLED_REASONS = new Set(["ThrottlingError", "ProvisionedThroughputExceeded"]);

/**
 * Why a failure may pass if tried again: another transaction held an item ("conflict"), or the
 * table or an index was throttled ("throttled"). Null for anything else.
 */
export function transientKind(e: unknown): "conflict" | "throttled" | null {
  if (errorName(e) === "TransactionConflictException") return "conflict";
  const reasons = cancellationReasons(e);
  if (!reasons || reasons.some((r) => r.Code === "ConditionalCheckFailed")) return null;
  if (reasons.some((r) => r.Code === "TransactionConflict")) return "conflict";
  if (reasons.some((r) => r.Code !== undefined && THROTTLED_REASONS.has(r.Code))) return "throttled";
  return null;
}

/**
 * Runs one transaction. Resolves `{ ok: false, failed }` when conditions failed (nothing was
 * written); retries transient cancellations with backoff and, if they persist, throws
 * AppError CONFLICT for conflicts (another writer holds the items: "reload and try again" is the
 * right advice) or STORE_UNAVAILABLE for throttling. Any other error propagates.
 *
 * Each attempt carries a fresh ClientRequestToken: the SDK's own retries of that attempt (after a
 * lost response) then reuse it, and DynamoDB answers them with the first outcome instead of
 * applying the writes twice or failing them on their own conditions.
 */
export async function transactWrite(db: Db, items: TransactItem[]): Promise<TransactResult> {
  if (items.length > TRANSACT_MAX) throw new Error(`A transaction takes at most ${TRANSACT_MAX} items, not ${items.length}`);
  for (let attempt = 0; ; attempt++) {
    try {
      await db.doc.send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: randomUUID() }));
      return { ok: true };
    } catch (e) {
      const reasons = cancellationReasons(e);
      if (reasons?.some((r) => r.Code === "ConditionalCheckFailed")) {
        const failed = reasons.flatMap((r, index) => (r.Code === "ConditionalCheckFailed" ? [{ index, old: r.Item ?? null }] : []));
        return { ok: false, failed };
      }
      const transient = transientKind(e);
      if (!transient) throw e;
      if (attempt + 1 >= db.retry.attempts) {
        throw transient === "conflict"
          ? new AppError("CONFLICT", "The record is being changed by someone else; try again")
          : new AppError("STORE_UNAVAILABLE", "The store is throttling writes; try again");
      }
      await db.retry.sleep(backoffMs(db.retry, attempt));
    }
  }
}

/**
 * An optimistic-concurrency write: replaces the item only if it still has `expectedVersion`. The
 * old item comes back with a cancellation, which tells "changed meanwhile" (old item present)
 * from "no such record" (none) without another read.
 */
export function versionedPut(db: Db, item: Record<string, unknown>, expectedVersion: number): TransactItem {
  return {
    Put: {
      TableName: db.table,
      Item: item,
      ConditionExpression: "#version = :expected",
      ExpressionAttributeNames: { "#version": "version" },
      ExpressionAttributeValues: { ":expected": expectedVersion },
      ReturnValuesOnConditionCheckFailure: "ALL_OLD",
    },
  };
}

/** The failure of the item at `index`, if it was one of the failed conditions. */
export function failedAt(failed: readonly FailedCondition[], index: number): FailedCondition | undefined {
  return failed.find((f) => f.index === index);
}

export const auditIdTaken = () => new AppError("CONFLICT", "An audit entry with this id already exists");
