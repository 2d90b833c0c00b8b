/**
 * The SDK's JWK Set handling (lib/client/client.ts, DonumVerifier inside DonumClient): the set is
 * fetched once and cached for its max-age, fetched again once when a token names a key it does
 * not hold (Donum rotated its key), never in a loop, and at most once per cool-down for made-up
 * key ids; a fixed set is never fetched.
 *
 * "Donum" here is a stand-in: a node:http server on 127.0.0.1 that serves a JWK Set of local
 * P-256 keys and counts how often it is asked. The tokens are signed in the test with the same
 * code Donum signs with (createLocalSigner + signCompactJws). The real portal is exercised over
 * HTTP in tests/api.
 */
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DonumClient, DonumVerifier } from "../../lib/client";
import { publishedJwks } from "../../lib/crypto/jwks";
import { signCompactJws } from "../../lib/crypto/jws";
import { createLocalSigner } from "../../lib/crypto/local-keys";
import type { Signer } from "../../lib/crypto/signer";
import { DECISION_TYP, type DecisionClaims } from "../../lib/decisions/tokens";
import { generateNodeKey } from "../../lib/nodes/keys";

const NODE = "uz-leuven";
const newSigner = (): Signer => createLocalSigner(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey);

let server: Server;
let baseUrl: string;
/** What the stand-in publishes now. */
let published: Signer[] = [];
let jwksRequests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/.well-known/jwks.json") {
      jwksRequests++;
      const [current, ...previous] = published;
      if (!current) {
        res.writeHead(503, { "content-type": "application/problem+json" });
        res.end(JSON.stringify({ type: "https://donum.eu/problems/internal", title: "Something went wrong on our side", status: 503, code: "STORE_UNAVAILABLE" }));
        return;
      }
      res.writeHead(200, { "content-type": "application/jwk-set+json", "cache-control": "public, max-age=300" });
      res.end(JSON.stringify(publishedJwks(current, previous.map((s) => s.publicJwk))));
      return;
    }
    res.writeHead(404, { "content-type": "application/problem+json" });
    res.end(JSON.stringify({ type: "about:blank", title: "Not found", status: 404, code: "NOT_FOUND" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  jwksRequests = 0;
});

/** A decision token as Donum signs it, issued to NODE by the stand-in at `baseUrl`. */
async function decisionToken(signer: Signer, over: Partial<DecisionClaims> = {}): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  const claims: DecisionClaims = {
    iss: baseUrl,
    aud: NODE,
    sub: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    iat,
    exp: iat + 900,
    jti: randomUUID(),
    decision: "DENY",
    reasons: [{ code: "NO_CONSENT" }],
    consentId: null,
    consentVersion: null,
    formVersion: null,
    evaluatedAt: new Date(iat * 1000).toISOString(),
    requestHash: `sha256:${"0".repeat(64)}`,
    permitReference: "P-2026-001",
    ...over,
  };
  return signCompactJws(signer, claims, { typ: DECISION_TYP });
}

function client(options: { now?: () => Date; cooldownMs?: number } = {}): DonumClient {
  return new DonumClient({
    baseUrl,
    nodeId: NODE,
    privateJwk: generateNodeKey("ES256").privateJwk,
    ...(options.now ? { now: options.now } : {}),
    ...(options.cooldownMs !== undefined ? { jwksRefetchCooldownMs: options.cooldownMs } : {}),
  });
}

