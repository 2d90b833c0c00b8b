/**
 * TreeStore on SQLite (migration 5): tree_nodes (level, idx) → hex hash, log_checkpoint (one row).
 * Each call is one IMMEDIATE transaction, so it is atomic across processes sharing the file too.
 */
import type Database from "better-sqlite3";
import { checkCheckpoint, distinctKeys, distinctNodes, TreeIntegrityError } from "../../audit/log/tree-nodes";
import type { StoredCheckpoint, TreeNode, TreeNodeKey, TreeStore } from "../ports";

type Db = Database.Database;

export class SqliteTreeStore implements TreeStore {
  constructor(private readonly db: Db) {}

  async putNodes(nodes: readonly TreeNode[]): Promise<void> {
    const distinct = distinctNodes(nodes);
    if (distinct.length === 0) return;
    const insert = this.db.prepare("INSERT INTO tree_nodes (level, idx, hash) VALUES (?, ?, ?) ON CONFLICT (level, idx) DO NOTHING");
    const read = this.db.prepare("SELECT hash FROM tree_nodes WHERE level = ? AND idx = ?");
    this.db.transaction(() => {
      for (const node of distinct) {
        if (insert.run(node.level, node.index, node.hash).changes === 1) continue;
        const stored = read.get(node.level, node.index) as { hash: string } | undefined;
        // Throwing rolls the whole call back: nothing of a call with a conflicting node is kept.
        if (stored?.hash !== node.hash) throw new TreeIntegrityError(node);
      }
    }).immediate();
  }

  async getNodes(keys: readonly TreeNodeKey[]): Promise<TreeNode[]> {
    const read = this.db.prepare("SELECT hash FROM tree_nodes WHERE level = ? AND idx = ?");
    const found: TreeNode[] = [];
    for (const key of distinctKeys(keys)) {
      const row = read.get(key.level, key.index) as { hash: string } | undefined;
      if (row) found.push({ level: key.level, index: key.index, hash: row.hash });
    }
    return found;
  }

  async getCheckpoint(): Promise<StoredCheckpoint | null> {
    const row = this.db.prepare("SELECT body FROM log_checkpoint WHERE id = 1").get() as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as StoredCheckpoint) : null;
  }

  async putCheckpoint(cp: StoredCheckpoint, expectedSize: number | null): Promise<boolean> {
    checkCheckpoint(cp, expectedSize);
    const body = JSON.stringify({
      treeSize: cp.treeSize,
      rootHash: cp.rootHash,
      timestamp: cp.timestamp,
      jws: cp.jws,
      compactRange: cp.compactRange,
    } satisfies StoredCheckpoint);
    return this.db.transaction(() => {
      const row = this.db.prepare("SELECT tree_size FROM log_checkpoint WHERE id = 1").get() as { tree_size: number } | undefined;
      if ((row?.tree_size ?? null) !== expectedSize) return false;
      this.db
        .prepare("INSERT INTO log_checkpoint (id, tree_size, body) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET tree_size = excluded.tree_size, body = excluded.body")
        .run(cp.treeSize, body);
      return true;
    }).immediate();
  }
}
