/**
 * The isomorphic in-browser check (lib/audit/verify-in-browser.ts), run here on Node's WebCrypto:
 * - its RFC 9162 fold agrees with lib/audit/merkle's server-side verifyInclusion on generated trees,
 *   for true proofs and for every kind of tampering (table-driven, then fast-check);
 * - the whole check names the step and reason that failed: a flipped bit in a proof hash, a wrong
 *   index, index ± 1, a wrong tree size, a truncated or padded proof, a wrong root, a tampered
 *   entry, a checkpoint signed by another key, and a malformed or mistyped checkpoint;
 * - over a real log (SQLite in memory): the proofs read in one pass for a citizen's lookups
 *   (listLookupsWithProofs) equal lib/audit/log's one by one, check out in the "browser", and
 *   hold only that citizen's own entries.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { auditEvent, type AuditEvent } from "../../lib/audit/events";
import { CHECKPOINT_TYP, inclusionProof as logInclusionProof, integrate, type CheckpointPayload, type LogDeps } from "../../lib/audit/log";
import { hashToBase64, inclusionProof, leafHash, rootFromLeafHashes, verifyInclusion } from "../../lib/audit/merkle";
import { inclusionProofsAt } from "../../lib/audit/proofs";
import { checkInclusion, rootFromInclusionProof, type InclusionCheckInput } from "../../lib/audit/verify-in-browser";
import { canonicalJson } from "../../lib/canonical-json";
import { base64url, signCompactJws } from "../../lib/crypto/jws";
import { createLocalSigner, generateSigningKeyPem, parseSigningKeyPem } from "../../lib/crypto/local-keys";
import type { Signer } from "../../lib/crypto/signer";
import type { Stores } from "../../lib/store/ports";
import { createSqliteStores } from "../../lib/store/sqlite";
import { defaultDeps } from "../../lib/usecases/deps";
import { listLookupsWithProofs } from "../../lib/usecases/lookups";
import * as fx from "../support/fixtures";

jest.setTimeout(60_000);

const newSigner = () => createLocalSigner(parseSigningKeyPem(generateSigningKeyPem(), "test"));
const donum = newSigner();
const other = newSigner();
const JWKS = { keys: [donum.publicJwk] };

/** A log of n made-up entries: their canonical JSON (seq included) and leaf hashes. */
function makeLog(n: number, salt = "") {
  const entries = Array.from({ length: n }, (_, seq) => canonicalJson({ id: `entry-${salt}-${seq}`, seq, type: "node.status_changed", data: { nodeId: `n${seq}` } }));
  const leaves = entries.map((e) => leafHash(Buffer.from(e, "utf8")));
  return { entries, leaves };
}

async function checkpointJws(signer: Signer, payload: Partial<CheckpointPayload> & { treeSize: number; rootHash: string }, typ = CHECKPOINT_TYP): Promise<string> {
  return signCompactJws(signer, { origin: "https://donum.test", timestamp: fx.T0.toISOString(), ...payload }, { typ });
}

/** A correct check input for entry `seq` of a tree of `size` (≤ the log's length). */
async function validInput(log: ReturnType<typeof makeLog>, seq: number, size = log.leaves.length): Promise<InclusionCheckInput> {
  const leaves = log.leaves.slice(0, size);
  const root = rootFromLeafHashes(leaves);
  return {
    entryJson: log.entries[seq]!,
    leafHash: hashToBase64(leaves[seq]!),
    seq,
    treeSize: size,
    proof: inclusionProof(leaves, seq, size).map(hashToBase64),
    checkpoint: await checkpointJws(donum, { treeSize: size, rootHash: hashToBase64(root) }),
    jwks: JWKS,
  };
}

const flipBit = (b64: string, bit = 0) => {
  const bytes = Buffer.from(b64, "base64");
  bytes[bit >> 3]! ^= 1 << (bit & 7);
  return bytes.toString("base64");
};

