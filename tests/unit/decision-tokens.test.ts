/** Single decision and feed tokens as a node verifies them (lib/client/verify.ts), and the request hashes. */
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { sha256Canonical } from "../../lib/canonical-json";
import { DecisionRequest } from "../../lib/consent/decision";
import { signCompactJws } from "../../lib/crypto/jws";
import { publishedJwks } from "../../lib/crypto/jwks";
import { createLocalSigner } from "../../lib/crypto/local-keys";
import { verifyDecisionToken, verifyFeedPage } from "../../lib/client/verify";
import { BatchCheckRequest, FeedQuery, MAX_BATCH_SUBJECTS, SingleCheckRequest } from "../../lib/decisions/schemas";
import {
  batchRequestHash,
  DECISION_TTL_SECONDS,
  DECISION_TYP,
  decisionRequestHash,
  decisionRequestHasher,
  FEED_TYP,
  type DecisionClaims,
  type FeedClaims,
} from "../../lib/decisions/tokens";

const signer = createLocalSigner(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey);
const jwks = publishedJwks(signer);
const NODE = "node-a";
const ISS = "https://donum.example.eu";
const NOW = new Date("2026-06-01T10:00:00.000Z");
const IAT = Math.floor(NOW.getTime() / 1000);
const REF = "abcdefghijklmnopqrstuvwxyz012345";
const opts = { audience: NODE, issuer: ISS, now: NOW };

const request = DecisionRequest.parse({
  dataCategories: ["imaging.ct"],
  purpose: { code: "HMB" },
  recipient: { organisation: "  University Hospital  ", type: "public", country: "DE" },
});

function claims(over: Partial<DecisionClaims> = {}): DecisionClaims {
  return {
    iss: ISS,
    aud: NODE,
    sub: REF,
    iat: IAT,
    exp: IAT + DECISION_TTL_SECONDS,
    jti: randomUUID(),
    decision: "DENY",
    reasons: [{ code: "NO_CONSENT" }],
    consentId: null,
    consentVersion: null,
    formVersion: null,
    evaluatedAt: NOW.toISOString(),
    requestHash: decisionRequestHash({ nodeId: NODE, subjectRef: REF, request, permitReference: "P-1" }),
    permitReference: "P-1",
    ...over,
  };
}

const sign = (payload: unknown, typ = DECISION_TYP) => signCompactJws(signer, payload, { typ });
const codeOf = (v: { ok: boolean; error?: { code: string } }) => (v.ok ? "OK" : v.error!.code);

