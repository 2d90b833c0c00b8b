/**
 * TreeStore on the single table (docs/dynamodb-single-table.md, "The verifiable log"):
 *
 *   subtree hash   PK=TNODE#<level>#<index>, SK=TNODE, level (N), idx (N), hash (S, hex)
 *   checkpoint     PK=LOGCHECKPOINT, SK=LATEST, size (N), body (S: the StoredCheckpoint as JSON)
 *
 * Nodes are only ever read by key (BatchGetItem, strongly consistent): one partition each, no hot
 * key. Every node is written with `attribute_not_exists(PK) OR hash = :hash`, so writing it again
 * is harmless and a different hash is refused (TreeIntegrityError), never stored. The checkpoint
 * is one item replaced with a condition on its size: of two integrators that read one size, one wins.
 */
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { checkCheckpoint, distinctKeys, distinctNodes, TreeIntegrityError } from "../../audit/log/tree-nodes";
import type { StoredCheckpoint, TreeNode, TreeNodeKey, TreeStore } from "../ports";
import { batchGetAll, BATCH_CONCURRENCY, mapLimit } from "./batch";
import { bodyOf, type Db } from "./db";
import type { Key } from "./table";

export const treeKeys = {
  node: (level: number, index: number): Key => ({ PK: `TNODE#${level}#${index}`, SK: "TNODE" }),
  checkpoint: { PK: "LOGCHECKPOINT", SK: "LATEST" } as Key,
};

const isConditionFailure = (e: unknown) => (e as { name?: string })?.name === "ConditionalCheckFailedException";

export class DynamoTreeStore implements TreeStore {
  constructor(private readonly db: Db) {}

  async putNodes(nodes: readonly TreeNode[]): Promise<void> {
    const distinct = distinctNodes(nodes);
    // Conditional PutItems (one write unit each) rather than transactions (two): a call that fails
    // half-way leaves correct nodes behind, which a retry writes again harmlessly.
    await mapLimit(distinct, BATCH_CONCURRENCY * 2, async (node) => {
      try {
        await this.db.doc.send(
          new PutCommand({
            TableName: this.db.table,
            Item: { ...treeKeys.node(node.level, node.index), level: node.level, idx: node.index, hash: node.hash },
            ConditionExpression: "attribute_not_exists(PK) OR #hash = :hash",
            ExpressionAttributeNames: { "#hash": "hash" },
            ExpressionAttributeValues: { ":hash": node.hash },
          }),
        );
      } catch (e) {
        if (isConditionFailure(e)) throw new TreeIntegrityError(node);
        throw e;
      }
    });
  }

  async getNodes(keys: readonly TreeNodeKey[]): Promise<TreeNode[]> {
    const distinct = distinctKeys(keys);
    if (distinct.length === 0) return [];
    const items = await batchGetAll(
      this.db,
      distinct.map((k) => treeKeys.node(k.level, k.index)),
      { expression: "#level, #idx, #hash", names: { "#level": "level", "#idx": "idx", "#hash": "hash" } },
    );
    return items.map((item) => ({ level: Number(item.level), index: Number(item.idx), hash: String(item.hash) }));
  }

  async getCheckpoint(): Promise<StoredCheckpoint | null> {
    const out = await this.db.doc.send(new GetCommand({ TableName: this.db.table, Key: treeKeys.checkpoint, ConsistentRead: true }));
    return out.Item ? bodyOf<StoredCheckpoint>(out.Item) : null;
  }

  async putCheckpoint(cp: StoredCheckpoint, expectedSize: number | null): Promise<boolean> {
    checkCheckpoint(cp, expectedSize);
    const body: StoredCheckpoint = { treeSize: cp.treeSize, rootHash: cp.rootHash, timestamp: cp.timestamp, jws: cp.jws, compactRange: cp.compactRange };
    try {
      await this.db.doc.send(
        new PutCommand({
          TableName: this.db.table,
          Item: { ...treeKeys.checkpoint, size: cp.treeSize, body: JSON.stringify(body) },
          ...(expectedSize === null
            ? { ConditionExpression: "attribute_not_exists(PK)" }
            : { ConditionExpression: "#size = :expected", ExpressionAttributeNames: { "#size": "size" }, ExpressionAttributeValues: { ":expected": expectedSize } }),
        }),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }
}
