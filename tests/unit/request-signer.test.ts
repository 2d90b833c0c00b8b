/**
 * The node's request signer (lib/client/request-signer.ts): the token's shape, signatures that
 * WebCrypto alone verifies (ES256 and EdDSA), the path, body and audience as signed, and the
 * refusals at construction.
 */
import { createRequestSigner, bodyDigest, normaliseRequestPath, NODE_AUTH_SCHEME } from "../../lib/client/request-signer";
import { generateNodeKey, nodeKeyThumbprint, type GeneratedNodeKey } from "../../lib/nodes/keys";
import { T0 } from "../support/fixtures";

const AUD = "https://donum.example.eu";
const EMPTY_SHA256 = "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU";

const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;

function split(authorization: string): { header: Record<string, unknown>; claims: Record<string, unknown>; parts: [string, string, string] } {
  expect(authorization.startsWith(`${NODE_AUTH_SCHEME} `)).toBe(true);
  const parts = authorization.slice(NODE_AUTH_SCHEME.length + 1).split(".") as [string, string, string];
  expect(parts).toHaveLength(3);
  for (const p of parts) expect(p).toMatch(/^[A-Za-z0-9_-]+$/);
  return { header: decode(parts[0]), claims: decode(parts[1]), parts };
}

async function webCryptoVerifies(key: GeneratedNodeKey, parts: [string, string, string]): Promise<boolean> {
  const algorithm = key.alg === "ES256" ? { name: "ECDSA", namedCurve: "P-256" } : { name: "Ed25519" };
  const publicKey = await crypto.subtle.importKey("jwk", key.publicJwk, algorithm, false, ["verify"]);
  const params = key.alg === "ES256" ? { name: "ECDSA", hash: "SHA-256" } : { name: "Ed25519" };
  return crypto.subtle.verify(params, publicKey, Buffer.from(parts[2], "base64url"), Buffer.from(`${parts[0]}.${parts[1]}`));
}

