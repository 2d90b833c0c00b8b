/**
 * The verifiable audit log (ADR 0007): the audit entries, in sequence order, are the leaves of an
 * RFC 9162 Merkle tree; the integrator extends the tree after the sequencer has numbered them,
 * stores every newly completed subtree hash (the "tiles", TreeStore) and signs a checkpoint;
 * inclusion and consistency proofs are then read from O(log n) stored hashes, never the log.
 *
 * Leaf: leafHash(UTF-8 of the canonical JSON of the stored entry, its `seq` included), so that
 * anyone holding an entry (an export, a citizen's lookup list) can recompute it.
 */
import { canonicalJson } from "../../canonical-json";
import { signCompactJws } from "../../crypto/jws";
import type { Signer } from "../../crypto/signer";
import { AppError } from "../../errors";
import type { StoredCheckpoint, Stores, TreeNode, TreeNodeKey } from "../../store/ports";
import type { AuditEntry } from "../events";
import {
  consistencyRanges,
  EMPTY_ROOT,
  hashFromHex,
  hashToBase64,
  hashToHex,
  inclusionRanges,
  leafHash,
  MerkleTreeBuilder,
  nodeHash,
  type LeafRange,
} from "../merkle";

/** The JWS `typ` of a signed checkpoint (RFC 8725 §3.11 explicit typing). */
export const CHECKPOINT_TYP = "donum-checkpoint+jwt";

/** What a checkpoint JWS signs. */
export interface CheckpointPayload {
  /** The log's identity: the portal's public URL. */
  origin: string;
  treeSize: number;
  /** MTH of the first treeSize entries, standard padded base64. */
  rootHash: string;
  /** When it was signed, ISO 8601 UTC. */
  timestamp: string;
}

export interface LogDeps {
  stores: Stores;
  /** The signer to use now; read once per checkpoint (keys rotate while a server runs). */
  signer: () => Signer;
  origin: string;
  now?: () => Date;
}

/** Entries read per listBySequence call (the store's page maximum). */
const PAGE = 1000;
/** Entries one integrate() call adds at most; the next call goes on. Bounds a request's work. */
export const MAX_ENTRIES_PER_RUN = 50_000;
/** Lost checkpoint races in a row after which integrate() leaves the work to the winner. */
const MAX_RACES = 3;

/** The leaf hash of a stored (sequenced) entry. */
export function entryLeafHash(entry: AuditEntry): Buffer {
  if (!Number.isSafeInteger(entry.seq)) throw new Error("entryLeafHash: the entry has no sequence number yet");
  return leafHash(Buffer.from(canonicalJson(entry), "utf8"));
}

/** The perfect subtrees (complete nodes) that tile [0, size), largest first, as keys. */
function tileKeys(size: number): TreeNodeKey[] {
  return blocks(0, size);
}

/**
 * The perfect, aligned subtrees that tile [lo, hi), largest first: sizes by the set bits of hi − lo.
 * For every range a proof is made of (a node of the RFC 9162 tree), lo is a multiple of the
 * largest block, so each block is a complete node (level, lo/2^level) of the tree, and the
 * range's hash is the right-to-left fold of the blocks' hashes (as in a compact range).
 */
export function blocks(lo: number, hi: number): TreeNodeKey[] {
  const out: TreeNodeKey[] = [];
  let start = lo;
  let remaining = hi - lo;
  let level = 0;
  while (2 ** (level + 1) <= remaining) level++;
  for (; remaining > 0 && level >= 0; level--) {
    const size = 2 ** level;
    if (size > remaining) continue;
    if (start % size !== 0) throw new Error(`range [${lo}, ${hi}) is not a node of the tree`);
    out.push({ level, index: start / size });
    start += size;
    remaining -= size;
  }
  return out;
}

const keyOf = (k: TreeNodeKey) => `${k.level}/${k.index}`;

function fold(hashes: readonly Buffer[]): Buffer {
  if (hashes.length === 0) return Buffer.from(EMPTY_ROOT);
  let root = hashes[hashes.length - 1] as Buffer;
  for (let i = hashes.length - 2; i >= 0; i--) root = nodeHash(hashes[i] as Buffer, root);
  return root;
}

