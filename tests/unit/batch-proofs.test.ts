/**
 * Batch answers: the leaf encoding, one signature over the RFC 9162 root, and each item verified
 * on its own with verifyBatchItem — and refused once anything in it is altered.
 */
import { createHash, generateKeyPairSync, randomUUID } from "node:crypto";
import { canonicalJson } from "../../lib/canonical-json";
import { signCompactJws } from "../../lib/crypto/jws";
import { publishedJwks } from "../../lib/crypto/jwks";
import { createLocalSigner } from "../../lib/crypto/local-keys";
import { verifyBatchItem, verifyBatchItems, verifyBatchToken } from "../../lib/client/verify";
import {
  BATCH_TYP,
  batchLeafBytes,
  batchLeafHash,
  DECISION_TTL_SECONDS,
  DECISION_TYP,
  sealBatch,
  type BatchClaims,
  type BatchItem,
  type BatchLeaf,
} from "../../lib/decisions/tokens";

const signer = createLocalSigner(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey);
const jwks = publishedJwks(signer);
const NODE = "node-a";
const ISS = "https://donum.example.eu";
const NOW = new Date("2026-06-01T10:00:00.000Z");
const IAT = Math.floor(NOW.getTime() / 1000);
const opts = { audience: NODE, issuer: ISS, now: NOW };

const ref = (i: number) => createHash("sha256").update(`ref-${i}`).digest("base64url").slice(0, 32);
const hash = (i: number) => `sha256:${createHash("sha256").update(`req-${i}`).digest("hex")}`;

function leaf(i: number): BatchLeaf {
  return i % 3 === 0
    ? {
        index: i,
        sub: ref(i),
        decision: "PERMIT",
        reasons: [],
        consentId: "7d3c2a4e-8f1b-4c6d-9e0a-1b2c3d4e5f60",
        consentVersion: 2,
        formVersion: 1,
        requestHash: hash(i),
      }
    : {
        index: i,
        sub: ref(i),
        decision: "DENY",
        reasons: i % 3 === 1 ? [{ code: "NO_CONSENT" }] : [{ code: "GEOGRAPHY_NOT_COVERED", values: ["US"] }],
        consentId: null,
        consentVersion: null,
        formVersion: null,
        requestHash: hash(i),
      };
}

async function signedBatch(n: number, claims: Partial<BatchClaims> = {}) {
  const sealed = sealBatch(Array.from({ length: n }, (_, i) => leaf(i)));
  const payload: BatchClaims = {
    iss: ISS,
    aud: NODE,
    iat: IAT,
    exp: IAT + DECISION_TTL_SECONDS,
    jti: randomUUID(),
    batch: { treeSize: sealed.treeSize, rootHash: sealed.rootHash, requestHash: hash(-1), permitReference: "PERMIT-1", evaluatedAt: NOW.toISOString() },
    ...claims,
  };
  return { token: await signCompactJws(signer, payload, { typ: BATCH_TYP }), items: sealed.items };
}

const codeOf = (v: { ok: boolean; error?: { code: string } }) => (v.ok ? "OK" : v.error!.code);

describe("the leaf encoding", () => {
  it("is the canonical JSON of exactly the eight leaf members, keys sorted, no whitespace", () => {
    const l = leaf(1);
    expect(batchLeafBytes(l).toString("utf8")).toBe(
      `{"consentId":null,"consentVersion":null,"decision":"DENY","formVersion":null,"index":1,` +
        `"reasons":[{"code":"NO_CONSENT"}],"requestHash":"${hash(1)}","sub":"${ref(1)}"}`,
    );
    const p = leaf(0);
    expect(batchLeafBytes(p).toString("utf8")).toBe(
      `{"consentId":"7d3c2a4e-8f1b-4c6d-9e0a-1b2c3d4e5f60","consentVersion":2,"decision":"PERMIT","formVersion":1,"index":0,` +
        `"reasons":[],"requestHash":"${hash(0)}","sub":"${ref(0)}"}`,
    );
  });

  it("is written out by hand, byte for byte the generic canonical JSON of the leaf", () => {
    const odd: BatchLeaf[] = [
      ...Array.from({ length: 9 }, (_, i) => leaf(i)),
      { ...leaf(1), reasons: [{ code: "DATA_CATEGORY_NOT_COVERED", values: ["genomics", "imaging.ct"] }, { code: "RECONTACT_NOT_ALLOWED" }] },
      { ...leaf(0), index: 9_999, sub: "_-_-abcdefghijklmnopqrstuvwxyz01", consentVersion: 123456 },
      { ...leaf(2), reasons: [{ values: ["\u00e9\u2028\"\\"], code: "PURPOSE_NOT_COVERED" }] as BatchLeaf["reasons"] },
    ];
    for (const l of odd) {
      const { index, sub, decision, reasons, consentId, consentVersion, formVersion, requestHash } = l;
      expect(batchLeafBytes(l).toString("utf8")).toBe(canonicalJson({ index, sub, decision, reasons, consentId, consentVersion, formVersion, requestHash }));
    }
  });

  it("leaves a proof or any other member out of the leaf bytes", () => {
    const withProof = { ...leaf(2), proof: ["x"], extra: true } as unknown as BatchLeaf;
    expect(batchLeafBytes(withProof)).toEqual(batchLeafBytes(leaf(2)));
  });

  it("hashes as RFC 9162 leaves: SHA-256(0x00 ‖ bytes)", () => {
    const l = leaf(4);
    const expected = createHash("sha256").update(Buffer.concat([Buffer.from([0]), batchLeafBytes(l)])).digest();
    expect(batchLeafHash(l)).toEqual(expected);
  });

  it("seals leaves only in index order", () => {
    expect(() => sealBatch([leaf(1)])).toThrow(RangeError);
  });
});

