/**
 * Node request authentication (ADR 0005), table-driven: every refusal code, in the documented
 * order; the clock-skew edges; the 60-second ceiling; ES256 and EdDSA; "none" and HMAC refused;
 * another node's key and a retired key refused; the query string covered by htu; replay last.
 *
 * The node and replay stores are small in-memory stand-ins with the ports' semantics (the real
 * adapters pass the contract suite); everything else is the code that runs in the portal.
 */
import { createHmac, createPrivateKey, randomUUID, sign } from "node:crypto";
import { createRequestSigner, type RequestSigner } from "../../lib/client/request-signer";
import { generateNodeKey, type GeneratedNodeKey } from "../../lib/nodes/keys";
import type { ImagingNode } from "../../lib/nodes/node";
import { bodyDigest } from "../../lib/nodes/protocol";
import { authenticateNodeRequest, claimedNodeId, NodeAuthError, NODE_AUTH_CODES, type NodeRequestAuthInput } from "../../lib/nodes/request-auth";
import type { ReplayStore } from "../../lib/store/ports";
import { T0 } from "../support/fixtures";

const AUD = "https://donum.example.eu";
const PATH = "/api/v1/decisions?mode=single";
const BODY = JSON.stringify({ subject: "x", purpose: "HMB" });

class MemoryReplays implements ReplayStore {
  readonly seen = new Map<string, number>();
  async remember(id: string, expiresAt: Date, now: Date): Promise<boolean> {
    const until = this.seen.get(id);
    if (until !== undefined && until > now.getTime()) return false;
    this.seen.set(id, expiresAt.getTime());
    return true;
  }
}

function nodeWith(id: string, keys: { key: GeneratedNodeKey; status?: "active" | "retired"; retiresAt?: string }[], status: ImagingNode["status"] = "active"): ImagingNode {
  return {
    id,
    organisation: `Hospital ${id}`,
    country: "BE",
    organisationType: "public",
    status,
    keys: keys.map(({ key, status: s, retiresAt }) => ({ kid: key.kid, jwk: key.publicJwk, status: s ?? "active", addedAt: T0.toISOString(), ...(retiresAt ? { retiresAt } : {}) })),
    version: 1,
    createdAt: T0.toISOString(),
    updatedAt: T0.toISOString(),
  };
}

const es = generateNodeKey("ES256");
const ed = generateNodeKey("EdDSA");
const otherNodeKey = generateNodeKey("ES256");
const retired = generateNodeKey("ES256");
const graceOver = generateNodeKey("ES256");
const inGrace = generateNodeKey("EdDSA");
const suspendedKey = generateNodeKey("ES256");

const NODES = new Map<string, ImagingNode>([
  [
    "node-a",
    nodeWith("node-a", [
      { key: es },
      { key: ed },
      { key: retired, status: "retired" },
      { key: graceOver, retiresAt: new Date(T0.getTime() - 1000).toISOString() },
      { key: inGrace, retiresAt: new Date(T0.getTime() + 3_600_000).toISOString() },
    ]),
  ],
  ["node-b", nodeWith("node-b", [{ key: otherNodeKey }])],
  ["node-off", nodeWith("node-off", [{ key: suspendedKey }], "suspended")],
]);
const nodes = { get: async (id: string) => NODES.get(id) ?? null };

const signerFor = (key: GeneratedNodeKey, nodeId = "node-a", options: { audience?: string; lifetimeSeconds?: number; kid?: string } = {}): RequestSigner =>
  createRequestSigner({ nodeId, privateJwk: key.privateJwk, audience: options.audience ?? AUD, ...(options.lifetimeSeconds ? { lifetimeSeconds: options.lifetimeSeconds } : {}), ...(options.kid ? { kid: options.kid } : {}) });

let replays: MemoryReplays;
beforeEach(() => {
  replays = new MemoryReplays();
});

interface Req {
  method?: string;
  path?: string;
  body?: string;
  authorization: string | null;
  now?: Date;
}

function input(r: Req): NodeRequestAuthInput {
  return {
    method: r.method ?? "POST",
    path: r.path ?? PATH,
    authorization: r.authorization,
    body: Buffer.from(r.body ?? BODY, "utf8"),
    now: r.now ?? T0,
    audience: AUD,
    nodes,
    replays,
  };
}

async function outcome(r: Req): Promise<string> {
  try {
    const { node } = await authenticateNodeRequest(input(r));
    return `OK ${node.id}`;
  } catch (e) {
    if (e instanceof NodeAuthError) return e.code;
    throw e;
  }
}

