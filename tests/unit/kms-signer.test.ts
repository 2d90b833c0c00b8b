/**
 * The AWS KMS signer adapter (lib/crypto/kms-signer.ts).
 *
 * ┌──────────────────────────────────────────────────────────────────────────────────────────┐
 * │ NOT AWS KMS. No KMS emulator runs on this machine. These tests run the REAL AWS SDK client │
 * │ (@aws-sdk/client-kms, SigV4-signed requests with dummy credentials) against a STAND-IN    │
 * │ (tests/support/kms-standin.ts): a loopback HTTP server that speaks the KMS JSON protocol   │
 * │ for GetPublicKey and Sign and answers with a REAL local P-256 key (SPKI public key, DER   │
 * │ ECDSA signatures over the digest it is sent). Signatures are checked with Node's crypto.  │
 * │ What real KMS adds — IAM, key policies, SigV4 validation, quotas — is not exercised here.  │
 * └──────────────────────────────────────────────────────────────────────────────────────────┘
 */
import { KMSClient } from "@aws-sdk/client-kms";
import { createPublicKey, generateKeyPairSync, randomBytes, sign, verify } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "../../lib/config";
import { publishedJwks } from "../../lib/crypto/jwks";
import { signCompactJws, verifyCompactJws } from "../../lib/crypto/jws";
import { createKmsSigner, derEcdsaToJose, KmsSignerError, spkiToSigningJwk, type KmsSigner } from "../../lib/crypto/kms-signer";
import { jwkThumbprint, SIGNING_KEY_FILE } from "../../lib/crypto/local-keys";
import { openKeyring } from "../../lib/crypto/open-keyring";
import { createLogger } from "../../lib/log";
import { startKmsStandIn, type KmsStandIn } from "../support/kms-standin";

jest.setTimeout(30_000);

let kms: KmsStandIn;
let client: KMSClient;
let signer: KmsSigner;

const clientFor = (stand: KmsStandIn, maxAttempts = 1) =>
  new KMSClient({
    region: stand.region,
    endpoint: stand.endpoint,
    credentials: { accessKeyId: "AKIDSTANDIN", secretAccessKey: "stand-in-secret" },
    maxAttempts,
  });

beforeAll(async () => {
  kms = await startKmsStandIn();
  client = clientFor(kms);
  signer = await createKmsSigner({ client, keyId: kms.alias });
});
afterAll(async () => {
  client.destroy();
  await kms.close();
});
beforeEach(() => {
  kms.requests.length = 0;
  kms.tamperWith(null);
});

const verifiesWithJwk = (data: Uint8Array, signature: Uint8Array, jwk: object) =>
  verify("sha256", data, { key: createPublicKey({ key: jwk as never, format: "jwk" }), dsaEncoding: "ieee-p1363" }, signature);

