/**
 * The verifiable log (lib/audit/log) over a real store (SQLite in memory): a tree built in
 * integrate() rounds of uneven sizes answers, from stored subtree hashes alone, exactly the
 * proofs lib/audit/merkle computes from all leaf hashes — for every entry and every tree size
 * 1..130 — and those proofs fail against the wrong root, with a flipped bit, a wrong index, a
 * wrong size, or truncated / padded.
 */
import { randomUUID } from "node:crypto";
import { auditEvent, type AuditEntry, type AuditEvent } from "../../lib/audit/events";
import { blocks, CHECKPOINT_TYP, consistencyProof, entryLeafHash, inclusionProof, integrate, rootAt, type LogDeps } from "../../lib/audit/log";
import {
  consistencyProof as refConsistency,
  hashFromBase64,
  hashToBase64,
  inclusionProof as refInclusion,
  leafHash,
  rootFromLeafHashes,
  verifyConsistency,
  verifyInclusion,
} from "../../lib/audit/merkle";
import { canonicalJson } from "../../lib/canonical-json";
import { verifyCompactJws } from "../../lib/crypto/jws";
import { createLocalSigner, generateSigningKeyPem, parseSigningKeyPem } from "../../lib/crypto/local-keys";
import type { Stores } from "../../lib/store/ports";
import { createSqliteStores } from "../../lib/store/sqlite";
import * as fx from "../support/fixtures";

jest.setTimeout(60_000);

const signer = createLocalSigner(parseSigningKeyPem(generateSigningKeyPem(), "test"));
const ROUNDS = [1, 2, 5, 13, 31, 7, 64, 7]; // 130 entries; checkpoints at 1, 3, 8, 21, 52, 59, 123, 130
const TOTAL = ROUNDS.reduce((a, b) => a + b, 0);

let stores: Stores;
let entries: AuditEntry[];
let leaves: Buffer[];
const checkpoints: { size: number; root: Buffer; jws: string }[] = [];
const b64 = (list: Buffer[]) => list.map(hashToBase64);
const bufs = (list: string[]) => list.map(hashFromBase64);

function event(i: number): AuditEvent {
  return auditEvent("node.status_changed", {
    id: randomUUID(),
    at: new Date(fx.T0.getTime() + i * 1000),
    actor: fx.operator,
    subjectKey: null,
    data: { nodeId: `node-${i}`, status: i % 2 === 0 ? "active" : "suspended" },
  });
}

beforeAll(async () => {
  stores = createSqliteStores(":memory:");
  const deps: LogDeps = { stores, signer: () => signer, origin: "https://donum.test", now: () => fx.T0 };
  // Before any entry: a checkpoint of the empty tree.
  const empty = await integrate(deps);
  expect(empty.checkpoint).toMatchObject({ treeSize: 0, rootHash: hashToBase64(rootFromLeafHashes([])) });
  let n = 0;
  for (const size of ROUNDS) {
    await stores.audit.appendMany(Array.from({ length: size }, (_, i) => event(n + i)));
    n += size;
    const { checkpoint, added } = await integrate(deps);
    expect(added).toBe(size);
    expect(checkpoint.treeSize).toBe(n);
    checkpoints.push({ size: n, root: hashFromBase64(checkpoint.rootHash), jws: checkpoint.jws });
    // Nothing new: the same checkpoint, nothing added.
    expect(await integrate(deps)).toEqual({ checkpoint, added: 0 });
  }
  entries = await stores.audit.listBySequence(0, 1000);
  leaves = entries.map(entryLeafHash);
});

afterAll(async () => {
  await stores.close();
});