describe("the fold agrees with lib/audit/merkle's verifyInclusion", () => {
  it("accepts every true proof of every entry for every tree size 1..40", async () => {
    const log = makeLog(40);
    for (let size = 1; size <= 40; size++) {
      const leaves = log.leaves.slice(0, size);
      const root = rootFromLeafHashes(leaves);
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(leaves, index, size);
        expect(verifyInclusion({ leafHash: leaves[index]!, index, treeSize: size, proof, root })).toBe(true);
        const folded = await rootFromInclusionProof(leaves[index]!, index, size, proof);
        expect({ size, index, ok: folded !== null && Buffer.from(folded).equals(root) }).toEqual({ size, index, ok: true });
      }
    }
  });

  type Mutation = "none" | "flip" | "index+1" | "index-1" | "size+1" | "size-1" | "truncate" | "pad" | "root" | "leaf" | "swap";
  const MUTATIONS: Mutation[] = ["none", "flip", "index+1", "index-1", "size+1", "size-1", "truncate", "pad", "root", "leaf", "swap"];

  /** Both verifiers' verdicts on one (possibly tampered) proof. */
  async function verdicts(n: number, pick: number, mutation: Mutation, bit: number) {
    const { leaves } = makeLog(n, "fc");
    let index = pick % n;
    let treeSize = n;
    let leaf: Uint8Array = leaves[index]!;
    let proof: Uint8Array[] = inclusionProof(leaves, index, n);
    let root: Uint8Array = rootFromLeafHashes(leaves);
    const flip = (h: Uint8Array) => {
      const c = Buffer.from(h);
      c[(bit >> 3) % 32]! ^= 1 << (bit & 7);
      return c;
    };
    switch (mutation) {
      case "flip":
        if (proof.length > 0) proof = proof.map((h, i) => (i === bit % proof.length ? flip(h) : h));
        break;
      case "index+1":
        index += 1;
        break;
      case "index-1":
        index -= 1;
        break;
      case "size+1":
        treeSize += 1;
        break;
      case "size-1":
        treeSize -= 1;
        break;
      case "truncate":
        proof = proof.slice(0, -1);
        break;
      case "pad":
        proof = [...proof, leaves[0]!];
        break;
      case "root":
        root = flip(root);
        break;
      case "leaf":
        leaf = flip(leaf);
        break;
      case "swap":
        if (proof.length > 1) proof = [proof[1]!, proof[0]!, ...proof.slice(2)];
        break;
      case "none":
        break;
    }
    const server = verifyInclusion({ leafHash: leaf, index, treeSize, proof, root });
    const folded = index < 0 ? null : await rootFromInclusionProof(leaf, index, treeSize, proof);
    const browser = folded !== null && Buffer.from(folded).equals(Buffer.from(root));
    return { server, browser };
  }

  it.each(
    MUTATIONS.flatMap((m) => [1, 2, 3, 5, 8, 13, 64, 100].map((n) => [m, n] as const)),
  )("%s on a tree of %i: both verifiers agree", async (mutation, n) => {
    for (let pick = 0; pick < n; pick += Math.max(1, Math.floor(n / 7))) {
      const { server, browser } = await verdicts(n, pick, mutation, 11);
      expect({ pick, browser }).toEqual({ pick, browser: server });
      // A true proof passes; any tampering that changes what is proven fails.
      if (mutation === "none") expect(server).toBe(true);
    }
  });

  it("agrees on random trees, positions and tamperings (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 300 }),
        fc.nat(),
        fc.constantFrom(...MUTATIONS),
        fc.nat({ max: 255 }),
        async (n, pick, mutation, bit) => {
          const { server, browser } = await verdicts(n, pick, mutation, bit);
          expect(browser).toBe(server);
          if (mutation === "none") expect(server).toBe(true);
          // These always change what is proven (unless there is no proof hash to flip or drop). A swap,
          // ±1 or another size may not: RFC 9162 proofs do not bind the size for every leaf (the signature does).
          if (["flip", "truncate", "pad", "root", "leaf"].includes(mutation) && !(["flip", "truncate"].includes(mutation) && n === 1)) expect(server).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("checkInclusion", () => {
  const log = makeLog(1204);

  it("confirms an entry: its hash, its proof and the signed checkpoint agree", async () => {
    const result = await checkInclusion(await validInput(log, 777));
    expect(result).toMatchObject({ ok: true, leafRecomputed: true, proofLength: 11, kid: donum.kid, checkpoint: { treeSize: 1204 } });
  });

  it("confirms from the stated leaf hash when the entry's text is withheld, and says so", async () => {
    const result = await checkInclusion({ ...(await validInput(log, 3)), entryJson: null });
    expect(result).toMatchObject({ ok: true, leafRecomputed: false });
  });

  it("confirms the single entry of a one-entry log (an empty proof)", async () => {
    expect(await checkInclusion(await validInput(makeLog(1), 0))).toMatchObject({ ok: true, proofLength: 0 });
  });

  type Case = [name: string, tamper: (input: InclusionCheckInput) => Promise<InclusionCheckInput> | InclusionCheckInput, step: string, failure: string];
  const cases: Case[] = [
    ["a flipped bit in a proof hash", (i) => ({ ...i, proof: i.proof.map((h, k) => (k === 4 ? flipBit(h, 77) : h)) }), "proof", "ROOT_MISMATCH"],
    ["a flipped bit in the nearest proof hash", (i) => ({ ...i, proof: i.proof.map((h, k) => (k === 0 ? flipBit(h) : h)) }), "proof", "ROOT_MISMATCH"],
    ["a wrong index (the entry says otherwise)", (i) => ({ ...i, seq: 12 }), "entry", "ENTRY_SEQ_MISMATCH"],
    ["index + 1, entry withheld", (i) => ({ ...i, entryJson: null, seq: i.seq + 1 }), "proof", "ROOT_MISMATCH"],
    ["index − 1, entry withheld", (i) => ({ ...i, entryJson: null, seq: i.seq - 1 }), "proof", "ROOT_MISMATCH"],
    ["an index beyond the tree, entry withheld", (i) => ({ ...i, entryJson: null, seq: 1204 }), "proof", "PROOF_MALFORMED"],
    ["a wrong tree size", (i) => ({ ...i, treeSize: 1203 }), "checkpoint", "TREE_SIZE_MISMATCH"],
    [
      "a proof for another tree size than the signed checkpoint's",
      async (i) => ({ ...i, treeSize: 1203, checkpoint: await checkpointJws(donum, { treeSize: 1203, rootHash: hashToBase64(rootFromLeafHashes(log.leaves.slice(0, 1203))) }) }),
      "proof",
      "ROOT_MISMATCH",
    ],
    ["a truncated proof", (i) => ({ ...i, proof: i.proof.slice(0, -1) }), "proof", "PROOF_MALFORMED"],
    ["a padded proof", (i) => ({ ...i, proof: [...i.proof, i.proof[0]!] }), "proof", "PROOF_MALFORMED"],
    ["a proof hash that is not a hash", (i) => ({ ...i, proof: i.proof.map((h, k) => (k === 2 ? h.slice(0, -2) + "=" : h)) }), "proof", "PROOF_MALFORMED"],
    [
      "a wrong root, signed by Donum",
      async (i) => ({ ...i, checkpoint: await checkpointJws(donum, { treeSize: 1204, rootHash: flipBit(hashToBase64(rootFromLeafHashes(log.leaves)), 200) }) }),
      "proof",
      "ROOT_MISMATCH",
    ],
    ["a tampered entry", (i) => ({ ...i, entryJson: i.entryJson!.replace('"n777"', '"n778"') }), "entry", "LEAF_MISMATCH"],
    ["an entry re-serialised (not its canonical bytes)", (i) => ({ ...i, entryJson: JSON.stringify(JSON.parse(i.entryJson!), null, 1) }), "entry", "LEAF_MISMATCH"],
    ["an entry that is not JSON", (i) => ({ ...i, entryJson: "{not json" }), "entry", "ENTRY_MALFORMED"],
    [
      "a checkpoint signed by another key with Donum's kid",
      async (i) => ({ ...i, checkpoint: (await checkpointJws(other, { treeSize: 1204, rootHash: hashToBase64(rootFromLeafHashes(log.leaves)) })).replace(base64url(canonicalJson({ alg: "ES256", kid: other.kid, typ: CHECKPOINT_TYP })), base64url(canonicalJson({ alg: "ES256", kid: donum.kid, typ: CHECKPOINT_TYP }))) }),
      "signature",
      "BAD_SIGNATURE",
    ],
    [
      "a checkpoint signed by another key",
      async (i) => ({ ...i, checkpoint: await checkpointJws(other, { treeSize: 1204, rootHash: hashToBase64(rootFromLeafHashes(log.leaves)) }) }),
      "signature",
      "UNKNOWN_KEY",
    ],
    ["the JWKS replaced by another key under Donum's kid", (i) => ({ ...i, jwks: { keys: [{ ...other.publicJwk, kid: donum.kid }] } }), "signature", "BAD_SIGNATURE"],
    ["no JWKS", (i) => ({ ...i, jwks: null }), "signature", "JWKS_UNAVAILABLE"],
    [
      "a checkpoint whose signed payload was changed",
      (i) => {
        const [h, p, s] = i.checkpoint.split(".");
        const payload = JSON.parse(Buffer.from(p!, "base64url").toString()) as CheckpointPayload;
        return { ...i, checkpoint: `${h}.${base64url(canonicalJson({ ...payload, timestamp: "2030-01-01T00:00:00.000Z" }))}.${s}` };
      },
      "signature",
      "BAD_SIGNATURE",
    ],
    ["a checkpoint of another type", async (i) => ({ ...i, checkpoint: await checkpointJws(donum, { treeSize: 1204, rootHash: hashToBase64(rootFromLeafHashes(log.leaves)) }, "consent-receipt+jwt") }), "signature", "SIGNATURE_UNSUPPORTED"],
    [
      "an unsigned checkpoint (alg none)",
      (i) => {
        const [, p] = i.checkpoint.split(".");
        return { ...i, checkpoint: `${base64url(canonicalJson({ alg: "none", kid: donum.kid, typ: CHECKPOINT_TYP }))}.${p}.` };
      },
      "signature",
      "SIGNATURE_UNSUPPORTED",
    ],
    ["a checkpoint that is not a JWS", (i) => ({ ...i, checkpoint: "not.a-jws" }), "checkpoint", "CHECKPOINT_MALFORMED"],
    [
      "a checkpoint without a root hash",
      (i) => {
        const [h, , s] = i.checkpoint.split(".");
        return { ...i, checkpoint: `${h}.${base64url(canonicalJson({ origin: "x", treeSize: 1204, timestamp: "t" }))}.${s}` };
      },
      "checkpoint",
      "CHECKPOINT_MALFORMED",
    ],
  ];

  it.each(cases)("reports %s", async (_name, tamper, step, failure) => {
    const result = await checkInclusion(await tamper(await validInput(log, 777)));
    expect(result).toMatchObject({ ok: false, step, failure });
  });

  it("never throws on nonsense input", async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), fc.anything(), fc.anything(), fc.anything(), async (entryJson, leaf, seq, proof, cp) => {
        const result = await checkInclusion({ entryJson, leafHash: leaf, seq, treeSize: seq, proof, checkpoint: cp, jwks: cp } as never);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe("a citizen's lookups over a real log", () => {
  let stores: Stores;
  const lucas = fx.subjectKey();
  const lena = fx.subjectKey();

  function decision(subjectKey: string, nodeId: string, i: number): AuditEvent {
    return auditEvent("decision.made", {
      id: randomUUID(),
      at: new Date(fx.T0.getTime() + i * 1000),
      actor: { kind: "node", nodeId },
      subjectKey,
      data: {
        nodeId,
        requestHash: `sha256:${"ab".repeat(32)}`,
        decision: "PERMIT",
        reasons: [],
        consentId: randomUUID(),
        consentVersion: 1,
        purpose: "HMB",
        recipient: { organisation: "KU Leuven", type: "public", country: "BE" },
        dataCategories: ["imaging.ct"],
      },
    });
  }

  beforeAll(async () => {
    stores = createSqliteStores(":memory:");
    const deps: LogDeps = { stores, signer: () => donum, origin: "https://donum.test", now: () => fx.T0 };
    let i = 0;
    for (const round of [3, 10, 1, 20]) {
      await stores.audit.appendMany(Array.from({ length: round }, () => (i++ % 3 === 0 ? decision(lucas, "node-a", i) : decision(lena, "node-b", i))));
      await integrate(deps);
    }
    // Entries after the latest checkpoint: not yet provable.
    await stores.audit.appendMany([decision(lucas, "node-a", 100)]);
  });
  afterAll(async () => {
    await stores.close();
  });

  it("holds only the citizen's own entries, each provable in the browser, and says which are pending", async () => {
    const { items, checkpoint } = await listLookupsWithProofs(defaultDeps(stores), { kind: "subject", subjectKey: lucas });
    expect(checkpoint?.treeSize).toBe(34);
    expect(items).toHaveLength(13);
    for (const item of items) {
      const entry = JSON.parse(item.entryJson) as { subjectKey: string; seq: number };
      expect(entry.subjectKey).toBe(lucas);
      expect(item.entryJson).not.toContain(lena);
    }
    // Newest first: the entry appended after the checkpoint.
    expect(items[0]!.proof).toEqual({ status: "pending", seq: 34 });
    for (const item of items.slice(1)) {
      if (item.proof.status !== "included") throw new Error("expected a proof");
      const fromLog = await logInclusionProof(stores, item.proof.seq);
      expect(item.proof).toEqual({ status: "included", ...fromLog });
      const result = await checkInclusion({ entryJson: item.entryJson, ...item.proof, checkpoint: checkpoint!.jws, jwks: JWKS });
      expect(result).toMatchObject({ ok: true, leafRecomputed: true, checkpoint: { treeSize: 34 } });
    }
  });

  it("reads every proof of a page in one tree-node read", async () => {
    const cp = await stores.tree.getCheckpoint();
    const spy = jest.spyOn(stores.tree, "getNodes");
    const proofs = await inclusionProofsAt(stores, cp, Array.from({ length: 34 }, (_, seq) => ({ seq })));
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    expect(proofs.every((p) => p.status === "included")).toBe(true);
    expect(await inclusionProofsAt(stores, cp, [{ seq: null }, { seq: 34 }])).toEqual([
      { status: "pending", seq: null },
      { status: "pending", seq: 34 },
    ]);
    expect(await inclusionProofsAt(stores, null, [{ seq: 0 }])).toEqual([{ status: "pending", seq: 0 }]);
  });
});