const signed = (signer: RequestSigner = signerFor(es), over: { method?: string; path?: string; body?: string; now?: Date } = {}) =>
  signer.sign({ method: over.method ?? "POST", path: over.path ?? PATH, body: over.body ?? BODY, now: over.now ?? T0 });

const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v), "utf8").toString("base64url");
const partsOf = (authorization: string) => authorization.slice("DonumNode ".length).split(".") as [string, string, string];
const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;

/** A token signed properly by `key` over any header and claims (for refusals past the signature). */
function forge(key: GeneratedNodeKey, header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const signer = signerFor(key);
  const base = partsOf(signer.sign({ method: "POST", path: PATH, body: BODY, now: T0 }));
  const baseClaims = decode(base[1]);
  const h = b64({ alg: key.alg, kid: key.kid, typ: "donum-node-request+jwt", ...header });
  const p = b64({ ...baseClaims, ...claims });
  const keyObject = createPrivateKey({ key: key.privateJwk, format: "jwk" });
  const data = Buffer.from(`${h}.${p}`);
  const sig = key.alg === "ES256" ? sign("sha256", data, { key: keyObject, dsaEncoding: "ieee-p1363" }) : sign(null, data, keyObject);
  return `DonumNode ${h}.${p}.${sig.toString("base64url")}`;
}

describe("accepted", () => {
  it.each([
    ["ES256", es],
    ["EdDSA", ed],
    ["a key in its grace period", inGrace],
  ])("a request signed with %s", async (_what, key) => {
    await expect(outcome({ authorization: signed(signerFor(key)) })).resolves.toBe("OK node-a");
  });

  it("answers the node, the key and the claims", async () => {
    const result = await authenticateNodeRequest(input({ authorization: signed() }));
    expect(result.node.id).toBe("node-a");
    expect(result.kid).toBe(es.kid);
    expect(result.claims).toMatchObject({ iss: "node-a", aud: AUD, htm: "POST", htu: PATH, bdh: bodyDigest(BODY), iat: T0.getTime() / 1000, exp: T0.getTime() / 1000 + 60 });
  });

  it("a GET with no body (the digest of the empty string), the scheme in any case", async () => {
    const auth = signerFor(es).sign({ method: "get", path: "/api/v1/whoami", now: T0 });
    await expect(outcome({ method: "GET", path: "/api/v1/whoami", body: "", authorization: auth.replace("DonumNode", "donumnode") })).resolves.toBe("OK node-a");
  });

  it("an audience given with a trailing slash", async () => {
    await expect(outcome({ authorization: signed(signerFor(es, "node-a", { audience: `${AUD}/` })) })).resolves.toBe("OK node-a");
  });
});