describe("leaves and checkpoints", () => {
  it("hashes each entry as leafHash(UTF-8 canonical JSON of the stored entry, seq included)", () => {
    expect(entries).toHaveLength(TOTAL);
    entries.forEach((e, i) => {
      expect(e.seq).toBe(i);
      expect(entryLeafHash(e)).toEqual(leafHash(Buffer.from(canonicalJson({ ...e }), "utf8")));
    });
    // The seq is part of the leaf: the same event at another position is another leaf.
    expect(entryLeafHash({ ...entries[0]!, seq: 1 })).not.toEqual(leaves[0]);
  });

  it("signs every checkpoint's root, which is the RFC 9162 root of the entries so far", () => {
    for (const cp of checkpoints) {
      expect(cp.root).toEqual(rootFromLeafHashes(leaves.slice(0, cp.size)));
      const v = verifyCompactJws(cp.jws, { keys: [signer.publicJwk] }, { typ: CHECKPOINT_TYP });
      expect(v.ok && v.payload).toEqual({ origin: "https://donum.test", treeSize: cp.size, rootHash: hashToBase64(cp.root), timestamp: fx.T0.toISOString() });
      expect(v.ok && v.header.typ).toBe(CHECKPOINT_TYP);
    }
  });

  it("computes the root of any size from stored nodes, checkpoint or not", async () => {
    for (let size = 0; size <= TOTAL; size++) expect(await rootAt(stores, size)).toEqual(rootFromLeafHashes(leaves.slice(0, size)));
  });

  it("tiles a range by aligned perfect subtrees, largest first", () => {
    expect(blocks(0, 13)).toEqual([{ level: 3, index: 0 }, { level: 2, index: 2 }, { level: 0, index: 12 }]);
    expect(blocks(8, 11)).toEqual([{ level: 1, index: 4 }, { level: 0, index: 10 }]);
    expect(blocks(5, 5)).toEqual([]);
    expect(() => blocks(1, 5)).toThrow(/not a node/);
  });
});

