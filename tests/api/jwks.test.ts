/** GET /.well-known/jwks.json over HTTP, against the running portal. */
import { verifyCompactJws } from "../../lib/crypto/jws";

const base = () => {
  const url = process.env.DONUM_TEST_BASE_URL;
  if (!url) throw new Error("DONUM_TEST_BASE_URL is not set: the app-server globalSetup did not run");
  return url;
};

describe("GET /.well-known/jwks.json", () => {
  it("publishes the signing key as a JWK Set, cacheable for five minutes", async () => {
    const res = await fetch(`${base()}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/jwk-set+json");
    const cacheControl = res.headers.get("cache-control") ?? "";
    expect(cacheControl).toContain("public");
    expect(cacheControl).toContain("max-age=300");
    const jwks = await res.json();
    expect(Object.keys(jwks)).toEqual(["keys"]);
    expect(jwks.keys.length).toBeGreaterThanOrEqual(1);
    expect(jwks.keys[0]).toEqual({
      kty: "EC",
      crv: "P-256",
      x: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      y: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      kid: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      alg: "ES256",
      use: "sig",
    });
  });

  it("names the key /api/health reports in use", async () => {
    const [jwks, health] = await Promise.all([
      fetch(`${base()}/.well-known/jwks.json`).then((r) => r.json()),
      fetch(`${base()}/api/health`).then((r) => r.json()),
    ]);
    expect(jwks.keys[0].kid).toBe(health.keys.signing.kid);
  });

  it("contains no private key material", async () => {
    const text = await (await fetch(`${base()}/.well-known/jwks.json`)).text();
    const jwks = JSON.parse(text);
    for (const key of jwks.keys) {
      for (const secret of ["d", "p", "q", "dp", "dq", "qi", "oth", "k"]) expect(key).not.toHaveProperty(secret);
    }
    expect(text).not.toMatch(/"d"\s*:/);
  });

  it("is a key set the generic verifier reads (an unknown kid is refused, not crashed on)", async () => {
    const jwks = await (await fetch(`${base()}/.well-known/jwks.json`)).json();
    const header = Buffer.from(JSON.stringify({ alg: "ES256", kid: "nope" })).toString("base64url");
    const v = verifyCompactJws(`${header}.${Buffer.from("{}").toString("base64url")}.${"A".repeat(86)}`, jwks);
    expect(v.ok || v.error.code).toBe("UNKNOWN_KID");
  });
});
