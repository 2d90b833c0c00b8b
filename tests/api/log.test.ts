/**
 * The verifiable log's public routes over HTTP, against the running portal (ADR 0007): the
 * checkpoint verifies against /.well-known/jwks.json, an inclusion proof for entry 0 verifies
 * against it, and after new entries (a signed decision request as the demo node) a consistency
 * proof between the two checkpoints verifies. Only hashes travel: no entry is returned.
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { CHECKPOINT_TYP, type CheckpointPayload } from "../../lib/audit/log";
import { hashFromBase64, verifyConsistency, verifyInclusion } from "../../lib/audit/merkle";
import { checkDecision, DonumApiError } from "../../lib/client/decisions";
import { readPrivateJwkFile } from "../../lib/client/node-key";
import { createRequestSigner } from "../../lib/client/request-signer";
import { verifyCompactJws, type VerificationJwks } from "../../lib/crypto/jws";

jest.setTimeout(120_000);

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: the app-server globalSetup did not run`);
  return v;
};
const base = () => env("DONUM_TEST_BASE_URL");

interface CheckpointAnswer {
  checkpoint: string;
  treeSize: number;
  rootHash: string;
  timestamp: string;
}

let jwks: VerificationJwks;

async function get(path: string): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fetch(`${base()}${path}`);
    } catch (e) {
      if (attempt >= 2) throw e; // a keep-alive connection closed as it was reused
    }
  }
}

async function checkpoint(): Promise<CheckpointAnswer> {
  const res = await get("/api/v1/log/checkpoint");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("application/json");
  return (await res.json()) as CheckpointAnswer;
}

/** The checkpoint's signed payload, after checking the signature and that the plain fields match it. */
function verified(cp: CheckpointAnswer): CheckpointPayload {
  const v = verifyCompactJws<CheckpointPayload>(cp.checkpoint, jwks, { typ: CHECKPOINT_TYP });
  if (!v.ok) throw new Error(`checkpoint does not verify: ${v.error.code} ${v.error.message}`);
  expect(v.payload).toEqual({ origin: expect.any(String), treeSize: cp.treeSize, rootHash: cp.rootHash, timestamp: cp.timestamp });
  return v.payload;
}

beforeAll(async () => {
  jwks = (await (await get("/.well-known/jwks.json")).json()) as VerificationJwks;
});

describe("GET /api/v1/log/checkpoint", () => {
  it("answers a checkpoint signed with a published key, over the entries written so far", async () => {
    const cp = await checkpoint();
    expect(Object.keys(cp).sort()).toEqual(["checkpoint", "rootHash", "timestamp", "treeSize"]);
    const payload = verified(cp);
    // Start-up publishes the consent form and registers the demo node: the log is never empty.
    expect(payload.treeSize).toBeGreaterThan(0);
    expect(hashFromBase64(payload.rootHash)).toHaveLength(32);
  });
});