describe("KMS signer against the stand-in (real SDK client, real local P-256 key)", () => {
  it("publishes the KMS key's public key as a JWK whose kid is its RFC 7638 thumbprint", () => {
    const real = createPublicKey(kms.privateKey).export({ format: "jwk" });
    expect(signer.publicJwk).toEqual({ kty: "EC", crv: "P-256", x: real.x, y: real.y, kid: jwkThumbprint(real), alg: "ES256", use: "sig" });
    expect(signer.kid).toBe(signer.publicJwk.kid);
    expect(signer.alg).toBe("ES256");
  });

  it("has a stable kid, whichever name of the key is configured; signs with the resolved key ARN", async () => {
    for (const keyId of [kms.keyId, kms.keyArn, kms.alias]) {
      const again = await createKmsSigner({ client, keyId });
      expect(again.kid).toBe(signer.kid);
      expect(again.keyArn).toBe(kms.keyArn);
    }
  });

  it("signs: 64 bytes r‖s that Node's crypto verifies with the published JWK", async () => {
    const data = Buffer.from("eyJhbGciOiJFUzI1NiJ9.eyJkZWNpc2lvbiI6IlBFUk1JVCJ9", "ascii");
    const signature = await signer.sign(data);
    expect(signature).toHaveLength(64);
    expect(verifiesWithJwk(data, signature, signer.publicJwk)).toBe(true);
    expect(verifiesWithJwk(Buffer.from("something else"), signature, signer.publicJwk)).toBe(false);
  });

  it("sends KMS the SHA-256 digest (MessageType DIGEST, ECDSA_SHA_256), so inputs beyond 4 KiB sign too", async () => {
    const big = randomBytes(256 * 1024);
    const signature = await signer.sign(big);
    expect(verifiesWithJwk(big, signature, signer.publicJwk)).toBe(true);
    expect(kms.requests).toHaveLength(1);
    const [req] = kms.requests;
    expect(req!.target).toBe("TrentService.Sign");
    expect(req!.headers["content-type"]).toMatch(/^application\/x-amz-json-1\.1/);
    expect(req!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDSTANDIN\//);
    expect(req!.body).toMatchObject({ KeyId: kms.keyArn, MessageType: "DIGEST", SigningAlgorithm: "ECDSA_SHA_256" });
    expect(Buffer.from(String(req!.body.Message), "base64")).toHaveLength(32);
  });

  it("signs compact JWS that the strict verifier accepts against the published JWK Set", async () => {
    const jws = await signCompactJws(signer, { decision: "PERMIT", items: "x".repeat(10_000) }, { typ: "consent-decision+jwt" });
    const v = verifyCompactJws(jws, publishedJwks(signer), { typ: "consent-decision+jwt" });
    expect(v).toMatchObject({ ok: true, header: { alg: "ES256", kid: signer.kid } });
  });

  it("every signature of many verifies (DER integers of 31, 32 and 33 bytes all convert)", async () => {
    const data = Buffer.from("the same input");
    const signatures = await Promise.all(Array.from({ length: 40 }, () => signer.sign(data)));
    for (const s of signatures) expect(verifiesWithJwk(data, s, signer.publicJwk)).toBe(true);
    expect(new Set(signatures.map((s) => Buffer.from(s).toString("hex"))).size).toBe(40); // fresh nonce each time
  });

  it.each([
    ["DisabledException", 400],
    ["KMSInvalidStateException", 400],
    ["AccessDeniedException", 400],
    ["KMSInternalException", 500],
  ])("a KMS %s surfaces as an error, never as a signature", async (type, status) => {
    kms.failNext(type, status, "Sign");
    const failed = signer.sign(Buffer.from("x"));
    await expect(failed).rejects.toBeInstanceOf(KmsSignerError);
    await expect(signer.sign(Buffer.from("x"))).resolves.toHaveLength(64); // and nothing sticks
    kms.failNext(type, status, "Sign");
    await expect(signer.sign(Buffer.from("x"))).rejects.toThrow(new RegExp(`AWS KMS Sign failed for key ${kms.keyArn}: ${type}`));
  });

  it("refuses a signature that does not verify with the published key, or is not DER", async () => {
    const other = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
    kms.tamperWith(() => sign("sha256", Buffer.from("x"), other));
    await expect(signer.sign(Buffer.from("x"))).rejects.toThrow(/does not verify with the published key/);
    kms.tamperWith((der) => Buffer.concat([der, Buffer.from([0])]));
    await expect(signer.sign(Buffer.from("x"))).rejects.toThrow(/DER signature/);
    kms.tamperWith(() => Buffer.alloc(0));
    await expect(signer.sign(Buffer.from("x"))).rejects.toBeInstanceOf(KmsSignerError);
  });

  it("refuses to start when the key cannot be read or is not an ECC_NIST_P256 signing key", async () => {
    await expect(createKmsSigner({ client, keyId: "alias/unknown" })).rejects.toThrow(/GetPublicKey failed for key alias\/unknown: NotFoundException/);
    const rsa = await startKmsStandIn({ keySpec: "RSA_2048" });
    const rsaClient = clientFor(rsa);
    try {
      await expect(createKmsSigner({ client: rsaClient, keyId: rsa.keyId })).rejects.toThrow(/key spec RSA_2048; ECC_NIST_P256 is required/);
    } finally {
      rsaClient.destroy();
      await rsa.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------

/** DER INTEGER of a big-endian unsigned value, with the 0x00 a set high bit needs. */
function derInt(value: Buffer): Buffer {
  let v = value;
  while (v.length > 1 && v[0] === 0) v = v.subarray(1);
  if (v[0]! & 0x80) v = Buffer.concat([Buffer.from([0]), v]);
  return Buffer.concat([Buffer.from([0x02, v.length]), v]);
}
const seq = (...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
};
const hex = (h: string) => Buffer.from(h.replace(/\s/g, ""), "hex");
const pad32 = (b: Buffer) => Buffer.concat([Buffer.alloc(32 - b.length), b]);

describe("DER → JOSE (raw r‖s) conversion", () => {
  const r32 = hex("7f".padEnd(64, "1"));
  const high = hex("ff".padEnd(64, "2")); // high bit set: 33-byte DER INTEGER with a leading 0x00
  const leadingZeros = hex("00002b".padEnd(64, "3")); // value needs only 30 bytes: a 30-byte INTEGER
  const shortHigh = hex("0000ab".padEnd(64, "4")); // 30 bytes with the high bit set: 0x00 + 30 bytes
  const one = hex("01");

  it.each<[string, Buffer, Buffer, Buffer]>([
    ["32-byte r and s", seq(derInt(r32), derInt(r32)), r32, r32],
    ["r with its high bit set (33-byte INTEGER)", seq(derInt(high), derInt(r32)), high, r32],
    ["s with its high bit set (33-byte INTEGER)", seq(derInt(r32), derInt(high)), r32, high],
    ["both with the high bit set (70-byte sequence)", seq(derInt(high), derInt(high)), high, high],
    ["r with leading zero bytes (a 30-byte INTEGER)", seq(derInt(leadingZeros), derInt(high)), pad32(leadingZeros.subarray(2)), high],
    ["s with leading zero bytes", seq(derInt(high), derInt(leadingZeros)), high, pad32(leadingZeros.subarray(2))],
    ["r short AND with its high bit set (31-byte INTEGER: 0x00 + 30 bytes)", seq(derInt(shortHigh), derInt(r32)), pad32(shortHigh.subarray(2)), r32],
    ["r = 1 and s = 1 (1-byte INTEGERs)", seq(derInt(one), derInt(one)), pad32(one), pad32(one)],
  ])("%s", (_what, der, r, s) => {
    expect(derEcdsaToJose(der).toString("hex")).toBe(Buffer.concat([pad32(r), pad32(s)]).toString("hex"));
  });

  it("checks the DER lengths it was built from", () => {
    expect(derInt(high)).toHaveLength(2 + 33);
    expect(derInt(leadingZeros)).toHaveLength(2 + 30);
    expect(derInt(shortHigh)).toHaveLength(2 + 31);
  });

  const good = seq(derInt(r32), derInt(high));
  it.each<[string, Buffer]>([
    ["not a SEQUENCE", Buffer.concat([Buffer.from([0x31]), good.subarray(1)])],
    ["a long-form length", Buffer.concat([Buffer.from([0x30, 0x81, good.length - 2]), good.subarray(2)])],
    ["a SEQUENCE length that does not match", Buffer.concat([Buffer.from([0x30, good.length - 1]), good.subarray(2)])],
    ["bytes after the sequence", Buffer.concat([good, Buffer.from([0])])],
    ["a truncated INTEGER", seq(derInt(r32), hex("0221 00ff"))],
    ["something other than an INTEGER", seq(hex("0320").subarray(0, 1), derInt(r32).subarray(1), derInt(r32))],
    ["a negative INTEGER (high bit without 0x00)", seq(Buffer.concat([Buffer.from([0x02, 32]), high]), derInt(r32))],
    ["a superfluous leading zero", seq(Buffer.concat([Buffer.from([0x02, 33, 0]), r32]), derInt(r32))],
    ["an INTEGER longer than 32 bytes", seq(derInt(Buffer.concat([Buffer.from([1]), r32])), derInt(r32))],
    ["r = 0", seq(hex("020100"), derInt(r32))],
    ["a third INTEGER", seq(derInt(one), derInt(one), derInt(one))],
    ["too short to be a signature", hex("3000")],
  ])("refuses %s", (_what, der) => {
    expect(() => derEcdsaToJose(der)).toThrow(KmsSignerError);
  });

  it("agrees with Node's own DER and P1363 encodings, including signatures whose r or s is short", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    let short = 0;
    let n = 0;
    // About 1 signature in 128 has an r or s below 2^248 (a DER INTEGER of 31 bytes or fewer).
    for (; n < 50_000 && (n < 300 || short < 3); n++) {
      const data = randomBytes(16);
      const der = sign("sha256", data, { key: privateKey, dsaEncoding: "der" });
      if (der[3]! < 32 || der[5 + der[3]!]! < 32) short++;
      const raw = derEcdsaToJose(der);
      expect(raw).toHaveLength(64);
      expect(verify("sha256", data, { key: publicKey, dsaEncoding: "ieee-p1363" }, raw)).toBe(true);
    }
    expect(short).toBeGreaterThanOrEqual(3);
  });

  it("reads a P-256 SPKI public key and refuses another curve", () => {
    const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const { jwk } = spkiToSigningJwk(publicKey.export({ format: "der", type: "spki" }));
    expect(jwk.kid).toBe(jwkThumbprint(publicKey.export({ format: "jwk" })));
    const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" }).publicKey.export({ format: "der", type: "spki" });
    expect(() => spkiToSigningJwk(p384)).toThrow(/not a P-256 key/);
    expect(() => spkiToSigningJwk(Buffer.from("garbage"))).toThrow(/not an SPKI DER key/);
  });
});

// ---------------------------------------------------------------------------------------------

describe("configuration and wiring (DONUM_SIGNER=kms)", () => {
  const region = "eu-central-1";

  it("selects KMS from configuration alone, and needs the key id and the region", () => {
    expect(parseConfig({}).signer).toEqual({ kind: "local" });
    expect(parseConfig({ DONUM_SIGNER: "kms", DONUM_KMS_KEY_ID: "alias/donum-signing", AWS_REGION: region }).signer).toEqual({
      kind: "kms",
      keyId: "alias/donum-signing",
      region,
      endpoint: null,
    });
    const problems = (env: Record<string, string>) => {
      try {
        parseConfig(env);
        return [];
      } catch (e) {
        return (e as { problems: { variable: string; expected: string }[] }).problems.map((p) => `${p.variable}: ${p.expected}`);
      }
    };
    expect(problems({ DONUM_SIGNER: "kms" })).toEqual(["DONUM_KMS_KEY_ID: required when DONUM_SIGNER=kms", "AWS_REGION: required when DONUM_SIGNER=kms"]);
    expect(problems({ DONUM_SIGNER: "hsm" })[0]).toMatch(/^DONUM_SIGNER: one of "local", "kms"/);
    expect(problems({ DONUM_SIGNER: "kms", DONUM_KMS_KEY_ID: "not a key", AWS_REGION: region })[0]).toMatch(/^DONUM_KMS_KEY_ID: a KMS key id/);
    expect(problems({ DONUM_KMS_KEY_ID: "alias/x" })[0]).toMatch(/^DONUM_KMS_KEY_ID: set DONUM_SIGNER=kms/);
    for (const keyId of [
      "1234abcd-12ab-34cd-56ef-1234567890ab",
      "mrk-1234abcd12ab34cd56ef1234567890ab",
      "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      "arn:aws:kms:eu-central-1:111122223333:alias/donum-signing",
    ]) {
      expect(problems({ DONUM_SIGNER: "kms", DONUM_KMS_KEY_ID: keyId, AWS_REGION: region })).toEqual([]);
    }
  });

  it("the keyring signs through KMS and writes no local signing key", async () => {
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    // The default credential chain of the SDK, as in a deployment; dummy values for the stand-in.
    process.env.AWS_ACCESS_KEY_ID = "AKIDSTANDIN";
    process.env.AWS_SECRET_ACCESS_KEY = "stand-in-secret";
    const dir = mkdtempSync(join(tmpdir(), "donum-kms-"));
    try {
      const config = parseConfig({ DONUM_DATA_DIR: dir, DONUM_SIGNER: "kms", DONUM_KMS_KEY_ID: kms.alias, DONUM_KMS_ENDPOINT: kms.endpoint, AWS_REGION: region });
      if (config.signer.kind !== "kms") throw new Error("expected the KMS signer");
      const logs: string[] = [];
      const keyring = await openKeyring(config.signer, config.keys.dir, createLogger("info", (l) => logs.push(l)));
      expect(keyring.kind).toBe("kms");
      expect(keyring.signer().kid).toBe(signer.kid);
      expect(keyring.jwks().keys.map((k) => k.kid)).toEqual([signer.kid]);
      const jws = await signCompactJws(keyring.signer(), { hello: "kms" }, { typ: "consent-receipt+jwt" });
      expect(verifyCompactJws(jws, keyring.jwks()).ok).toBe(true);
      expect(existsSync(join(config.keys.dir, SIGNING_KEY_FILE))).toBe(false);
      expect(logs.join("\n")).toContain(kms.keyArn);
    } finally {
      process.env.AWS_ACCESS_KEY_ID = saved.id;
      process.env.AWS_SECRET_ACCESS_KEY = saved.secret;
      if (saved.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
      if (saved.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