describe("proofs from stored nodes", () => {
  it("equal lib/audit/merkle's inclusion proofs for every entry and every size 1..130", async () => {
    for (let size = 1; size <= TOTAL; size++) {
      for (let seq = 0; seq < size; seq++) {
        const p = await inclusionProof(stores, seq, size);
        expect(p.leafHash).toBe(hashToBase64(leaves[seq]!));
        expect(p.proof).toEqual(b64(refInclusion(leaves, seq, size)));
      }
    }
  });

  it("equal lib/audit/merkle's consistency proofs for every pair of sizes 0..130", async () => {
    for (let to = 0; to <= TOTAL; to++) {
      for (let from = 0; from <= to; from++) {
        const p = await consistencyProof(stores, from, to);
        expect(p).toEqual({ from, to, proof: b64(refConsistency(leaves, from, to)) });
      }
    }
  });

  it("default to the latest checkpoint's size", async () => {
    expect((await inclusionProof(stores, 7)).treeSize).toBe(TOTAL);
    expect((await consistencyProof(stores, 3)).to).toBe(TOTAL);
  });

  it("verify between checkpoints, and only against the right root", async () => {
    for (let i = 0; i < checkpoints.length; i++) {
      const cp = checkpoints[i]!;
      const other = checkpoints[(i + 1) % checkpoints.length]!;
      for (const seq of [0, Math.floor(cp.size / 2), cp.size - 1]) {
        const { proof } = await inclusionProof(stores, seq, cp.size);
        const check = { leafHash: leaves[seq]!, index: seq, treeSize: cp.size, proof: bufs(proof), root: cp.root };
        expect(verifyInclusion(check)).toBe(true);
        expect(verifyInclusion({ ...check, root: other.root })).toBe(false);
      }
      for (const later of checkpoints.slice(i + 1)) {
        const { proof } = await consistencyProof(stores, cp.size, later.size);
        const check = { oldSize: cp.size, newSize: later.size, oldRoot: cp.root, newRoot: later.root, proof: bufs(proof) };
        expect(verifyConsistency(check)).toBe(true);
        const wrong = checkpoints.find((c) => c.size !== cp.size && c.size !== later.size)!;
        expect(verifyConsistency({ ...check, oldRoot: wrong.root })).toBe(false);
        expect(verifyConsistency({ ...check, newRoot: wrong.root })).toBe(false);
      }
    }
  });

  it("fail with a flipped bit, a wrong index, a wrong size, or a truncated or padded proof", async () => {
    const size = 123;
    const root = checkpoints.find((c) => c.size === size)!.root;
    for (const seq of [0, 1, 60, 121, 122]) {
      const proof = bufs((await inclusionProof(stores, seq, size)).proof);
      const ok = { leafHash: leaves[seq]!, index: seq, treeSize: size, proof, root };
      expect(verifyInclusion(ok)).toBe(true);
      for (let j = 0; j < proof.length; j++) {
        for (const bit of [0, 7, 255]) {
          const flipped = proof.map((p) => Buffer.from(p));
          const b = flipped[j]!;
          b[bit >> 3] = b[bit >> 3]! ^ (1 << (bit & 7));
          expect(verifyInclusion({ ...ok, proof: flipped })).toBe(false);
        }
      }
      const flippedLeaf = Buffer.from(leaves[seq]!);
      flippedLeaf[31] = flippedLeaf[31]! ^ 1;
      expect(verifyInclusion({ ...ok, leafHash: flippedLeaf })).toBe(false);
      for (const index of [seq - 1, seq + 1]) if (index >= 0) expect(verifyInclusion({ ...ok, index })).toBe(false);
      // A wrong size fails where it changes the path's shape (the last leaf here); elsewhere RFC 9162
      // verification does not bind the size, which is why a checkpoint signs size and root together.
      if (seq === size - 1) for (const treeSize of [size - 1, size + 1]) expect(verifyInclusion({ ...ok, treeSize })).toBe(false);
      expect(verifyInclusion({ ...ok, proof: proof.slice(0, -1) })).toBe(false);
      expect(verifyInclusion({ ...ok, proof: [...proof, proof[0]!] })).toBe(false);
    }
    const [from, to] = [21, 123];
    const cons = bufs((await consistencyProof(stores, from, to)).proof);
    const okc = { oldSize: from, newSize: to, oldRoot: checkpoints[3]!.root, newRoot: root, proof: cons };
    expect(verifyConsistency(okc)).toBe(true);
    for (let j = 0; j < cons.length; j++) {
      const flipped = cons.map((p) => Buffer.from(p));
      const b = flipped[j]!;
      b[0] = b[0]! ^ 0x80;
      expect(verifyConsistency({ ...okc, proof: flipped })).toBe(false);
    }
    expect(verifyConsistency({ ...okc, oldSize: from + 1 })).toBe(false);
    expect(verifyConsistency({ ...okc, proof: cons.slice(1) })).toBe(false);
    expect(verifyConsistency({ ...okc, proof: [...cons, cons[0]!] })).toBe(false);
  });

  it("refuse bad numbers (400) and sizes beyond the tree (404)", async () => {
    for (const bad of ["-1", "1.5", "abc", "", "1e3", -1, 0.5]) {
      await expect(inclusionProof(stores, bad, 10)).rejects.toMatchObject({ code: "INVALID_INPUT" });
      await expect(consistencyProof(stores, bad, 10)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
    await expect(inclusionProof(stores, "3", "abc")).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(consistencyProof(stores, 5, 4)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(inclusionProof(stores, TOTAL)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(inclusionProof(stores, 5, 5)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(inclusionProof(stores, 0, TOTAL + 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(consistencyProof(stores, 0, TOTAL + 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reads O(log n) stored nodes per proof, never the log", async () => {
    const getNodes = jest.spyOn(stores.tree, "getNodes");
    const listBySequence = jest.spyOn(stores.audit, "listBySequence");
    try {
      await inclusionProof(stores, 77, 125);
      await consistencyProof(stores, 37, 125);
      expect(listBySequence).not.toHaveBeenCalled();
      expect(getNodes).toHaveBeenCalledTimes(2);
      for (const [keys] of getNodes.mock.calls) expect(keys.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(125)) + 2);
    } finally {
      getNodes.mockRestore();
      listBySequence.mockRestore();
    }
  });
});

describe("integrity", () => {
  it("refuses to integrate over a stored node that disagrees with the log", async () => {
    const s = createSqliteStores(":memory:");
    try {
      const deps: LogDeps = { stores: s, signer: () => signer, origin: "https://donum.test" };
      await s.audit.appendMany([event(0), event(1)]);
      // A forged leaf stored where entry 2 will go.
      await s.tree.putNodes([{ level: 0, index: 2, hash: "00".repeat(32) }]);
      await integrate(deps);
      await s.audit.append(event(2));
      await expect(integrate(deps)).rejects.toMatchObject({ name: "TreeIntegrityError" });
      expect((await s.tree.getCheckpoint())!.treeSize).toBe(2);
    } finally {
      await s.close();
    }
  });
});