describe.each(["ES256", "EdDSA"] as const)("%s", (alg) => {
  const key = generateNodeKey(alg);
  const signer = createRequestSigner({ nodeId: "uz-leuven", privateJwk: key.privateJwk, audience: AUD });

  it("signs a token WebCrypto verifies with the public key alone", async () => {
    const { parts } = split(signer.sign({ method: "POST", path: "/api/v1/decisions", body: "{}" }));
    await expect(webCryptoVerifies(key, parts)).resolves.toBe(true);
    const tampered: [string, string, string] = [parts[0], parts[1].slice(0, -2) + (parts[1].endsWith("A") ? "BA" : "AA"), parts[2]];
    await expect(webCryptoVerifies(key, tampered)).resolves.toBe(false);
  });

  it("has the header and claims of ADR 0005", () => {
    const body = JSON.stringify({ subject: "x" });
    const { header, claims } = split(signer.sign({ method: "post", path: "/api/v1/decisions?dry=1", body, now: T0 }));
    expect(header).toEqual({ alg, kid: key.kid, typ: "donum-node-request+jwt" });
    const iat = T0.getTime() / 1000;
    expect(claims).toEqual({ iss: "uz-leuven", aud: AUD, htm: "POST", htu: "/api/v1/decisions?dry=1", bdh: bodyDigest(body), iat, exp: iat + 60, jti: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(signer).toMatchObject({ nodeId: "uz-leuven", kid: key.kid, alg, audience: AUD });
  });
});

describe("claims", () => {
  const key = generateNodeKey("ES256");
  const signer = createRequestSigner({ nodeId: "n-1", privateJwk: key.privateJwk, audience: `${AUD}/` });

  it("a fresh jti for every request", () => {
    const jtis = new Set(Array.from({ length: 50 }, () => signer.token({ method: "GET", path: "/x" }).claims.jti));
    expect(jtis.size).toBe(50);
  });

  it("iat in whole seconds from `now`, or the current time", () => {
    expect(signer.token({ method: "GET", path: "/x", now: new Date(T0.getTime() + 999) }).claims.iat).toBe(T0.getTime() / 1000);
    const before = Math.floor(Date.now() / 1000);
    const { iat } = signer.token({ method: "GET", path: "/x" }).claims;
    expect(iat).toBeGreaterThanOrEqual(before);
    expect(iat).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it("the audience without its trailing slash", () => {
    expect(signer.token({ method: "GET", path: "/x" }).claims.aud).toBe(AUD);
  });

  it("a shorter lifetime when asked; never more than 60 s", () => {
    const short = createRequestSigner({ nodeId: "n-1", privateJwk: key.privateJwk, audience: AUD, lifetimeSeconds: 15 });
    const { iat, exp } = short.token({ method: "GET", path: "/x", now: T0 }).claims;
    expect(exp - iat).toBe(15);
    for (const lifetimeSeconds of [61, 0, -1, 1.5, 3600]) {
      expect(() => createRequestSigner({ nodeId: "n-1", privateJwk: key.privateJwk, audience: AUD, lifetimeSeconds })).toThrow(RangeError);
    }
  });

  it("the digest of the exact body bytes: a string as UTF-8, bytes as they are, none as the empty string", () => {
    const text = '{"name":"Zoë"}';
    expect(signer.token({ method: "POST", path: "/x", body: text }).claims.bdh).toBe(signer.token({ method: "POST", path: "/x", body: new TextEncoder().encode(text) }).claims.bdh);
    expect(signer.token({ method: "GET", path: "/x" }).claims.bdh).toBe(EMPTY_SHA256);
    expect(bodyDigest("")).toBe(EMPTY_SHA256);
    expect(bodyDigest(new Uint8Array(0))).toBe(EMPTY_SHA256);
  });
});

describe("paths", () => {
  it.each([
    ["/api/v1/feed?cursor=abc&limit=10", "/api/v1/feed?cursor=abc&limit=10"],
    ["/api/v1/a b", "/api/v1/a%20b"],
    ["/api/v1/x?q=é", "/api/v1/x?q=%C3%A9"],
    ["/api/v1/x#fragment", "/api/v1/x"],
    ["/api/v1/./x/../y", "/api/v1/y"],
    ["/", "/"],
  ])("signs %s as %s (what fetch sends and the server reads)", (given, signed) => {
    expect(normaliseRequestPath(given)).toBe(signed);
  });

  it.each(["api/v1/x", "https://donum.example.eu/api/v1/x", "//evil.example/x", ""])("refuses %s", (path) => {
    expect(() => normaliseRequestPath(path)).toThrow(TypeError);
  });
});

describe("keys", () => {
  it("the kid: given, else the JWK's own, else the RFC 7638 thumbprint", () => {
    const key = generateNodeKey("EdDSA");
    const { kid: _drop, ...withoutKid } = key.privateJwk;
    expect(createRequestSigner({ nodeId: "n-1", privateJwk: withoutKid, audience: AUD }).kid).toBe(nodeKeyThumbprint(key.publicJwk));
    expect(createRequestSigner({ nodeId: "n-1", privateJwk: { ...withoutKid, kid: "from-file" }, audience: AUD }).kid).toBe("from-file");
    expect(createRequestSigner({ nodeId: "n-1", privateJwk: { ...withoutKid, kid: "from-file" }, audience: AUD, kid: "given" }).kid).toBe("given");
  });

  it("refuses a public key, a wrong key type, a missing node id or an audience that is not a URL", () => {
    const key = generateNodeKey("ES256");
    expect(() => createRequestSigner({ nodeId: "n-1", privateJwk: key.publicJwk, audience: AUD })).toThrow(/no "d"/);
    expect(() => createRequestSigner({ nodeId: "n-1", privateJwk: { kty: "oct", k: "c2VjcmV0" }, audience: AUD })).toThrow(TypeError);
    expect(() => createRequestSigner({ nodeId: "", privateJwk: key.privateJwk, audience: AUD })).toThrow(/nodeId/);
    expect(() => createRequestSigner({ nodeId: "n-1", privateJwk: key.privateJwk, audience: "donum.example.eu" })).toThrow(/audience/);
  });
});