describe("each refusal has its own code", () => {
  const cases: [string, () => Req | Promise<Req>, string][] = [
    ["no Authorization header", () => ({ authorization: null }), "NODE_AUTH_MISSING"],
    ["an empty header", () => ({ authorization: "  " }), "NODE_AUTH_MISSING"],
    ["another scheme", () => ({ authorization: signed().replace("DonumNode", "Bearer") }), "NODE_AUTH_MISSING"],
    ["the scheme alone", () => ({ authorization: "DonumNode" }), "NODE_AUTH_MISSING"],
    ["not three parts", () => ({ authorization: "DonumNode abc.def" }), "NODE_AUTH_MISSING"],
    ["a header that is not JSON", () => ({ authorization: `DonumNode ${b64("nope")}.${partsOf(signed())[1]}.${partsOf(signed())[2]}` }), "NODE_AUTH_MISSING"],
    ["padded base64", () => ({ authorization: `DonumNode ${partsOf(signed())[0]}=.${partsOf(signed())[1]}.${partsOf(signed())[2]}` }), "NODE_AUTH_MISSING"],
    ["another typ", () => ({ authorization: forge(es, { typ: "JWT" }, {}) }), "NODE_AUTH_MISSING"],
    ["no kid", () => ({ authorization: forge(es, { kid: undefined }, {}) }), "NODE_AUTH_MISSING"],
    ["a claim missing (bdh)", () => ({ authorization: forge(es, {}, { bdh: undefined }) }), "NODE_AUTH_MISSING"],
    ["a claim of the wrong type (exp as text)", () => ({ authorization: forge(es, {}, { exp: "soon" }) }), "NODE_AUTH_MISSING"],
    ["an unknown node", () => ({ authorization: signed(signerFor(es, "node-zzz")) }), "NODE_UNKNOWN"],
    ["an iss that is not a node id", () => ({ authorization: signed(signerFor(es, "Node A")) }), "NODE_UNKNOWN"],
    ["a suspended node", () => ({ authorization: signed(signerFor(suspendedKey, "node-off")) }), "NODE_SUSPENDED"],
    ["a kid the node does not have", () => ({ authorization: signed(signerFor(es, "node-a", { kid: "no-such-key" })) }), "NODE_KEY_UNKNOWN"],
    ["the kid of another node's key", () => ({ authorization: signed(signerFor(otherNodeKey, "node-a")) }), "NODE_KEY_UNKNOWN"],
    ["a retired key", () => ({ authorization: signed(signerFor(retired)) }), "NODE_KEY_UNKNOWN"],
    ["a key past its grace period", () => ({ authorization: signed(signerFor(graceOver)) }), "NODE_KEY_UNKNOWN"],
    ["another key's signature under this kid", () => ({ authorization: signed(signerFor(otherNodeKey, "node-a", { kid: es.kid })) }), "NODE_SIGNATURE_INVALID"],
    ["an EdDSA signature under an ES256 kid", () => ({ authorization: forge(ed, { kid: es.kid }, {}) }), "NODE_SIGNATURE_INVALID"],
    [
      "a changed claim",
      () => {
        const [h, p, s] = partsOf(signed());
        return { authorization: `DonumNode ${h}.${b64({ ...decode(p), jti: randomUUID() })}.${s}` };
      },
      "NODE_SIGNATURE_INVALID",
    ],
    [
      'alg "none" with no signature',
      () => {
        const [, p] = partsOf(signed());
        return { authorization: `DonumNode ${b64({ alg: "none", kid: es.kid, typ: "donum-node-request+jwt" })}.${p}.` };
      },
      "NODE_SIGNATURE_INVALID",
    ],
    [
      "HS256 keyed with the public key (algorithm confusion)",
      () => {
        const [, p] = partsOf(signed());
        const h = b64({ alg: "HS256", kid: es.kid, typ: "donum-node-request+jwt" });
        const mac = createHmac("sha256", JSON.stringify(es.publicJwk)).update(`${h}.${p}`).digest("base64url");
        return { authorization: `DonumNode ${h}.${p}.${mac}` };
      },
      "NODE_SIGNATURE_INVALID",
    ],
    ["a crit header", () => ({ authorization: forge(es, { crit: ["b64"], b64: false }, {}) }), "NODE_SIGNATURE_INVALID"],
    ["another audience", () => ({ authorization: signed(signerFor(es, "node-a", { audience: "https://evil.example" })) }), "NODE_REQUEST_MISMATCH"],
    ["another method", () => ({ authorization: signed(undefined, { method: "PUT" }) }), "NODE_REQUEST_MISMATCH"],
    ["another path", () => ({ authorization: signed(undefined, { path: "/api/v1/feed?mode=single" }) }), "NODE_REQUEST_MISMATCH"],
    ["another query string", () => ({ authorization: signed(undefined, { path: "/api/v1/decisions?mode=batch" }) }), "NODE_REQUEST_MISMATCH"],
    ["the query string left out", () => ({ authorization: signed(undefined, { path: "/api/v1/decisions" }) }), "NODE_REQUEST_MISMATCH"],
    ["expired", () => ({ authorization: signed(), now: new Date(T0.getTime() + 120_000) }), "NODE_REQUEST_EXPIRED"],
    ["exp − iat of 61 s", () => ({ authorization: forge(es, {}, { exp: T0.getTime() / 1000 + 61 }) }), "NODE_REQUEST_EXPIRED"],
    ["exp before iat", () => ({ authorization: forge(es, {}, { exp: T0.getTime() / 1000 - 1 }) }), "NODE_REQUEST_EXPIRED"],
    ["issued a minute in the future", () => ({ authorization: signed(undefined, { now: new Date(T0.getTime() + 60_000) }) }), "NODE_REQUEST_EXPIRED"],
    ["another body", () => ({ authorization: signed(), body: `${BODY} ` }), "NODE_BODY_MISMATCH"],
    ["a body where none was signed", async () => ({ authorization: signerFor(es).sign({ method: "POST", path: PATH, now: T0 }) }), "NODE_BODY_MISMATCH"],
  ];

  it.each(cases)("%s", async (_what, make, code) => {
    await expect(outcome(await make())).resolves.toBe(code);
  });

  it("a replay, once the first use succeeded", async () => {
    const authorization = signed();
    await expect(outcome({ authorization })).resolves.toBe("OK node-a");
    await expect(outcome({ authorization })).resolves.toBe("NODE_REQUEST_REPLAYED");
    await expect(outcome({ authorization, now: new Date(T0.getTime() + 30_000) })).resolves.toBe("NODE_REQUEST_REPLAYED");
  });

  it("covers every code", () => {
    expect(new Set(cases.map((c) => c[2]))).toEqual(new Set(NODE_AUTH_CODES.filter((c) => c !== "NODE_REQUEST_REPLAYED")));
  });
});

