/**
 * BatchGetItem / BatchWriteItem with the retries DynamoDB requires of its callers: a batch call
 * may succeed while leaving some keys or items unprocessed (throttling, 16 MB response cap), and
 * the SDK does not retry those. We resend only the unprocessed part, with exponential backoff and
 * jitter, a bounded number of times, then give up with STORE_UNAVAILABLE rather than return a
 * partial answer as if it were complete.
 */
import { BatchGetCommand, BatchWriteCommand, type BatchWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { AppError } from "../../errors";
import { backoffMs, type Db, type Item } from "./db";
import type { Key } from "./table";

/** DynamoDB's per-call maxima. */
export const BATCH_GET_MAX = 100;
export const BATCH_WRITE_MAX = 25;
/** Calls in flight at once per batch operation: enough to hide latency, few enough not to self-throttle. */
export const BATCH_CONCURRENCY = 8;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `fn` over `inputs` with at most `limit` calls in flight; rejects on the first failure. */
export async function mapLimit<T, R>(inputs: readonly T[], limit: number, fn: (input: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(inputs.length);
  let next = 0;
  let failed = false;
  async function worker(): Promise<void> {
    while (!failed && next < inputs.length) {
      const i = next++;
      try {
        results[i] = await fn(inputs[i]!);
      } catch (e) {
        failed = true; // stop the other workers from starting more calls
        throw e;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, worker));
  return results;
}

function unavailable(what: string, left: number, attempts: number): AppError {
  return new AppError("STORE_UNAVAILABLE", `${left} ${what} still unprocessed after ${attempts} attempts`);
}

async function getChunk(db: Db, chunkKeys: Key[], projection: { expression: string; names: Record<string, string> }): Promise<Item[]> {
  const found: Item[] = [];
  let pending: Item[] = chunkKeys;
  for (let attempt = 0; ; attempt++) {
    const out = await db.doc.send(
      new BatchGetCommand({
        RequestItems: {
          [db.table]: {
            Keys: pending,
            ConsistentRead: true,
            ProjectionExpression: projection.expression,
            ExpressionAttributeNames: projection.names,
          },
        },
      }),
    );
    found.push(...(out.Responses?.[db.table] ?? []));
    pending = out.UnprocessedKeys?.[db.table]?.Keys ?? [];
    if (pending.length === 0) return found;
    if (attempt + 1 >= db.retry.attempts) throw unavailable("keys", pending.length, db.retry.attempts);
    await db.retry.sleep(backoffMs(db.retry, attempt));
  }
}

/**
 * Strongly consistent reads of many items by key, in order of arrival (not of `keys`).
 * Keys must be distinct: DynamoDB rejects a batch that names one key twice.
 */
export async function batchGetAll(
  db: Db,
  keys: readonly Key[],
  projection: { expression: string; names: Record<string, string> },
): Promise<Item[]> {
  const pages = await mapLimit(chunk(keys, BATCH_GET_MAX), BATCH_CONCURRENCY, (c) => getChunk(db, c, projection));
  return pages.flat();
}

type WriteRequest = NonNullable<BatchWriteCommandInput["RequestItems"]>[string][number];

async function putChunk(db: Db, items: Item[]): Promise<void> {
  let pending: WriteRequest[] = items.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; ; attempt++) {
    const out = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.table]: pending } }));
    pending = out.UnprocessedItems?.[db.table] ?? [];
    if (pending.length === 0) return;
    if (attempt + 1 >= db.retry.attempts) throw unavailable("items", pending.length, db.retry.attempts);
    await db.retry.sleep(backoffMs(db.retry, attempt));
  }
}

/**
 * Unconditional puts of many items, 25 per call. BatchWriteItem takes no conditions: callers
 * must know the items are new (see AuditStore.appendMany in audit.ts).
 */
export async function batchPutAll(db: Db, items: readonly Item[]): Promise<void> {
  await mapLimit(chunk(items, BATCH_WRITE_MAX), BATCH_CONCURRENCY, (c) => putChunk(db, c));
}
