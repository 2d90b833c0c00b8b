/**
 * What both TreeStore adapters share: the integrity error and the checks on what they are given.
 * A node's (level, index) names the perfect subtree over leaves [index·2^level, (index+1)·2^level).
 */
import { AppError } from "../../errors";
import type { StoredCheckpoint, TreeNode, TreeNodeKey } from "../../store/ports";

/**
 * A stored subtree hash differs from the one being written: the log's history would change.
 * Never an AppError: it is not the caller's fault, and it must surface as an alarm (a 500), not
 * as a 4xx.
 */
export class TreeIntegrityError extends Error {
  constructor(readonly key: TreeNodeKey) {
    super(`tree node (level ${key.level}, index ${key.index}) is already stored with another hash; refusing to overwrite it`);
    this.name = "TreeIntegrityError";
  }
}

const HEX = /^[0-9a-f]{64}$/;
/** Levels above 53 cannot exist: a tree has at most 2^53 − 1 leaves. */
export const MAX_LEVEL = 53;

export function checkNodeKey(key: TreeNodeKey): void {
  if (!Number.isSafeInteger(key.level) || key.level < 0 || key.level > MAX_LEVEL || !Number.isSafeInteger(key.index) || key.index < 0) {
    throw new AppError("INVALID_INPUT", `not a tree node key: level ${String(key.level)}, index ${String(key.index)}`);
  }
}

export function checkNode(node: TreeNode): void {
  checkNodeKey(node);
  if (typeof node.hash !== "string" || !HEX.test(node.hash)) throw new AppError("INVALID_INPUT", "a tree node hash is 64 lower-case hex digits");
}

/** The nodes of one call, de-duplicated by key; two different hashes for one key in one call are refused. */
export function distinctNodes(nodes: readonly TreeNode[]): TreeNode[] {
  const byKey = new Map<string, TreeNode>();
  for (const node of nodes) {
    checkNode(node);
    const k = `${node.level}/${node.index}`;
    const seen = byKey.get(k);
    if (seen && seen.hash !== node.hash) throw new TreeIntegrityError(node);
    byKey.set(k, { level: node.level, index: node.index, hash: node.hash });
  }
  return [...byKey.values()];
}

export function distinctKeys(keys: readonly TreeNodeKey[]): TreeNodeKey[] {
  const byKey = new Map<string, TreeNodeKey>();
  for (const key of keys) {
    checkNodeKey(key);
    byKey.set(`${key.level}/${key.index}`, { level: key.level, index: key.index });
  }
  return [...byKey.values()];
}

export function checkCheckpoint(cp: StoredCheckpoint, expectedSize: number | null): void {
  if (!Number.isSafeInteger(cp.treeSize) || cp.treeSize < 0) throw new AppError("INVALID_INPUT", "treeSize must be a non-negative integer");
  if (expectedSize !== null && (!Number.isSafeInteger(expectedSize) || expectedSize < 0)) {
    throw new AppError("INVALID_INPUT", "expectedSize must be a non-negative integer or null");
  }
  if (expectedSize !== null && cp.treeSize <= expectedSize) {
    throw new AppError("INVALID_INPUT", `a checkpoint only advances: size ${cp.treeSize} after ${expectedSize}`);
  }
  if (typeof cp.jws !== "string" || typeof cp.rootHash !== "string" || typeof cp.timestamp !== "string" || !Array.isArray(cp.compactRange)) {
    throw new AppError("INVALID_INPUT", "a checkpoint has jws, rootHash, timestamp and compactRange");
  }
}
