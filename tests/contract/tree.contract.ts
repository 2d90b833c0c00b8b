/**
 * The TreeStore contract (the verifiable log's subtree hashes and checkpoint, ADR 0007), and the
 * log built on it (integrate, proofs), run unchanged against every adapter.
 */
import { createHash, randomUUID } from "node:crypto";
import { auditEvent, type AuditEvent } from "../../lib/audit/events";
import { CHECKPOINT_TYP, consistencyProof, entryLeafHash, inclusionProof, integrate, type LogDeps } from "../../lib/audit/log";
import { TreeIntegrityError } from "../../lib/audit/log/tree-nodes";
import { hashFromBase64, verifyConsistency, verifyInclusion } from "../../lib/audit/merkle";
import { verifyCompactJws } from "../../lib/crypto/jws";
import { createLocalSigner, generateSigningKeyPem, parseSigningKeyPem } from "../../lib/crypto/local-keys";
import { AppError } from "../../lib/errors";
import type { StoredCheckpoint, Stores, TreeNode } from "../../lib/store/ports";
import * as fx from "../support/fixtures";

export type StoreFactory = () => Promise<Stores>;

const hex = (s: string) => createHash("sha256").update(s).digest("hex");
const node = (level: number, index: number, seed = "a"): TreeNode => ({ level, index, hash: hex(`${seed}/${level}/${index}`) });

function checkpoint(treeSize: number, seed = "x"): StoredCheckpoint {
  return { treeSize, rootHash: Buffer.from(hex(seed), "hex").toString("base64"), timestamp: fx.T0.toISOString(), jws: `jws-${seed}`, compactRange: [] };
}

const signer = createLocalSigner(parseSigningKeyPem(generateSigningKeyPem(), "test"));
const jwks = { keys: [signer.publicJwk] };

function event(i: number): AuditEvent {
  return auditEvent("node.status_changed", {
    id: randomUUID(),
    at: new Date(fx.T0.getTime() + i),
    actor: fx.operator,
    subjectKey: null,
    data: { nodeId: `n-${i}`, status: "active" },
  });
}