describe("verifying batch items", () => {
  it.each([1, 2, 3, 5, 8, 13, 100])("every item of a batch of %i verifies on its own", async (n) => {
    const { token, items } = await signedBatch(n);
    for (const item of items) {
      const v = verifyBatchItem(token, item, jwks, opts);
      expect(codeOf(v)).toBe("OK");
      if (v.ok) {
        expect(v.leaf).toEqual(leaf(item.index));
        expect(v.claims.batch.treeSize).toBe(n);
      }
    }
    // The proofs are as short as RFC 9162 paths are: ⌈log2 n⌉ at most.
    expect(Math.max(...items.map((i) => i.proof.length))).toBe(n === 1 ? 0 : Math.ceil(Math.log2(n)));
  });

  it("survives a round trip through JSON (what a node stores)", async () => {
    const { token, items } = await signedBatch(10);
    const stored = JSON.parse(JSON.stringify(items)) as BatchItem[];
    expect(stored.every((item) => verifyBatchItem(token, item, jwks, opts).ok)).toBe(true);
  });

  describe("an altered item fails", () => {
    let token: string;
    let items: BatchItem[];
    beforeAll(async () => {
      ({ token, items } = await signedBatch(37));
    });
    const alter = (i: number, change: (item: BatchItem) => unknown) => codeOf(verifyBatchItem(token, change(structuredClone(items[i]!)), jwks, opts));

    it("decision flipped", () => {
      expect(alter(4, (it) => ({ ...it, decision: "PERMIT" }))).toBe("NOT_INCLUDED");
      expect(alter(4, (it) => ({ ...it, decision: "PERMIT", reasons: [] }))).toBe("NOT_INCLUDED");
      expect(alter(0, (it) => ({ ...it, decision: "DENY", reasons: [{ code: "NO_CONSENT" }] }))).toBe("NOT_INCLUDED");
    });

    it("a reason removed or changed", () => {
      expect(alter(1, (it) => ({ ...it, reasons: [] }))).toBe("NOT_INCLUDED");
      expect(alter(2, (it) => ({ ...it, reasons: [{ code: "GEOGRAPHY_NOT_COVERED", values: ["CH"] }] }))).toBe("NOT_INCLUDED");
    });

    it("index changed (the item claimed for another position, its proof kept)", () => {
      expect(alter(5, (it) => ({ ...it, index: 6 }))).toBe("NOT_INCLUDED");
      expect(alter(36, (it) => ({ ...it, index: 37 }))).toBe("NOT_INCLUDED"); // beyond the tree
    });

    it("subject reference changed", () => {
      expect(alter(7, (it) => ({ ...it, sub: ref(8) }))).toBe("NOT_INCLUDED");
    });

    it("consent version or request hash changed", () => {
      expect(alter(9, (it) => ({ ...it, consentVersion: 3 }))).toBe("NOT_INCLUDED");
      expect(alter(10, (it) => ({ ...it, requestHash: hash(11) }))).toBe("NOT_INCLUDED");
    });

    it("one bit of a proof element flipped", () => {
      const flipped = alter(11, (it) => {
        const bytes = Buffer.from(it.proof[0]!, "base64url");
        bytes[0]! ^= 0x01;
        return { ...it, proof: [bytes.toString("base64url"), ...it.proof.slice(1)] };
      });
      expect(flipped).toBe("NOT_INCLUDED");
    });

    it("a proof element dropped, added, or another item's proof", () => {
      expect(alter(12, (it) => ({ ...it, proof: it.proof.slice(1) }))).toBe("NOT_INCLUDED");
      expect(alter(12, (it) => ({ ...it, proof: [...it.proof, it.proof[0]!] }))).toBe("NOT_INCLUDED");
      expect(alter(12, (it) => ({ ...it, proof: items[13]!.proof }))).toBe("NOT_INCLUDED");
    });

    it("an item with a member the leaf does not have, or a malformed proof element", () => {
      expect(alter(14, (it) => ({ ...it, note: "released" }))).toBe("MALFORMED_ITEM");
      expect(alter(14, (it) => ({ ...it, proof: ["not base64url!", ...it.proof.slice(1)] }))).toBe("MALFORMED_ITEM");
      expect(alter(14, (it) => ({ ...it, proof: undefined }))).toBe("MALFORMED_ITEM");
    });

    it("an item verified against another batch's token", async () => {
      const other = await signedBatch(37, {});
      // Same leaves, same tree: the root is the same, so it verifies — the item proves its content, not its batch.
      expect(codeOf(verifyBatchItem(other.token, items[0], jwks, opts))).toBe("OK");
      const different = await signedBatch(38);
      expect(codeOf(verifyBatchItem(different.token, items[0], jwks, opts))).toBe("NOT_INCLUDED");
    });
  });

  describe("the batch token is checked first", () => {
    it("another node's token: WRONG_AUDIENCE", async () => {
      const { token, items } = await signedBatch(4, { aud: "node-b" });
      expect(codeOf(verifyBatchItem(token, items[0], jwks, opts))).toBe("WRONG_AUDIENCE");
      expect(codeOf(verifyBatchItem(token, items[0], jwks, { ...opts, audience: "node-b" }))).toBe("OK");
    });

    it("expired 15 minutes (plus the skew) after it was issued, but valid as of a time before that", async () => {
      const { token, items } = await signedBatch(4);
      const later = new Date(NOW.getTime() + (DECISION_TTL_SECONDS + 61) * 1000);
      expect(codeOf(verifyBatchItem(token, items[0], jwks, { ...opts, now: later }))).toBe("EXPIRED");
      const within = new Date(NOW.getTime() + (DECISION_TTL_SECONDS - 1) * 1000);
      expect(codeOf(verifyBatchItem(token, items[0], jwks, { ...opts, now: within }))).toBe("OK");
    });

    it("another issuer, a tampered root, a single-decision token, an unknown key", async () => {
      const { token, items } = await signedBatch(4);
      expect(codeOf(verifyBatchItem(token, items[0], jwks, { ...opts, issuer: "https://evil.example" }))).toBe("WRONG_ISSUER");
      const [h, p, s] = token.split(".") as [string, string, string];
      const claims = JSON.parse(Buffer.from(p, "base64url").toString()) as BatchClaims;
      claims.batch.rootHash = Buffer.alloc(32).toString("base64url");
      expect(codeOf(verifyBatchItem(`${h}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${s}`, items[0], jwks, opts))).toBe("BAD_SIGNATURE");
      const asDecision = await signCompactJws(signer, claims, { typ: DECISION_TYP });
      expect(codeOf(verifyBatchItem(asDecision, items[0], jwks, opts))).toBe("UNEXPECTED_TYPE");
      const otherKeys = publishedJwks(createLocalSigner(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey));
      expect(codeOf(verifyBatchItem(token, items[0], otherKeys, opts))).toBe("UNKNOWN_KID");
    });

    it("a signed payload that is not batch claims: MALFORMED_CLAIMS", async () => {
      const token = await signCompactJws(signer, { iss: ISS, aud: NODE, iat: IAT, exp: IAT + 900, jti: randomUUID() }, { typ: BATCH_TYP });
      expect(codeOf(verifyBatchToken(token, jwks, opts))).toBe("MALFORMED_CLAIMS");
    });
  });
});

describe("verifying a whole batch at once", () => {
  it("verifies the token once and every item, and wants the answer complete and in order", async () => {
    const { token, items } = await signedBatch(50);
    const all = verifyBatchItems(token, items, jwks, opts);
    expect(all.ok && all.leaves).toEqual(items.map(({ proof: _proof, ...leaf }) => leaf));
    const codeAt = (v: ReturnType<typeof verifyBatchItems>) => (v.ok ? "OK" : `${v.error.code}@${v.index}`);
    expect(codeAt(verifyBatchItems(token, items.slice(0, 49), jwks, opts))).toBe("MALFORMED_ITEM@null");
    expect(codeAt(verifyBatchItems(token, [items[1], items[0], ...items.slice(2)], jwks, opts))).toBe("MALFORMED_ITEM@0");
    const altered = items.map((it, i) => (i === 17 ? { ...it, decision: it.decision === "PERMIT" ? "DENY" : "PERMIT" } : it));
    expect(codeAt(verifyBatchItems(token, altered, jwks, opts))).toBe("NOT_INCLUDED@17");
    expect(codeAt(verifyBatchItems(token, items, jwks, { ...opts, audience: "node-b" }))).toBe("WRONG_AUDIENCE@null");
  });
});
