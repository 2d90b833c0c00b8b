/**
 * A STAND-IN FOR AWS KMS, NOT AN EMULATOR FROM AWS. No KMS emulator runs on this machine, so this
 * small HTTP server on loopback speaks the part of the KMS JSON protocol Donum uses
 * (POST /, Content-Type application/x-amz-json-1.1, X-Amz-Target TrentService.GetPublicKey and
 * TrentService.Sign) and answers with a REAL local P-256 key: GetPublicKey returns its SPKI DER
 * public key, Sign returns a DER ECDSA-Sig-Value over the 32-byte digest it is sent (MessageType
 * DIGEST) or over SHA-256 of the message (RAW, ≤ 4096 bytes), as KMS does.
 *
 * Signing a digest that is already hashed is something Node's crypto cannot do (sign() always
 * hashes), so the ECDSA signing equation is computed here with BigInt on the P-256 curve, with a
 * fresh random nonce per signature. The signatures are verified by Node's own crypto in the
 * tests; nothing here is used outside tests.
 *
 * Not checked: SigV4 signatures (only that the request carries one), grants, key policies.
 * Errors are answered as KMS answers them: HTTP 400 with {"__type": "<Name>Exception", "message"}.
 *
 *   const kms = await startKmsStandIn();        // kms.endpoint, kms.keyId, kms.keyArn, kms.alias
 *   kms.failNext("KMSInternalException", 500);  // the next Sign or GetPublicKey fails
 *   await kms.close();
 *
 * Run on its own (for a production-wiring test in another process):
 *   node --import tsx tests/support/kms-standin.ts   → prints {"endpoint","keyId","keyArn","alias"}
 */
import { createHash, createPublicKey, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// ---------------------------------------------------------------------------------------------
// ECDSA signing of a digest on P-256 (FIPS 186-5 §6.4.1), with BigInt

const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const GX = 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n;
const GY = 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n;

type Jacobian = { x: bigint; y: bigint; z: bigint } | null; // null: the point at infinity

const mod = (a: bigint, m: bigint) => ((a % m) + m) % m;

function inverse(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) throw new Error("not invertible");
  return mod(s0, m);
}

function double(p: Jacobian): Jacobian {
  if (!p || p.y === 0n) return null;
  // dbl-2001-b, for a = -3
  const delta = mod(p.z * p.z, P);
  const gamma = mod(p.y * p.y, P);
  const beta = mod(p.x * gamma, P);
  const alpha = mod(3n * (p.x - delta) * (p.x + delta), P);
  const x = mod(alpha * alpha - 8n * beta, P);
  const z = mod((p.y + p.z) ** 2n - gamma - delta, P);
  const y = mod(alpha * (4n * beta - x) - 8n * gamma * gamma, P);
  return { x, y, z };
}

function add(p: Jacobian, q: Jacobian): Jacobian {
  if (!p) return q;
  if (!q) return p;
  // add-2007-bl
  const z1z1 = mod(p.z * p.z, P);
  const z2z2 = mod(q.z * q.z, P);
  const u1 = mod(p.x * z2z2, P);
  const u2 = mod(q.x * z1z1, P);
  const s1 = mod(p.y * q.z * z2z2, P);
  const s2 = mod(q.y * p.z * z1z1, P);
  const h = mod(u2 - u1, P);
  const r = mod(2n * (s2 - s1), P);
  if (h === 0n) return r === 0n ? double(p) : null;
  const i = mod(4n * h * h, P);
  const j = mod(h * i, P);
  const v = mod(u1 * i, P);
  const x = mod(r * r - j - 2n * v, P);
  const y = mod(r * (v - x) - 2n * s1 * j, P);
  const z = mod(((p.z + q.z) ** 2n - z1z1 - z2z2) * h, P);
  return { x, y, z };
}

function multiplyG(k: bigint): bigint {
  let result: Jacobian = null;
  let addend: Jacobian = { x: GX, y: GY, z: 1n };
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) result = add(result, addend);
    addend = double(addend);
  }
  if (!result) throw new Error("k·G is the point at infinity");
  const zi = inverse(result.z, P);
  return mod(result.x * zi * zi, P); // affine x
}