describe("verifyDecisionToken", () => {
  it("answers the claims of a good token", async () => {
    const c = claims();
    const v = verifyDecisionToken(await sign(c), jwks, opts);
    expect(v).toMatchObject({ ok: true, claims: c, header: { alg: "ES256", kid: signer.kid, typ: DECISION_TYP } });
  });

  it("refuses a token issued to another node (WRONG_AUDIENCE)", async () => {
    const token = await sign(claims({ aud: "node-b" }));
    expect(codeOf(verifyDecisionToken(token, jwks, opts))).toBe("WRONG_AUDIENCE");
    expect(codeOf(verifyDecisionToken(token, jwks, { ...opts, audience: "node-b" }))).toBe("OK");
  });

  it("refuses an expired token, and accepts it as of a time of release within its 15 minutes", async () => {
    const token = await sign(claims());
    const after = (s: number) => ({ ...opts, now: new Date(NOW.getTime() + s * 1000) });
    expect(codeOf(verifyDecisionToken(token, jwks, after(DECISION_TTL_SECONDS)))).toBe("OK");
    expect(codeOf(verifyDecisionToken(token, jwks, after(DECISION_TTL_SECONDS + 60)))).toBe("OK"); // clock skew
    expect(codeOf(verifyDecisionToken(token, jwks, after(DECISION_TTL_SECONDS + 61)))).toBe("EXPIRED");
    expect(codeOf(verifyDecisionToken(token, jwks, { ...after(DECISION_TTL_SECONDS + 1), clockSkewSeconds: 0 }))).toBe("EXPIRED");
  });

  it("refuses a token issued in the future, another issuer, another type, a wrong key", async () => {
    expect(codeOf(verifyDecisionToken(await sign(claims({ iat: IAT + 120, exp: IAT + 1000 })), jwks, opts))).toBe("NOT_YET_VALID");
    expect(codeOf(verifyDecisionToken(await sign(claims()), jwks, { ...opts, issuer: "https://other.example" }))).toBe("WRONG_ISSUER");
    expect(codeOf(verifyDecisionToken(await sign(claims(), FEED_TYP), jwks, opts))).toBe("UNEXPECTED_TYPE");
    const other = publishedJwks(createLocalSigner(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey));
    expect(codeOf(verifyDecisionToken(await sign(claims()), other, opts))).toBe("UNKNOWN_KID");
  });

  it("refuses a changed payload (BAD_SIGNATURE) and claims of the wrong shape (MALFORMED_CLAIMS)", async () => {
    const [h, , s] = (await sign(claims())).split(".");
    const flipped = Buffer.from(JSON.stringify({ ...claims(), decision: "PERMIT", reasons: [] })).toString("base64url");
    expect(codeOf(verifyDecisionToken(`${h}.${flipped}.${s}`, jwks, opts))).toBe("BAD_SIGNATURE");
    expect(codeOf(verifyDecisionToken(await sign({ ...claims(), sub: "not-a-ref" }), jwks, opts))).toBe("MALFORMED_CLAIMS");
    expect(codeOf(verifyDecisionToken(await sign({ ...claims(), exp: IAT - 1 }), jwks, opts))).toBe("MALFORMED_CLAIMS");
    expect(codeOf(verifyDecisionToken("a.b", jwks, opts))).toBe("MALFORMED");
  });
});

describe("request hashes", () => {
  it("a decision's: sha256 of the canonical { nodeId, subjectRef, request (parsed, defaults filled), permitReference }", () => {
    expect(request).toMatchObject({ aiUse: null, requiresRecontact: false, recipient: { organisation: "University Hospital" } });
    const h = decisionRequestHash({ nodeId: NODE, subjectRef: REF, request, permitReference: "P-1" });
    expect(h).toBe(sha256Canonical({ permitReference: "P-1", request, subjectRef: REF, nodeId: NODE }));
    expect(h).not.toBe(decisionRequestHash({ nodeId: "node-b", subjectRef: REF, request, permitReference: "P-1" }));
    expect(h).not.toBe(decisionRequestHash({ nodeId: NODE, subjectRef: REF, request, permitReference: "P-2" }));
  });

  it("the batch hasher gives each item exactly the single decision's hash", () => {
    const odd = DecisionRequest.parse({ ...request, purpose: { code: "DS", disease: "MONDO:0007254" }, aiUse: "AI_TRAINING", requiresRecontact: true });
    for (const [nodeId, req, permit] of [[NODE, request, "P-1"], ["node-b", odd, "Projekt «Brust» 2026/\"7\""]] as const) {
      const hasher = decisionRequestHasher({ nodeId, request: req, permitReference: permit });
      for (const subjectRef of [REF, "_".repeat(32)]) {
        expect(hasher(subjectRef)).toBe(decisionRequestHash({ nodeId, subjectRef, request: req, permitReference: permit }));
      }
    }
  });

  it("a batch's: the subject references in order replace the identifiers", () => {
    const a = batchRequestHash({ nodeId: NODE, subjectRefs: ["r1", "r2"], request, permitReference: "P" });
    expect(a).toBe(sha256Canonical({ nodeId: NODE, subjectRefs: ["r1", "r2"], request, permitReference: "P" }));
    expect(a).not.toBe(batchRequestHash({ nodeId: NODE, subjectRefs: ["r2", "r1"], request, permitReference: "P" }));
  });
});