describe("order", () => {
  it("a refused request does not use up its jti: the same token is accepted once the request is right", async () => {
    const authorization = signed();
    await expect(outcome({ authorization, body: "tampered" })).resolves.toBe("NODE_BODY_MISMATCH");
    await expect(outcome({ authorization, path: "/api/v1/other" })).resolves.toBe("NODE_REQUEST_MISMATCH");
    expect(replays.seen.size).toBe(0);
    await expect(outcome({ authorization })).resolves.toBe("OK node-a");
  });

  it("an expired replay is reported as expired; a tampered body on an unknown node as unknown", async () => {
    const authorization = signed();
    await expect(outcome({ authorization })).resolves.toBe("OK node-a");
    await expect(outcome({ authorization, now: new Date(T0.getTime() + 65_000) })).resolves.toBe("NODE_REQUEST_EXPIRED");
    await expect(outcome({ authorization: signed(signerFor(es, "node-zzz")), body: "x" })).resolves.toBe("NODE_UNKNOWN");
  });

  it("remembers the jti per node until exp + 5 s", async () => {
    await outcome({ authorization: signed() });
    const [[id, until]] = [...replays.seen.entries()] as [[string, number]];
    expect(id).toMatch(/^node-a:[0-9a-f-]{36}$/);
    expect(until).toBe(T0.getTime() + 65_000);
  });
});

describe("clock skew: 5 s each way", () => {
  const at = (ms: number) => new Date(T0.getTime() + ms);
  it.each([
    ["issued 5 s in the future", -5_000, "OK node-a"],
    ["issued 5.001 s in the future", -5_001, "NODE_REQUEST_EXPIRED"],
    ["1 ms before exp + 5 s", 64_999, "OK node-a"],
    ["at exp + 5 s", 65_000, "NODE_REQUEST_EXPIRED"],
  ])("%s", async (_what, offset, expected) => {
    // The token is issued at T0; the server's clock is T0 + offset.
    await expect(outcome({ authorization: signed(), now: at(offset) })).resolves.toBe(expected);
  });

  it("a 60-second token is accepted; a shorter one expires sooner", async () => {
    await expect(outcome({ authorization: forge(es, {}, { exp: T0.getTime() / 1000 + 60 }) })).resolves.toBe("OK node-a");
    const short = signerFor(es, "node-a", { lifetimeSeconds: 10 });
    await expect(outcome({ authorization: signed(short), now: at(14_999) })).resolves.toBe("OK node-a");
    await expect(outcome({ authorization: signed(short), now: at(15_000) })).resolves.toBe("NODE_REQUEST_EXPIRED");
  });
});

describe("what a refusal carries", () => {
  it("the code and its title only; the claimed node id when well formed, for the audit entry", async () => {
    const error = await authenticateNodeRequest(input({ authorization: signed(), body: "x" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NodeAuthError);
    const e = error as NodeAuthError;
    expect(e.status).toBe(401);
    expect(e.message).toBe("The request body does not match the signed body digest");
    expect(e.nodeId).toBe("node-a");
    const missing = (await authenticateNodeRequest(input({ authorization: null })).catch((x: unknown) => x)) as NodeAuthError;
    expect(missing.nodeId).toBeNull();
  });

  it("claimedNodeId reads iss without verifying, and only a well-formed id", () => {
    expect(claimedNodeId(signed())).toBe("node-a");
    expect(claimedNodeId(signed(signerFor(es, "Not An Id")))).toBeNull();
    expect(claimedNodeId("Bearer x")).toBeNull();
    expect(claimedNodeId(null)).toBeNull();
  });
});