describe("the JWK Set cache of DonumClient", () => {
  it("fetches the set once and verifies every later token from the cache", async () => {
    const a = newSigner();
    published = [a];
    const donum = client();
    for (let i = 0; i < 5; i++) {
      const v = await donum.verifyDecision(await decisionToken(a));
      expect(v.ok).toBe(true);
    }
    expect(jwksRequests).toBe(1);
  });

  it("shares one fetch between verifications that start together", async () => {
    const a = newSigner();
    published = [a];
    const donum = client();
    const tokens = await Promise.all(Array.from({ length: 8 }, () => decisionToken(a)));
    const results = await Promise.all(tokens.map((t) => donum.verifyDecision(t)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(jwksRequests).toBe(1);
  });

  it("fetches the set again once when a token names a key it does not hold: a rotation needs nothing from the node", async () => {
    const a = newSigner();
    const b = newSigner();
    published = [a];
    const donum = client();
    expect((await donum.verifyDecision(await decisionToken(a))).ok).toBe(true);
    expect(jwksRequests).toBe(1);

    // Donum rotates: b signs, a is still published as a previous key.
    published = [b, a];
    const v = await donum.verifyDecision(await decisionToken(b));
    expect(v.ok && v.header.kid).toBe(b.kid);
    expect(jwksRequests).toBe(2);
    // Both keys are now held: no further fetch for either.
    expect((await donum.verifyDecision(await decisionToken(a))).ok).toBe(true);
    expect((await donum.verifyDecision(await decisionToken(b))).ok).toBe(true);
    expect(jwksRequests).toBe(2);
  });

  it("fetches only once for a key that is not published at all, and answers UNKNOWN_KID", async () => {
    published = [newSigner()];
    const donum = client({ cooldownMs: 0 });
    await donum.jwks();
    expect(jwksRequests).toBe(1);
    const v = await donum.verifyDecision(await decisionToken(newSigner()));
    expect(v.ok ? "verified" : v.error.code).toBe("UNKNOWN_KID");
    expect(jwksRequests).toBe(2);
  });

  it("does not fetch again for unknown keys within the cool-down, so made-up key ids cannot make it fetch on every call", async () => {
    published = [newSigner()];
    const donum = client({ cooldownMs: 60_000 });
    await donum.jwks();
    for (let i = 0; i < 3; i++) {
      const v = await donum.verifyDecision(await decisionToken(newSigner()));
      expect(v.ok ? "verified" : v.error.code).toBe("UNKNOWN_KID");
    }
    expect(jwksRequests).toBe(2); // the first unknown key only
  });

  it("fetches the set again once its max-age (300 s) has passed", async () => {
    const a = newSigner();
    published = [a];
    let now = Date.now();
    const donum = client({ now: () => new Date(now) });
    expect((await donum.verifyDecision(await decisionToken(a))).ok).toBe(true);
    now += 299_000;
    expect((await donum.verifyDecision(await decisionToken(a))).ok).toBe(true);
    expect(jwksRequests).toBe(1);
    now += 2_000;
    expect((await donum.verifyDecision(await decisionToken(a))).ok).toBe(true);
    expect(jwksRequests).toBe(2);
  });

  it("does not cache a failed fetch", async () => {
    published = [];
    const donum = client();
    await expect(donum.jwks()).rejects.toMatchObject({ name: "DonumApiError", status: 503 }); // the stand-in has no key to publish
    const a = newSigner();
    published = [a];
    expect((await donum.verifyDecision(await decisionToken(a))).ok).toBe(true);
  });

  it("refuses a token issued by another Donum or to another node, even with a published key", async () => {
    const a = newSigner();
    published = [a];
    const donum = client();
    const other = await donum.verifyDecision(await decisionToken(a, { iss: "https://donum.example.eu" }));
    expect(other.ok ? "verified" : other.error.code).toBe("WRONG_ISSUER");
    const elsewhere = await donum.verifyDecision(await decisionToken(a, { aud: "another-node" }));
    expect(elsewhere.ok ? "verified" : elsewhere.error.code).toBe("WRONG_AUDIENCE");
  });
});

describe("DonumVerifier with a fixed JWK Set (offline)", () => {
  it("never fetches, and refuses a key the set does not hold", async () => {
    const a = newSigner();
    published = [a];
    const verifier = new DonumVerifier({ nodeId: NODE, issuer: baseUrl, keys: publishedJwks(a) });
    expect((await verifier.verifyDecision(await decisionToken(a))).ok).toBe(true);
    const v = await verifier.verifyDecision(await decisionToken(newSigner()));
    expect(v.ok ? "verified" : v.error.code).toBe("UNKNOWN_KID");
    expect(jwksRequests).toBe(0);
  });

  it("checks a stored decision as of the time of the release", async () => {
    const a = newSigner();
    const verifier = new DonumVerifier({ nodeId: NODE, keys: publishedJwks(a) });
    const token = await decisionToken(a);
    const later = new Date(Date.now() + 24 * 3600 * 1000);
    const expired = await verifier.verifyDecision(token, { now: later });
    expect(expired.ok ? "verified" : expired.error.code).toBe("EXPIRED");
    expect((await verifier.verifyDecision(token, { now: new Date() })).ok).toBe(true);
  });
});
