/**
 * Node–subject links (which subjects a node has checked, with the reference the node was given):
 * PK=NODELINK#<nodeId>#<subjectKey>, SK=NODELINK, read only by key.
 *
 * "The first link is kept" needs a condition on every write, and BatchWriteItem takes none. So
 * linkMany first reads which links exist (BatchGetItem, strongly consistent: a node re-checking a
 * dataset, the common case, then writes nothing), and writes the missing ones in transactions of
 * up to 100 Puts, each with attribute_not_exists(PK), 8 transactions in flight. A transaction
 * cancelled because some of its links appeared meanwhile (a concurrent call for the same node and
 * subjects) is sent again without them: theirs came first and is kept. A transactional write
 * costs two write units instead of one; in exchange a 10,000-link call is 100 round trips, not
 * 10,000. Conflicts and throttling are retried by transactWrite; unprocessed keys by batchGetAll.
 */
import { AppError } from "../../errors";
import type { NodeLinkStore, NodeSubjectLink } from "../ports";
import { BATCH_CONCURRENCY, batchGetAll, chunk, mapLimit } from "./batch";
import type { Db, Item } from "./db";
import { transactWrite, TRANSACT_MAX, type TransactItem } from "./errors";
import { keys } from "./table";

const EXISTS = { expression: "#pk", names: { "#pk": "PK" } };
const REF = { expression: "#subjectKey, #subjectRef", names: { "#subjectKey": "subjectKey", "#subjectRef": "subjectRef" } };

function validTime(d: Date, path: string): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new AppError("INVALID_INPUT", `${path} is not a valid time`);
  return d.toISOString();
}

function linkItem(link: NodeSubjectLink, linkedAt: string): Item {
  return {
    ...keys.nodeLink(link.nodeId, link.subjectKey),
    nodeId: link.nodeId,
    subjectKey: link.subjectKey,
    subjectRef: link.subjectRef,
    linkedAt,
  };
}

export class DynamoNodeLinkStore implements NodeLinkStore {
  constructor(private readonly db: Db) {}

  async linkMany(links: readonly NodeSubjectLink[], at: Date): Promise<void> {
    const linkedAt = validTime(at, "at");
    // One item per (node, subject), the first occurrence: a transaction may not name an item twice.
    const unique = new Map<string, Item>();
    for (const link of links) {
      const item = linkItem(link, linkedAt);
      if (!unique.has(item.PK as string)) unique.set(item.PK as string, item);
    }
    if (unique.size === 0) return;
    const stored = await batchGetAll(
      this.db,
      [...unique.keys()].map((PK) => ({ PK, SK: "NODELINK" })),
      EXISTS,
    );
    for (const item of stored) unique.delete(item.PK as string);
    await mapLimit(chunk([...unique.values()], TRANSACT_MAX), BATCH_CONCURRENCY, (items) => this.putNew(items));
  }

  /** Puts items that must not exist yet, dropping any that turn out to exist (their first link is kept). */
  private async putNew(items: Item[]): Promise<void> {
    let pending = items;
    while (pending.length > 0) {
      const actions: TransactItem[] = pending.map((Item) => ({
        Put: { TableName: this.db.table, Item, ConditionExpression: "attribute_not_exists(PK)" },
      }));
      const result = await transactWrite(this.db, actions);
      if (result.ok) return;
      const taken = new Set(result.failed.map((f) => f.index));
      // Each round drops at least one item, so this ends; a cancellation naming none would loop.
      if (taken.size === 0) throw new Error("A transaction of node links was cancelled without a failed condition");
      pending = pending.filter((_, i) => !taken.has(i));
    }
  }

  async linked(nodeId: string, subjectKeys: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(subjectKeys)]; // BatchGetItem refuses a key named twice
    const items = await batchGetAll(this.db, unique.map((subjectKey) => keys.nodeLink(nodeId, subjectKey)), REF);
    return new Map(items.map((item) => [String(item.subjectKey), String(item.subjectRef)]));
  }
}