/**
 * The hashes of these ranges — each a node of the tree of some size up to the latest checkpoint's —
 * from the stored complete nodes that tile them (one getNodes call). Used for proofs and exports.
 */
export async function rangeHashes(stores: Stores, ranges: readonly LeafRange[]): Promise<Buffer[]> {
  const perRange = ranges.map(([lo, hi]) => blocks(lo, hi));
  const wanted = perRange.flat();
  const stored = wanted.length === 0 ? [] : await stores.tree.getNodes(wanted);
  const found = new Map(stored.map((n) => [keyOf(n), hashFromHex(n.hash)]));
  return perRange.map((keys) =>
    fold(
      keys.map((k) => {
        const h = found.get(keyOf(k));
        // Every complete node below the checkpoint's size was stored before the checkpoint was.
        if (!h) throw new Error(`tree node (level ${k.level}, index ${k.index}) is missing from the store`);
        return h;
      }),
    ),
  );
}

function count(value: unknown, name: string): number {
  const n = typeof value === "string" && /^\d{1,16}$/.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
    throw new AppError("INVALID_INPUT", `${name} must be a non-negative integer`, [{ path: name, message: "not a non-negative integer" }]);
  }
  return n;
}

async function latest(stores: Stores): Promise<StoredCheckpoint> {
  const cp = await stores.tree.getCheckpoint();
  if (!cp) throw new AppError("NOT_FOUND", "The log has no checkpoint yet");
  return cp;
}

function covered(cp: StoredCheckpoint, size: number, name: string): void {
  if (size > cp.treeSize) throw new AppError("NOT_FOUND", `${name} ${size} is beyond the latest checkpoint (size ${cp.treeSize})`);
}

export interface InclusionProofAnswer {
  seq: number;
  treeSize: number;
  /** Base64 leaf hash of the entry. */
  leafHash: string;
  /** PATH(seq, D[treeSize]), nearest sibling first, base64. */
  proof: string[];
}

/**
 * The inclusion proof of entry `seq` in the tree of `treeSize` entries (default: the latest
 * checkpoint's), from stored nodes. NOT_FOUND when seq ≥ treeSize or treeSize is beyond the latest checkpoint.
 */
export async function inclusionProof(stores: Stores, seqInput: unknown, treeSizeInput?: unknown): Promise<InclusionProofAnswer> {
  const seq = count(seqInput, "seq");
  const cp = await latest(stores);
  const treeSize = treeSizeInput === undefined || treeSizeInput === null ? cp.treeSize : count(treeSizeInput, "treeSize");
  covered(cp, treeSize, "treeSize");
  if (seq >= treeSize) throw new AppError("NOT_FOUND", `entry ${seq} is not in the tree of size ${treeSize}`);
  const [leaf, ...proof] = await rangeHashes(stores, [[seq, seq + 1], ...inclusionRanges(seq, treeSize)]);
  return { seq, treeSize, leafHash: hashToBase64(leaf as Buffer), proof: proof.map(hashToBase64) };
}

export interface ConsistencyProofAnswer {
  from: number;
  to: number;
  /** PROOF(from, D[to]), base64. */
  proof: string[];
}

/** The consistency proof between the trees of `from` and `to` entries (from ≤ to ≤ the latest checkpoint's size). */
export async function consistencyProof(stores: Stores, fromInput: unknown, toInput?: unknown): Promise<ConsistencyProofAnswer> {
  const from = count(fromInput, "from");
  const cp = await latest(stores);
  const to = toInput === undefined || toInput === null ? cp.treeSize : count(toInput, "to");
  if (from > to) throw new AppError("INVALID_INPUT", "from must not be larger than to", [{ path: "from", message: "larger than to" }]);
  covered(cp, to, "to");
  const proof = await rangeHashes(stores, consistencyRanges(from, to));
  return { from, to, proof: proof.map(hashToBase64) };
}

