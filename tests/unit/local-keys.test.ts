import { createPublicKey, verify } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLocalSigner, ensureLocalKeyMaterial, PEPPER_FILE, SIGNING_KEY_FILE } from "../../lib/crypto/local-keys";

describe("local key material", () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), "donum-keys-")), "keys");
  });
  afterEach(() => rmSync(join(dir, ".."), { recursive: true, force: true }));

  it("creates a signing key and a pepper on first start, readable by the owner only", () => {
    const keys = ensureLocalKeyMaterial(dir);
    expect(keys.created).toEqual({ signingKey: true, pepper: true });
    expect(keys.pepper).toHaveLength(32);
    for (const f of [SIGNING_KEY_FILE, PEPPER_FILE]) expect(statSync(join(dir, f)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it("reuses them afterwards", () => {
    const first = ensureLocalKeyMaterial(dir);
    const second = ensureLocalKeyMaterial(dir);
    expect(second.created).toEqual({ signingKey: false, pepper: false });
    expect(second.pepper.equals(first.pepper)).toBe(true);
    expect(createLocalSigner(second.signingKey).kid).toBe(createLocalSigner(first.signingKey).kid);
  });

  it("refuses a key file that others can read", () => {
    ensureLocalKeyMaterial(dir);
    chmodSync(join(dir, SIGNING_KEY_FILE), 0o644);
    expect(() => ensureLocalKeyMaterial(dir)).toThrow(/readable by other users.*chmod 600/);
  });

  it("takes the pepper from configuration when given, and writes no pepper file", () => {
    const pepper = Buffer.alloc(32, 7).toString("base64");
    const keys = ensureLocalKeyMaterial(dir, { pepperBase64: pepper });
    expect(keys.pepper.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(() => readFileSync(join(dir, PEPPER_FILE))).toThrow();
  });

  it("signs ES256 (raw r‖s) verifiably with the published JWK", async () => {
    const signer = createLocalSigner(ensureLocalKeyMaterial(dir).signingKey);
    const data = Buffer.from("a decision");
    const signature = await signer.sign(data);
    expect(signature).toHaveLength(64);
    const publicKey = createPublicKey({ key: signer.publicJwk, format: "jwk" });
    expect(verify("sha256", data, { key: publicKey, dsaEncoding: "ieee-p1363" }, signature)).toBe(true);
    expect(verify("sha256", Buffer.from("another"), { key: publicKey, dsaEncoding: "ieee-p1363" }, signature)).toBe(false);
    expect(signer.publicJwk).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig", kid: signer.kid });
    expect(signer.publicJwk).not.toHaveProperty("d");
  });
});