export function runTreeStoreContract(name: string, factory: StoreFactory): void {
  describe(`tree store contract: ${name}`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await factory();
    });
    afterEach(async () => {
      await stores.close();
    });

    it("stores nodes and reads back exactly the stored ones; missing keys are absent", async () => {
      await stores.tree.putNodes([node(0, 0), node(0, 1), node(1, 0)]);
      const got = await stores.tree.getNodes([
        { level: 0, index: 1 },
        { level: 1, index: 0 },
        { level: 0, index: 2 },
        { level: 5, index: 0 },
      ]);
      expect(got.sort((a, b) => a.level - b.level || a.index - b.index)).toEqual([node(0, 1), node(1, 0)]);
      expect(await stores.tree.getNodes([])).toEqual([]);
      expect(await stores.tree.getNodes([{ level: 3, index: 7 }])).toEqual([]);
    });

    it("accepts the same node again (idempotent)", async () => {
      await stores.tree.putNodes([node(0, 0), node(0, 1)]);
      await stores.tree.putNodes([node(0, 1), node(0, 1), node(0, 2)]);
      const got = await stores.tree.getNodes([{ level: 0, index: 0 }, { level: 0, index: 1 }, { level: 0, index: 2 }]);
      expect(got).toHaveLength(3);
    });

    it("refuses another hash for a stored node, and keeps the stored one", async () => {
      await stores.tree.putNodes([node(2, 3)]);
      await expect(stores.tree.putNodes([node(2, 3, "other")])).rejects.toBeInstanceOf(TreeIntegrityError);
      expect(await stores.tree.getNodes([{ level: 2, index: 3 }])).toEqual([node(2, 3)]);
      // Two hashes for one key within one call are refused too.
      await expect(stores.tree.putNodes([node(4, 0), node(4, 0, "other")])).rejects.toBeInstanceOf(TreeIntegrityError);
    });

    it("refuses malformed nodes", async () => {
      await expect(stores.tree.putNodes([{ level: 0, index: -1, hash: hex("a") }])).rejects.toBeInstanceOf(AppError);
      await expect(stores.tree.putNodes([{ level: 0, index: 0, hash: "ABC" }])).rejects.toBeInstanceOf(AppError);
    });

    it("has no checkpoint at first, then the latest one; a checkpoint only advances", async () => {
      expect(await stores.tree.getCheckpoint()).toBeNull();
      expect(await stores.tree.putCheckpoint(checkpoint(5, "a"), null)).toBe(true);
      expect(await stores.tree.getCheckpoint()).toEqual(checkpoint(5, "a"));
      // A stale expectation writes nothing.
      expect(await stores.tree.putCheckpoint(checkpoint(9, "b"), null)).toBe(false);
      expect(await stores.tree.putCheckpoint(checkpoint(9, "b"), 4)).toBe(false);
      expect(await stores.tree.getCheckpoint()).toEqual(checkpoint(5, "a"));
      // Same size or smaller: refused as invalid.
      await expect(stores.tree.putCheckpoint(checkpoint(5, "c"), 5)).rejects.toMatchObject({ code: "INVALID_INPUT" });
      await expect(stores.tree.putCheckpoint(checkpoint(3, "c"), 5)).rejects.toMatchObject({ code: "INVALID_INPUT" });
      expect(await stores.tree.putCheckpoint(checkpoint(9, "b"), 5)).toBe(true);
      expect(await stores.tree.getCheckpoint()).toEqual(checkpoint(9, "b"));
    });

    it("lets exactly one of concurrent checkpoint writers with one expected size win", async () => {
      await stores.tree.putCheckpoint(checkpoint(2, "base"), null);
      const results = await Promise.all([3, 4, 5, 6].map((n) => stores.tree.putCheckpoint(checkpoint(n, `c${n}`), 2)));
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = [3, 4, 5, 6][results.indexOf(true)]!;
      expect(await stores.tree.getCheckpoint()).toEqual(checkpoint(winner, `c${winner}`));
    });

    it("integrates sequenced entries in rounds; proofs from the store verify against signed checkpoints", async () => {
      const deps: LogDeps = { stores, signer: () => signer, origin: "https://donum.test" };
      const roots: { size: number; root: Buffer }[] = [];
      let total = 0;
      for (const n of [1, 6, 0, 13]) {
        await stores.audit.appendMany(Array.from({ length: n }, (_, i) => event(total + i)));
        total += n;
        const { checkpoint: cp } = await integrate(deps, { settleMs: 0 });
        expect(cp.treeSize).toBe(total);
        const v = verifyCompactJws<{ origin: string; treeSize: number; rootHash: string; timestamp: string }>(cp.jws, jwks, { typ: CHECKPOINT_TYP });
        expect(v.ok).toBe(true);
        if (!v.ok) return;
        expect(v.payload).toEqual({ origin: "https://donum.test", treeSize: total, rootHash: cp.rootHash, timestamp: cp.timestamp });
        roots.push({ size: total, root: hashFromBase64(cp.rootHash) });
      }
      const entries = await stores.audit.listBySequence(0, 100);
      expect(entries).toHaveLength(total);
      const last = roots.at(-1)!;
      for (const entry of entries) {
        const p = await inclusionProof(stores, entry.seq!, total);
        expect(p.leafHash).toBe(entryLeafHash(entry).toString("base64"));
        expect(
          verifyInclusion({ leafHash: entryLeafHash(entry), index: entry.seq!, treeSize: total, proof: p.proof.map(hashFromBase64), root: last.root }),
        ).toBe(true);
      }
      for (const a of roots) {
        for (const b of roots) {
          if (a.size > b.size) continue;
          const p = await consistencyProof(stores, a.size, b.size);
          expect(verifyConsistency({ oldSize: a.size, newSize: b.size, oldRoot: a.root, newRoot: b.root, proof: p.proof.map(hashFromBase64) })).toBe(true);
        }
      }
      await expect(inclusionProof(stores, total, total)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(consistencyProof(stores, 1, total + 1)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    it("two integrators racing produce one consistent tree", async () => {
      const deps: LogDeps = { stores, signer: () => signer, origin: "https://donum.test" };
      await stores.audit.appendMany(Array.from({ length: 9 }, (_, i) => event(i)));
      await Promise.all([integrate(deps, { settleMs: 0 }), integrate(deps, { settleMs: 0 }), integrate(deps, { settleMs: 0 })]);
      const cp = (await stores.tree.getCheckpoint())!;
      expect(cp.treeSize).toBe(9);
      const entries = await stores.audit.listBySequence(0, 100);
      for (const entry of entries) {
        const p = await inclusionProof(stores, entry.seq!);
        expect(
          verifyInclusion({ leafHash: entryLeafHash(entry), index: entry.seq!, treeSize: 9, proof: p.proof.map(hashFromBase64), root: hashFromBase64(cp.rootHash) }),
        ).toBe(true);
      }
    });
  });
}