describe("GET /api/v1/log/proof/inclusion", () => {
  it("proves entry 0 in the checkpoint's tree", async () => {
    const cp = await checkpoint();
    const res = await get(`/api/v1/log/proof/inclusion?seq=0&treeSize=${cp.treeSize}`);
    expect(res.status).toBe(200);
    const p = (await res.json()) as { seq: number; treeSize: number; leafHash: string; proof: string[] };
    expect(Object.keys(p).sort()).toEqual(["leafHash", "proof", "seq", "treeSize"]);
    expect(p).toMatchObject({ seq: 0, treeSize: cp.treeSize });
    const check = { leafHash: hashFromBase64(p.leafHash), index: 0, treeSize: cp.treeSize, proof: p.proof.map(hashFromBase64), root: hashFromBase64(cp.rootHash) };
    expect(verifyInclusion(check)).toBe(true);
    const flipped = Buffer.from(check.leafHash);
    flipped[0] = flipped[0]! ^ 1;
    expect(verifyInclusion({ ...check, leafHash: flipped })).toBe(false);
  });

  it("answers problem+json: 400 for a bad number, 404 beyond the tree", async () => {
    const cp = await checkpoint();
    for (const query of ["seq=abc", "seq=-1", "seq=1.5", "seq=0&treeSize=x", ""]) {
      const res = await get(`/api/v1/log/proof/inclusion?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    for (const query of [`seq=${cp.treeSize}&treeSize=${cp.treeSize}`, `seq=0&treeSize=${cp.treeSize + 1_000_000}`]) {
      const res = await get(`/api/v1/log/proof/inclusion?${query}`);
      expect([query, res.status]).toEqual([query, 404]);
      expect(((await res.json()) as { code: string }).code).toBe("NOT_FOUND");
    }
  });
});

describe("GET /api/v1/log/proof/consistency", () => {
  it("proves that a later checkpoint extends an earlier one", async () => {
    const first = await checkpoint();
    verified(first);

    // New entries: a decision request signed as the demo node writes a decision.made entry.
    const { privateJwk } = readPrivateJwkFile(join(env("DONUM_TEST_DATA_DIR"), "keys", "demo-node.private.jwk"));
    const demo = { baseUrl: base(), signer: createRequestSigner({ nodeId: "demo-node", privateJwk, audience: base() }) };
    const nationalId = `BE/BE/LOGTEST${randomBytes(4).toString("hex").toUpperCase()}`;
    const request = { dataCategories: ["imaging.ct"], purpose: { code: "HMB" }, recipient: { organisation: "KU Leuven", type: "public", country: "BE" } };
    for (let attempt = 0; ; attempt++) {
      try {
        await checkDecision(demo, { subject: { nationalId }, request, permitReference: "LOG-TEST" } as Parameters<typeof checkDecision>[1]);
        break;
      } catch (e) {
        // Other suites share the demo node's rate limit.
        if (!(e instanceof DonumApiError) || e.status !== 429 || attempt >= 20) throw e;
        await new Promise((r) => setTimeout(r, (e.retryAfterSeconds ?? 1) * 1000));
      }
    }

    let second = await checkpoint();
    for (let i = 0; second.treeSize <= first.treeSize && i < 60; i++) {
      await new Promise((r) => setTimeout(r, 500));
      second = await checkpoint();
    }
    verified(second);
    expect(second.treeSize).toBeGreaterThan(first.treeSize);

    const res = await get(`/api/v1/log/proof/consistency?from=${first.treeSize}&to=${second.treeSize}`);
    expect(res.status).toBe(200);
    const p = (await res.json()) as { from: number; to: number; proof: string[] };
    expect(p).toMatchObject({ from: first.treeSize, to: second.treeSize });
    const check = {
      oldSize: first.treeSize,
      newSize: second.treeSize,
      oldRoot: hashFromBase64(first.rootHash),
      newRoot: hashFromBase64(second.rootHash),
      proof: p.proof.map(hashFromBase64),
    };
    expect(verifyConsistency(check)).toBe(true);
    expect(verifyConsistency({ ...check, oldRoot: check.newRoot })).toBe(false);

    // The new entry is provable in the new tree too.
    const last = second.treeSize - 1;
    const inc = (await (await get(`/api/v1/log/proof/inclusion?seq=${last}&treeSize=${second.treeSize}`)).json()) as { leafHash: string; proof: string[] };
    expect(
      verifyInclusion({ leafHash: hashFromBase64(inc.leafHash), index: last, treeSize: second.treeSize, proof: inc.proof.map(hashFromBase64), root: check.newRoot }),
    ).toBe(true);
  });

  it("answers 400 for from > to or a bad number, 404 beyond the latest checkpoint", async () => {
    const cp = await checkpoint();
    for (const query of [`from=2&to=1`, "from=x", "from=1&to=-3", ""]) {
      const res = await get(`/api/v1/log/proof/consistency?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    const res = await get(`/api/v1/log/proof/consistency?from=0&to=${cp.treeSize + 1_000_000}`);
    expect(res.status).toBe(404);
  });
});
