/**
 * What every part of the adapter shares: the document client, the table name and the retry
 * policy; plus the query helpers that follow LastEvaluatedKey (a Query page stops at 1 MB or
 * at Limit, whichever comes first, so one call is never assumed to be complete).
 */
import { QueryCommand, type DynamoDBDocumentClient, type NativeAttributeValue, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";

export type Item = Record<string, NativeAttributeValue>;

export interface RetryPolicy {
  /** Calls in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Injectable for tests. */
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 8,
  baseDelayMs: 50,
  maxDelayMs: 2000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"). */
export function backoffMs(policy: RetryPolicy, attempt: number): number {
  return Math.floor(policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}

export interface Db {
  doc: DynamoDBDocumentClient;
  table: string;
  retry: RetryPolicy;
}

type QueryInput = Omit<QueryCommandInput, "TableName" | "Limit">;

/** Up to `want` items of a query, following LastEvaluatedKey across 1 MB pages. */
export async function queryUpTo(db: Db, input: QueryInput, want: number): Promise<Item[]> {
  const items: Item[] = [];
  let start = input.ExclusiveStartKey;
  while (items.length < want) {
    const out = await db.doc.send(
      new QueryCommand({ ...input, TableName: db.table, ExclusiveStartKey: start, Limit: want - items.length }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
    if (!start) break;
  }
  return items;
}

/** Every item of a query. Only for item collections known to be small (a history, a form's versions). */
export async function queryAll(db: Db, input: QueryInput): Promise<Item[]> {
  const items: Item[] = [];
  let start = input.ExclusiveStartKey;
  do {
    const out = await db.doc.send(new QueryCommand({ ...input, TableName: db.table, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The JSON body an item carries. Stored as a string so that it reads back exactly as written. */
export function bodyOf<T>(item: Item): T {
  const body: unknown = item.body;
  if (typeof body !== "string") throw new Error(`DynamoDB item ${String(item.PK)} / ${String(item.SK)} has no body`);
  return JSON.parse(body) as T;
}