const toBigInt = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).toString("hex") || "0"}`);

function derInteger(v: bigint): Buffer {
  let hex = v.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, "hex");
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
}

/** DER ECDSA-Sig-Value over a 32-byte digest with the private scalar d. */
export function signDigestP256(d: bigint, digest: Uint8Array): Buffer {
  if (digest.length !== 32) throw new Error("a P-256 digest is 32 bytes");
  const e = toBigInt(digest); // 256 bits: no truncation for P-256
  for (;;) {
    const k = mod(toBigInt(randomBytes(40)), N - 1n) + 1n;
    const r = mod(multiplyG(k), N);
    if (r === 0n) continue;
    const s = mod(inverse(k, N) * (e + r * d), N);
    if (s === 0n) continue;
    const body = Buffer.concat([derInteger(r), derInteger(s)]);
    return Buffer.concat([Buffer.from([0x30, body.length]), body]);
  }
}

// ---------------------------------------------------------------------------------------------
// The HTTP server

export interface KmsStandIn {
  /** http://127.0.0.1:<port> — give it to the KMS client as `endpoint`. */
  endpoint: string;
  /** The key id (a UUID), its ARN and an alias that names it; all three are accepted as KeyId. */
  keyId: string;
  keyArn: string;
  alias: string;
  region: string;
  /** The real local key behind the stand-in. */
  privateKey: KeyObject;
  /** Every request received: its target and parsed body. */
  requests: { target: string; body: Record<string, unknown>; headers: IncomingMessage["headers"] }[];
  /** The next request (of `target`, or any) is answered with this KMS error. */
  failNext(type: string, status?: number, target?: "Sign" | "GetPublicKey"): void;
  /** Replaces the DER signatures the stand-in returns (to test the adapter's checks); null restores. */
  tamperWith(fn: ((der: Buffer) => Buffer) | null): void;
  /** Another key on the same endpoint (a new generation for a rotation), named by id, ARN or `alias`. */
  addKey(alias: string, privateKey?: KeyObject): { keyId: string; keyArn: string; alias: string; privateKey: KeyObject };
  close(): Promise<void>;
}

export interface KmsStandInOptions {
  region?: string;
  account?: string;
  /** Answer GetPublicKey with this key spec (to test the adapter's refusal of other keys). */
  keySpec?: string;
  /** Use this key instead of a freshly generated one. */
  privateKey?: KeyObject;
}

export async function startKmsStandIn(options: KmsStandInOptions = {}): Promise<KmsStandIn> {
  const region = options.region ?? "eu-central-1";
  const account = options.account ?? "111122223333";
  type StandInKey = { keyId: string; keyArn: string; alias: string; privateKey: KeyObject; d: bigint; spki: Buffer };
  const keys = new Map<string, StandInKey>(); // by every name KMS accepts as KeyId
  const addKey = (keyId: string, alias: string, privateKey: KeyObject = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey): StandInKey => {
    const keyArn = `arn:aws:kms:${region}:${account}:key/${keyId}`;
    const key: StandInKey = {
      keyId,
      keyArn,
      alias,
      privateKey,
      d: toBigInt(Buffer.from(privateKey.export({ format: "jwk" }).d!, "base64url")),
      spki: createPublicKey(privateKey).export({ format: "der", type: "spki" }),
    };
    for (const name of [keyId, keyArn, alias, `arn:aws:kms:${region}:${account}:${alias}`]) keys.set(name, key);
    return key;
  };
  const first = addKey("1234abcd-12ab-34cd-56ef-1234567890ab", "alias/donum-signing", options.privateKey);
  const { privateKey, keyId, keyArn, alias } = first;

  const requests: KmsStandIn["requests"] = [];
  let failure: { type: string; status: number; target?: string } | null = null;
  let tamper: ((der: Buffer) => Buffer) | null = null;

  const answer = (res: ServerResponse, status: number, body: unknown, errorType?: string) => {
    res.writeHead(status, {
      "content-type": "application/x-amz-json-1.1",
      "x-amzn-requestid": randomBytes(16).toString("hex"),
      ...(errorType ? { "x-amzn-errortype": errorType } : {}),
    });
    res.end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, type: string, message: string, status = 400) => answer(res, status, { __type: type, message }, type);

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const target = String(req.headers["x-amz-target"] ?? "");
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
      } catch {
        return error(res, "SerializationException", "the body is not JSON");
      }
      requests.push({ target, body, headers: req.headers });
      if (req.method !== "POST" || !String(req.headers["content-type"] ?? "").startsWith("application/x-amz-json-1.1")) {
        return error(res, "UnknownOperationException", "POST application/x-amz-json-1.1 expected");
      }
      if (!String(req.headers.authorization ?? "").startsWith("AWS4-HMAC-SHA256 ")) {
        return error(res, "MissingAuthenticationTokenException", "the request is not signed", 403);
      }
      const op = target.replace(/^TrentService\./, "");
      if (failure && (!failure.target || failure.target === op)) {
        const f = failure;
        failure = null;
        return error(res, f.type, `stand-in: injected ${f.type}`, f.status);
      }
      const key = typeof body.KeyId === "string" ? keys.get(body.KeyId) : undefined;
      if (!key) return error(res, "NotFoundException", `Key '${String(body.KeyId)}' does not exist`);
      if (op === "GetPublicKey") {
        return answer(res, 200, {
          KeyId: key.keyArn,
          KeySpec: options.keySpec ?? "ECC_NIST_P256",
          CustomerMasterKeySpec: options.keySpec ?? "ECC_NIST_P256",
          KeyUsage: "SIGN_VERIFY",
          PublicKey: key.spki.toString("base64"),
          SigningAlgorithms: ["ECDSA_SHA_256"],
        });
      }
      if (op === "Sign") {
        if (body.SigningAlgorithm !== "ECDSA_SHA_256") {
          return error(res, "InvalidKeyUsageException", `SigningAlgorithm ${String(body.SigningAlgorithm)} is not valid for this key`);
        }
        const message = Buffer.from(String(body.Message ?? ""), "base64");
        const type = body.MessageType ?? "RAW";
        let digest: Buffer;
        if (type === "DIGEST") {
          if (message.length !== 32) return error(res, "ValidationException", "Digest is invalid length for algorithm ECDSA_SHA_256.");
          digest = message;
        } else if (type === "RAW") {
          if (message.length === 0 || message.length > 4096) {
            return error(res, "ValidationException", "1 validation error detected: Value at 'message' failed to satisfy constraint: Member must have length less than or equal to 4096");
          }
          digest = createHash("sha256").update(message).digest();
        } else {
          return error(res, "ValidationException", `MessageType ${String(type)} is not supported`);
        }
        const der = signDigestP256(key.d, digest);
        return answer(res, 200, { KeyId: key.keyArn, Signature: (tamper ? tamper(der) : der).toString("base64"), SigningAlgorithm: "ECDSA_SHA_256" });
      }
      return error(res, "UnknownOperationException", `the stand-in does not implement ${target}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    keyId,
    keyArn,
    alias,
    region,
    privateKey,
    requests,
    failNext(type, status = 400, target) {
      failure = { type, status, ...(target ? { target } : {}) };
    },
    addKey(newAlias, key) {
      const added = addKey(randomUUID(), newAlias, key);
      return { keyId: added.keyId, keyArn: added.keyArn, alias: added.alias, privateKey: added.privateKey };
    },
    tamperWith(fn) {
      tamper = fn;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

if (require.main === module) {
  void startKmsStandIn().then((kms) => {
    process.stdout.write(`${JSON.stringify({ endpoint: kms.endpoint, keyId: kms.keyId, keyArn: kms.keyArn, alias: kms.alias, region: kms.region })}\n`);
    const stop = () => void kms.close().then(() => process.exit(0));
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  });
}