describe("request schemas", () => {
  const base = { subject: { nationalId: "ES/AT/02635542Y" }, request, permitReference: "P-1" };

  it("refuse unknown members at every level and bad permit references", () => {
    expect(SingleCheckRequest.safeParse(base).success).toBe(true);
    expect(SingleCheckRequest.safeParse({ ...base, extra: 1 }).success).toBe(false);
    expect(SingleCheckRequest.safeParse({ ...base, subject: { nationalId: "ES/1", name: "x" } }).success).toBe(false);
    expect(SingleCheckRequest.safeParse({ ...base, request: { ...request, aiUSE: "AI_TRAINING" } }).success).toBe(false);
    expect(SingleCheckRequest.safeParse({ ...base, permitReference: "" }).success).toBe(false);
    expect(SingleCheckRequest.safeParse({ ...base, permitReference: "x".repeat(201) }).success).toBe(false);
    expect(SingleCheckRequest.safeParse({ ...base, permitReference: "a\nb" }).success).toBe(false);
  });

  it("a batch has 1 to MAX_BATCH_SUBJECTS subjects", () => {
    const subjects = (n: number) => Array.from({ length: n }, (_, i) => ({ nationalId: `BE/${i}` }));
    expect(MAX_BATCH_SUBJECTS).toBe(10_000);
    expect(BatchCheckRequest.safeParse({ subjects: subjects(1), request, permitReference: "P" }).success).toBe(true);
    expect(BatchCheckRequest.safeParse({ subjects: subjects(0), request, permitReference: "P" }).success).toBe(false);
    expect(BatchCheckRequest.safeParse({ subjects: subjects(MAX_BATCH_SUBJECTS), request, permitReference: "P" }).success).toBe(true);
  });

  it("the feed query: a seq cursor and a limit of at most 500", () => {
    expect(FeedQuery.parse({})).toEqual({ limit: 100 });
    expect(FeedQuery.parse({ after: "42", limit: "500" })).toEqual({ after: "42", limit: 500 });
    for (const bad of [{ after: "-1" }, { after: "01" }, { after: "x" }, { limit: "501" }, { limit: "0" }, { cursor: "1" }]) {
      expect(FeedQuery.safeParse(bad).success).toBe(false);
    }
  });
});

describe("verifyFeedPage", () => {
  const page = (over: Partial<FeedClaims> = {}): FeedClaims => ({
    iss: ISS,
    aud: NODE,
    iat: IAT,
    jti: randomUUID(),
    items: [{ seq: 7, sub: REF, change: "withdrawn", at: NOW.toISOString(), consentVersion: 3 }],
    cursor: "5",
    nextCursor: "7",
    hasMore: false,
    ...over,
  });

  it("answers a fresh page for this node at the position asked", async () => {
    const v = verifyFeedPage(await sign(page(), FEED_TYP), jwks, { ...opts, after: "5" });
    expect(v).toMatchObject({ ok: true, claims: { items: [{ seq: 7, change: "withdrawn" }], nextCursor: "7" } });
  });

  it("refuses another node's page, a stale page, a page for another position, a decision token", async () => {
    expect(codeOf(verifyFeedPage(await sign(page({ aud: "node-b" }), FEED_TYP), jwks, opts))).toBe("WRONG_AUDIENCE");
    const later = { ...opts, now: new Date(NOW.getTime() + 301_000) };
    expect(codeOf(verifyFeedPage(await sign(page(), FEED_TYP), jwks, later))).toBe("STALE");
    expect(codeOf(verifyFeedPage(await sign(page(), FEED_TYP), jwks, { ...opts, after: null }))).toBe("CURSOR_MISMATCH");
    expect(codeOf(verifyFeedPage(await sign(page()), jwks, opts))).toBe("UNEXPECTED_TYPE");
  });
});