/** The root of the tree of `size` entries (≤ the latest checkpoint's), from stored nodes. */
export async function rootAt(stores: Stores, sizeInput: unknown): Promise<Buffer> {
  const size = count(sizeInput, "treeSize");
  covered(await latest(stores), size, "treeSize");
  const tiles = tileKeys(size);
  if (tiles.length === 0) return Buffer.from(EMPTY_ROOT);
  const [root] = await rangeHashes(stores, [[0, size]]);
  return root as Buffer;
}

/** Signs a checkpoint of this tree through the signer in use now. */
async function signCheckpoint(deps: LogDeps, builder: MerkleTreeBuilder): Promise<StoredCheckpoint> {
  const payload: CheckpointPayload = {
    origin: deps.origin,
    treeSize: builder.size,
    rootHash: hashToBase64(builder.root()),
    timestamp: (deps.now ?? (() => new Date()))().toISOString(),
  };
  const jws = await signCompactJws(deps.signer(), payload, { typ: CHECKPOINT_TYP });
  return { treeSize: payload.treeSize, rootHash: payload.rootHash, timestamp: payload.timestamp, jws, compactRange: builder.nodes().map(hashToHex) };
}

export interface IntegrateResult {
  checkpoint: StoredCheckpoint;
  /** Entries this call added to the tree (0 when the checkpoint was current, or another integrator won). */
  added: number;
}

/**
 * Sequences pending entries, then extends the tree from the latest checkpoint with the entries
 * numbered since: appends their leaf hashes to the compact range stored with the checkpoint,
 * stores every subtree each leaf completes, and signs and stores a new checkpoint. Safe to run
 * from any number of processes: the checkpoint is replaced only if it is still the one read, and
 * the nodes written by a loser are the same nodes (a different hash is a TreeIntegrityError).
 */
export async function integrate(deps: LogDeps, options: { settleMs?: number; maxEntries?: number } = {}): Promise<IntegrateResult> {
  const { stores } = deps;
  await stores.audit.sequencePending(options.settleMs === undefined ? {} : { settleMs: options.settleMs });
  const maxEntries = options.maxEntries ?? MAX_ENTRIES_PER_RUN;
  for (let race = 0; ; race++) {
    const cp = await stores.tree.getCheckpoint();
    const builder = cp ? MerkleTreeBuilder.fromJSON({ size: cp.treeSize, nodes: cp.compactRange }) : new MerkleTreeBuilder();
    // The compact range with each tile's (level, index): appending merges them as builder does.
    const tiles: TreeNode[] = tileKeys(builder.size).map((k, i) => ({ ...k, hash: cp!.compactRange[i] as string }));
    let added = 0;
    while (added < maxEntries) {
      const entries = await stores.audit.listBySequence(builder.size, Math.min(PAGE, maxEntries - added));
      const completed: TreeNode[] = [];
      for (const entry of entries) {
        if (entry.seq !== builder.size) break; // never a gap: stop at the first unexpected number
        const leaf = entryLeafHash(entry);
        builder.append(leaf);
        let node: TreeNode = { level: 0, index: entry.seq, hash: hashToHex(leaf) };
        completed.push(node);
        for (let top = tiles.at(-1); top && top.level === node.level; top = tiles.at(-1)) {
          tiles.pop();
          node = { level: node.level + 1, index: top.index / 2, hash: hashToHex(nodeHash(hashFromHex(top.hash), hashFromHex(node.hash))) };
          completed.push(node);
        }
        tiles.push(node);
        added++;
      }
      await stores.tree.putNodes(completed);
      if (completed.length === 0 || entries.length < PAGE || entries.at(-1)?.seq !== builder.size - 1) break;
    }
    if (cp && added === 0) return { checkpoint: cp, added: 0 };
    if (hashToHex(fold(tiles.map((t) => hashFromHex(t.hash)))) !== hashToHex(builder.root())) {
      throw new Error("integrate: the stored tiles and the compact range disagree");
    }
    const next = await signCheckpoint(deps, builder);
    if (await stores.tree.putCheckpoint(next, cp ? cp.treeSize : null)) return { checkpoint: next, added };
    // Another integrator stored a checkpoint meanwhile: start again from it, or leave it the work.
    if (race + 1 >= MAX_RACES) {
      const winner = await stores.tree.getCheckpoint();
      return { checkpoint: winner ?? next, added: 0 };
    }
  }
}
