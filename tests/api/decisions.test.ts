/**
 * The consent-check API over HTTP, against the running portal (next start): single and batch
 * decisions signed as the demo node, verified against the published JWK Set.
 *
 * Consents are written into the portal's own SQLite file by the real use cases, on a container
 * opened in this process on the same data directory (WAL: the portal sees each commit at once).
 */
import { randomBytes, webcrypto } from "node:crypto";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { readPrivateJwkFile } from "../../lib/client/node-key";
import { checkDecision, checkDecisionBatch, DonumApiError, fetchDonumJwks, type DonumApiClient } from "../../lib/client/decisions";
import { createRequestSigner } from "../../lib/client/request-signer";
import { decisionRequestHash, verifyBatchItem, verifyBatchItems, verifyDecisionToken, type BatchItem } from "../../lib/client/verify";
import { parseConfig } from "../../lib/config";
import type { ConsentScope } from "../../lib/consent/scope";
import { DecisionRequest, type DecisionRequestInput } from "../../lib/consent/decision";
import { DEFAULT_FORM_ID } from "../../lib/consent/forms";
import type { VerificationJwks } from "../../lib/crypto/jws";
import { MAX_BATCH_SUBJECTS } from "../../lib/decisions/schemas";
import { DECISION_TTL_SECONDS } from "../../lib/decisions/tokens";
import { createContainer, type Container } from "../../lib/server/container";
import { grantConsent, optOutOfSecondaryUse, withdrawConsent } from "../../lib/usecases/consent-changes";
import { listLookups } from "../../lib/usecases/lookups";
import type { UseCaseDeps } from "../../lib/usecases/deps";
import * as fx from "../support/fixtures";

jest.setTimeout(120_000);

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: the app-server globalSetup did not run`);
  return v;
};
const base = () => env("DONUM_TEST_BASE_URL");
const dataDir = () => env("DONUM_TEST_DATA_DIR");

const DEMO = "demo-node";
const RUN = randomBytes(4).toString("hex").toUpperCase();
let counter = 0;
/** A fresh eIDAS identifier; its unique part is grepped for in the server log at the end. */
const newNationalId = () => `BE/BE/APITEST${RUN}X${String(++counter).padStart(5, "0")}`;
const usedIdentifiers: string[] = [];

let container: Container;
let jwks: VerificationJwks;
let demo: DonumApiClient;

function clientFor(nodeId: string, privateJwk: unknown): DonumApiClient {
  return { baseUrl: base(), signer: createRequestSigner({ nodeId, privateJwk, audience: base() }) };
}

/**
 * A keep-alive connection the server closed just as it was reused fails before any answer
 * ("other side closed"); undici does not retry a POST by itself.
 */
const isStaleConnection = (e: unknown) =>
  e instanceof TypeError && (e.cause as { code?: string } | undefined)?.code?.startsWith("UND_ERR_SOCKET") === true;

/** Calls again, signed anew, after a 429 (other suites share the demo node's rate limit) or a stale connection. */
async function retrying<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if (isStaleConnection(e) && attempt < 2) continue;
      if (!(e instanceof DonumApiError) || e.status !== 429 || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, (e.retryAfterSeconds ?? 1) * 1000));
    }
  }
}

/** A signed raw request as the demo node, for status codes and headers. */
async function send(client: DonumApiClient, method: "GET" | "POST", path: string, body?: string): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(`${base()}${path}`, {
        method,
        headers: {
          authorization: client.signer.sign({ method, path, ...(body !== undefined ? { body } : {}) }),
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
        },
        ...(body !== undefined ? { body } : {}),
      });
    } catch (e) {
      if (isStaleConnection(e) && attempt < 2) continue;
      throw e;
    }
    if (res.status !== 429 || attempt >= 20) return res;
    await new Promise((r) => setTimeout(r, Number(res.headers.get("retry-after") ?? 1) * 1000));
  }
}

const baseRequest: DecisionRequestInput = {
  dataCategories: ["imaging.ct"],
  purpose: { code: "HMB" },
  recipient: { organisation: "KU Leuven", type: "public", country: "BE" },
};
const req = (over: Partial<DecisionRequestInput> = {}): DecisionRequestInput => ({ ...baseRequest, ...over });
const recipient = (over: Partial<DecisionRequestInput["recipient"]>) => ({ ...baseRequest.recipient, ...over });

interface Subject {
  nationalId: string;
  subjectKey: string;
}

async function shownForm() {
  const form = (await container.deps.stores.forms.latest(DEFAULT_FORM_ID))!;
  return { formId: form.formId, version: form.version, language: "en", textHash: form.textHashes.en! };
}

function newSubject(): Subject {
  const nationalId = newNationalId();
  usedIdentifiers.push(nationalId);
  return { nationalId, subjectKey: container.subjects.keyOf(nationalId) };
}

const actorOf = (s: Subject) => ({ kind: "subject" as const, subjectKey: s.subjectKey });

/** A subject with an active consent of this scope (granted `daysAgo` days ago, if given). */
async function consenting(over: Partial<ConsentScope> = {}, deps: UseCaseDeps = container.deps): Promise<Subject> {
  const s = newSubject();
  await grantConsent(deps, actorOf(s), { scope: fx.scope(over), form: await shownForm() });
  return s;
}

async function withdrawn(): Promise<Subject> {
  const s = await consenting();
  await withdrawConsent(container.deps, actorOf(s), { expectedVersion: 1 });
  return s;
}

async function expired(): Promise<Subject> {
  // Granted two days ago, valid until yesterday: the use case's clock is set back, the portal's is not.
  const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
  const deps = { ...container.deps, now: () => twoDaysAgo };
  return consenting({ validUntil: new Date(Date.now() - 86_400_000).toISOString() }, deps);
}

async function optedOut(withConsentFirst: boolean): Promise<Subject> {
  const s = withConsentFirst ? await consenting() : newSubject();
  await optOutOfSecondaryUse(container.deps, actorOf(s), { expectedVersion: withConsentFirst ? 1 : null });
  return s;
}

const check = (s: Subject, request: DecisionRequestInput = baseRequest, client: DonumApiClient = demo, permitReference = `PERMIT-${RUN}`) =>
  retrying(() => checkDecision(client, { subject: { nationalId: s.nationalId }, request, permitReference }));

beforeAll(async () => {
  container = await createContainer(parseConfig({ DONUM_DATA_DIR: dataDir(), DONUM_LOG_LEVEL: "error" }));
  jwks = await fetchDonumJwks(base());
  const { privateJwk } = readPrivateJwkFile(join(dataDir(), "keys", "demo-node.private.jwk"));
  demo = clientFor(DEMO, privateJwk);
});

afterAll(async () => {
  await container?.stores.close();
});

describe("POST /api/v1/decisions", () => {
  it("answers DENY NO_CONSENT for a person with no consent, signed for the demo node, no-store", async () => {
    const s = newSubject();
    const body = JSON.stringify({ subject: { nationalId: s.nationalId }, request: baseRequest, permitReference: "P-1" });
    const res = await send(demo, "POST", "/api/v1/decisions", body);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(res.headers.get("content-type")).toContain("application/json");
    const text = await res.text();
    expect(text).not.toContain(s.nationalId.split("/").at(-1));
    const answer = JSON.parse(text) as { token: string; decision: Record<string, unknown> };
    expect(Object.keys(answer).sort()).toEqual(["decision", "token"]);
    expect(answer.decision).toMatchObject({
      iss: base(),
      aud: DEMO,
      decision: "DENY",
      reasons: [{ code: "NO_CONSENT" }],
      consentId: null,
      consentVersion: null,
      formVersion: null,
      permitReference: "P-1",
    });
    const v = verifyDecisionToken(answer.token, jwks, { audience: DEMO, issuer: base() });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.claims).toEqual(answer.decision);
    expect(v.header).toEqual({ alg: "ES256", kid: jwks.keys[0]!.kid, typ: "donum-decision+jwt" });
    expect(v.claims.exp - v.claims.iat).toBe(DECISION_TTL_SECONDS);
    // The subject reference is this node's own, and the request hash is recomputable by the node.
    expect(v.claims.sub).toBe(container.nodeRefs.refFor(DEMO, s.subjectKey));
    expect(v.claims.requestHash).toBe(
      decisionRequestHash({ nodeId: DEMO, subjectRef: v.claims.sub, request: DecisionRequest.parse(baseRequest), permitReference: "P-1" }),
    );
  });

  it("PERMITs a request the consent covers, naming the consent, its version and the form version", async () => {
    const s = await consenting();
    const { token, decision } = await check(s);
    expect(decision).toMatchObject({ decision: "PERMIT", reasons: [], consentVersion: 1, formVersion: (await shownForm()).version });
    const current = await container.deps.stores.consents.getBySubject(s.subjectKey);
    expect(decision.consentId).toBe(current!.id);
    expect(verifyDecisionToken(token, jwks, { audience: DEMO }).ok).toBe(true);
  });

  describe("scope: every dimension", () => {
    type Case = [string, () => Promise<Subject>, DecisionRequestInput, "PERMIT" | "DENY", { code: string; values?: string[] }[]];
    const BREAST = "MONDO:0007254";
    const LUNG = "MONDO:0008903";
    const ANY_CANCER = "MONDO:0004992";
    const cases: Case[] = [
      // data categories
      ["categories: all covered", () => consenting(), req({ dataCategories: ["imaging.ct", "imaging.mr", "report.radiology"] }), "PERMIT", []],
      ["categories: one not covered", () => consenting(), req({ dataCategories: ["imaging.ct", "genomics"] }), "DENY", [{ code: "DATA_CATEGORY_NOT_COVERED", values: ["genomics"] }]],
      // purposes (DUO)
      ["purpose: GRU consent covers HMB", () => consenting({ research: { level: "GRU" } }), req(), "PERMIT", []],
      ["purpose: GRU consent covers DS", () => consenting({ research: { level: "GRU" } }), req({ purpose: { code: "DS", disease: LUNG } }), "PERMIT", []],
      ["purpose: HMB consent does not cover GRU", () => consenting(), req({ purpose: { code: "GRU" } }), "DENY", [{ code: "PURPOSE_NOT_COVERED", values: ["GRU"] }]],
      ["purpose: HMB consent covers DS", () => consenting(), req({ purpose: { code: "DS", disease: BREAST } }), "PERMIT", []],
      ["purpose: DS breast covers DS breast", () => consenting({ research: { level: "DS", diseases: [BREAST] } }), req({ purpose: { code: "DS", disease: BREAST } }), "PERMIT", []],
      ["purpose: DS breast does not cover DS lung", () => consenting({ research: { level: "DS", diseases: [BREAST] } }), req({ purpose: { code: "DS", disease: LUNG } }), "DENY", [{ code: "PURPOSE_NOT_COVERED", values: [`DS:${LUNG}`] }]],
      ["purpose: DS breast does not cover HMB", () => consenting({ research: { level: "DS", diseases: [BREAST] } }), req(), "DENY", [{ code: "PURPOSE_NOT_COVERED", values: ["HMB"] }]],
      ["purpose: DS any cancer covers DS lung", () => consenting({ research: { level: "DS", diseases: [ANY_CANCER] } }), req({ purpose: { code: "DS", disease: LUNG } }), "PERMIT", []],
      // AI use
      ["AI: training covered", () => consenting(), req({ aiUse: "AI_TRAINING" }), "PERMIT", []],
      ["AI: validation not covered", () => consenting(), req({ aiUse: "AI_VALIDATION" }), "DENY", [{ code: "AI_USE_NOT_COVERED", values: ["AI_VALIDATION"] }]],
      ["AI: no AI use chosen, none covered", () => consenting({ aiUses: [] }), req({ aiUse: "AI_TRAINING" }), "DENY", [{ code: "AI_USE_NOT_COVERED", values: ["AI_TRAINING"] }]],
      ["AI: research without AI needs no AI choice", () => consenting({ aiUses: [] }), req({ aiUse: null }), "PERMIT", []],
      // recipient type
      ["recipient: non-profit covered", () => consenting(), req({ recipient: recipient({ type: "non_profit" }) }), "PERMIT", []],
      ["recipient: commercial not covered", () => consenting(), req({ recipient: recipient({ type: "commercial" }) }), "DENY", [{ code: "RECIPIENT_TYPE_NOT_COVERED", values: ["commercial"] }]],
      ["recipient: commercial covered when chosen", () => consenting({ recipientTypes: ["commercial"] }), req({ recipient: recipient({ type: "commercial" }) }), "PERMIT", []],
      // geography
      ["geography: EU/EEA recipient (Norway)", () => consenting(), req({ recipient: recipient({ country: "NO" }) }), "PERMIT", []],
      ["geography: adequacy country under EU/EEA only", () => consenting(), req({ recipient: recipient({ country: "CH" }) }), "DENY", [{ code: "GEOGRAPHY_NOT_COVERED", values: ["CH"] }]],
      ["geography: adequacy country (Switzerland) when allowed", () => consenting({ geography: "EU_EEA_ADEQUACY" }), req({ recipient: recipient({ country: "CH" }) }), "PERMIT", []],
      ["geography: adequacy country (Japan) when allowed", () => consenting({ geography: "EU_EEA_ADEQUACY" }), req({ recipient: recipient({ country: "JP" }) }), "PERMIT", []],
      ["geography: no adequacy decision (US)", () => consenting({ geography: "EU_EEA_ADEQUACY" }), req({ recipient: recipient({ country: "US" }) }), "DENY", [{ code: "GEOGRAPHY_NOT_COVERED", values: ["US"] }]],
      // re-contact
      ["re-contact: not asked", () => consenting(), req({ requiresRecontact: false }), "PERMIT", []],
      ["re-contact: asked, not allowed", () => consenting(), req({ requiresRecontact: true }), "DENY", [{ code: "RECONTACT_NOT_ALLOWED" }]],
      ["re-contact: asked, allowed", () => consenting({ conditions: { mayRecontact: true, wantsFindings: false } }), req({ requiresRecontact: true }), "PERMIT", []],
      // period and status
      ["period: valid until a future date", () => consenting({ validUntil: new Date(Date.now() + 86_400_000).toISOString() }), req(), "PERMIT", []],
      ["period: expired", expired, req(), "DENY", [{ code: "CONSENT_EXPIRED" }]],
      ["status: withdrawn", withdrawn, req(), "DENY", [{ code: "CONSENT_WITHDRAWN" }]],
      ["status: opted out after consenting", () => optedOut(true), req(), "DENY", [{ code: "OPTED_OUT" }]],
      ["status: opted out without ever consenting", () => optedOut(false), req(), "DENY", [{ code: "OPTED_OUT" }]],
      // deny wins and names every unmet dimension
      [
        "several dimensions unmet: every one named",
        () => consenting(),
        req({ dataCategories: ["genomics"], purpose: { code: "GRU" }, aiUse: "AI_VALIDATION", recipient: recipient({ type: "commercial", country: "US" }), requiresRecontact: true }),
        "DENY",
        [
          { code: "DATA_CATEGORY_NOT_COVERED", values: ["genomics"] },
          { code: "PURPOSE_NOT_COVERED", values: ["GRU"] },
          { code: "AI_USE_NOT_COVERED", values: ["AI_VALIDATION"] },
          { code: "RECIPIENT_TYPE_NOT_COVERED", values: ["commercial"] },
          { code: "GEOGRAPHY_NOT_COVERED", values: ["US"] },
          { code: "RECONTACT_NOT_ALLOWED" },
        ],
      ],
    ];

    it.each(cases)("%s → %s", async (_name, make, request, decision, reasons) => {
      const s = await make();
      const { token, decision: claims } = await check(s, request);
      const v = verifyDecisionToken(token, jwks, { audience: DEMO, issuer: base() });
      expect(v.ok).toBe(true);
      if (!v.ok) return;
      expect({ decision: v.claims.decision, reasons: v.claims.reasons }).toEqual({ decision, reasons });
      expect(claims).toEqual(v.claims);
    });
  });

  it("obeys a withdrawal on the very next check", async () => {
    const s = await consenting();
    expect((await check(s)).decision.decision).toBe("PERMIT");
    await withdrawConsent(container.deps, actorOf(s), { expectedVersion: 1 });
    const next = await check(s);
    expect(next.decision).toMatchObject({ decision: "DENY", reasons: [{ code: "CONSENT_WITHDRAWN" }], consentVersion: 2 });
    // …and a new grant on the next one after that.
    await grantConsent(container.deps, actorOf(s), { scope: fx.scope(), form: await shownForm() });
    expect((await check(s)).decision).toMatchObject({ decision: "PERMIT", consentVersion: 3 });
  });

  it("can be verified with WebCrypto alone against the published JWK Set (no JOSE library)", async () => {
    const s = await consenting();
    const { token } = await check(s);
    const [h, p, sig] = token.split(".") as [string, string, string];
    const header = JSON.parse(Buffer.from(h, "base64url").toString("utf8")) as { alg: string; kid: string; typ: string };
    expect(header).toMatchObject({ alg: "ES256", typ: "donum-decision+jwt" });
    const published = (await (await fetch(`${base()}/.well-known/jwks.json`)).json()) as { keys: (webcrypto.JsonWebKey & { kid: string })[] };
    const jwk = published.keys.find((k) => k.kid === header.kid)!;
    const key = await webcrypto.subtle.importKey("jwk", { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    const signed = new TextEncoder().encode(`${h}.${p}`);
    const signature = Buffer.from(sig, "base64url");
    expect(await webcrypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, signature, signed)).toBe(true);
    const payload = JSON.parse(Buffer.from(p, "base64url").toString("utf8")) as Record<string, unknown>;
    expect(payload).toMatchObject({ aud: DEMO, decision: "PERMIT" });
    // One changed byte of the payload and WebCrypto refuses it.
    const tampered = new TextEncoder().encode(`${h}.${Buffer.from(JSON.stringify({ ...payload, aud: "other-node" })).toString("base64url")}`);
    expect(await webcrypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, signature, tampered)).toBe(false);
  });

  it("shows the check in the citizen's \"who looked me up\" view", async () => {
    const s = await consenting();
    await check(s, req({ purpose: { code: "DS", disease: "MONDO:0007254" }, dataCategories: ["imaging.mammography"] }));
    const { items } = await listLookups(container.deps, actorOf(s));
    expect(items[0]).toMatchObject({
      nodeId: DEMO,
      organisation: "Demo Imaging Node (development)",
      purpose: "DS:MONDO:0007254",
      dataCategories: ["imaging.mammography"],
      recipient: baseRequest.recipient,
      decision: "DENY",
      reasons: ["DATA_CATEGORY_NOT_COVERED"],
    });
    expect(items[0]!.seq).toEqual(expect.any(Number));
    // The audit entry carries the permit reference, and its id is the token's jti.
    const entries = (await container.deps.stores.audit.listBySubject(s.subjectKey)).items.filter((e) => e.type === "decision.made");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: { kind: "node", nodeId: DEMO }, data: { permitReference: `PERMIT-${RUN}` } });
  });

  it("refuses a malformed national identifier with 400 INVALID_SUBJECT_IDENTIFIER, without echoing it and without a decision", async () => {
    for (const bad of ["12345678", "BE/", "B1/123", `BE/${"9".repeat(65)}`, "BE/12345678!"]) {
      const res = await send(demo, "POST", "/api/v1/decisions", JSON.stringify({ subject: { nationalId: bad }, request: baseRequest, permitReference: "P" }));
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ code: "INVALID_SUBJECT_IDENTIFIER", status: 400 });
      expect(text).not.toContain(bad);
      expect(text).not.toContain("token");
    }
  });

  it("refuses a request it does not understand with 400 INVALID_INPUT naming the field", async () => {
    const s = newSubject();
    const bodies: [unknown, string][] = [
      [{ subject: { nationalId: s.nationalId }, request: { ...baseRequest, aiUSE: "AI_TRAINING" }, permitReference: "P" }, "request"],
      [{ subject: { nationalId: s.nationalId }, request: baseRequest }, "permitReference"],
      [{ subject: { nationalId: s.nationalId }, request: baseRequest, permitReference: "P", extra: true }, ""],
      [{ subject: { nationalId: s.nationalId }, request: { ...baseRequest, dataCategories: ["x-ray"] }, permitReference: "P" }, "request.dataCategories.0"],
    ];
    for (const [body, path] of bodies) {
      const res = await send(demo, "POST", "/api/v1/decisions", JSON.stringify(body));
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { code: string; errors: { path: string }[] };
      expect(problem.code).toBe("INVALID_INPUT");
      expect(problem.errors.map((e) => e.path)).toContain(path);
    }
  });

  it("refuses an unsigned request (401) and a body over 64 KiB (413)", async () => {
    const body = JSON.stringify({ subject: { nationalId: newNationalId() }, request: baseRequest, permitReference: "P" });
    const res = await fetch(`${base()}/api/v1/decisions`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe("NODE_AUTH_MISSING");
    const big = await send(demo, "POST", "/api/v1/decisions", JSON.stringify({ pad: "x".repeat(65 * 1024) }));
    expect(big.status).toBe(413);
  });
});

describe("POST /api/v1/decisions/batch", () => {
  /** 1,000 subjects in five groups: PERMIT, PERMIT, DENY recipient type, DENY no consent, DENY opted out. */
  let subjects: Subject[];
  let expected: { decision: string; reasons: string[] }[];
  let answer: { token: string; items: BatchItem[] };

  beforeAll(async () => {
    subjects = [];
    expected = [];
    for (let i = 0; i < 1000; i++) {
      switch (i % 5) {
        case 0:
        case 1:
          subjects.push(await consenting());
          expected.push({ decision: "PERMIT", reasons: [] });
          break;
        case 2:
          subjects.push(await consenting({ recipientTypes: ["non_profit"] }));
          expected.push({ decision: "DENY", reasons: ["RECIPIENT_TYPE_NOT_COVERED"] });
          break;
        case 3:
          subjects.push(newSubject());
          expected.push({ decision: "DENY", reasons: ["NO_CONSENT"] });
          break;
        default:
          subjects.push(await optedOut(i % 10 === 4));
          expected.push({ decision: "DENY", reasons: ["OPTED_OUT"] });
      }
    }
    answer = await retrying(() =>
      checkDecisionBatch(demo, { subjects: subjects.map((s) => ({ nationalId: s.nationalId })), request: baseRequest, permitReference: `BATCH-${RUN}` }),
    );
  });

  it("answers every subject, in order, with the decision its consent gives", () => {
    expect(answer.items).toHaveLength(1000);
    answer.items.forEach((item, i) => {
      expect(item.index).toBe(i);
      expect({ decision: item.decision, reasons: item.reasons.map((r) => r.code) }).toEqual(expected[i]);
      expect(item.sub).toBe(container.nodeRefs.refFor(DEMO, subjects[i]!.subjectKey));
    });
  });

  it("signs one root: every item verifies on its own against the published JWK Set", () => {
    // Each on its own (as a node shows one item to a third party)…
    for (const item of answer.items) {
      const v = verifyBatchItem(answer.token, item, jwks, { audience: DEMO, issuer: base() });
      if (!v.ok) throw new Error(`item ${item.index}: ${v.error.code} ${v.error.message}`);
    }
    // …and all at once, one signature check.
    const all = verifyBatchItems(answer.token, answer.items, jwks, { audience: DEMO, issuer: base() });
    expect(all.ok && all.leaves.length).toBe(1000);
    const claims = JSON.parse(Buffer.from(answer.token.split(".")[1]!, "base64url").toString()) as { batch: Record<string, unknown> };
    expect(claims.batch).toMatchObject({ treeSize: 1000, permitReference: `BATCH-${RUN}` });
    // The items' request hashes are those single checks would carry.
    const request = DecisionRequest.parse(baseRequest);
    expect(answer.items[7]!.requestHash).toBe(decisionRequestHash({ nodeId: DEMO, subjectRef: answer.items[7]!.sub, request, permitReference: `BATCH-${RUN}` }));
  });

  it("an altered item fails verification", () => {
    const opts = { audience: DEMO };
    const deny = answer.items.find((i) => i.decision === "DENY")!;
    const code = (item: unknown) => {
      const v = verifyBatchItem(answer.token, item, jwks, opts);
      return v.ok ? "OK" : v.error.code;
    };
    expect(code(deny)).toBe("OK");
    expect(code({ ...deny, decision: "PERMIT", reasons: [] })).toBe("NOT_INCLUDED");
    expect(code({ ...deny, index: deny.index + 1 })).toBe("NOT_INCLUDED");
    expect(code({ ...deny, sub: answer.items[0]!.sub })).toBe("NOT_INCLUDED");
    const proof = [...deny.proof];
    const flipped = Buffer.from(proof[2]!, "base64url");
    flipped[31]! ^= 0x80;
    proof[2] = flipped.toString("base64url");
    expect(code({ ...deny, proof })).toBe("NOT_INCLUDED");
    expect(codeOfAudience(deny)).toBe("WRONG_AUDIENCE");

    function codeOfAudience(item: BatchItem) {
      const v = verifyBatchItem(answer.token, item, jwks, { audience: "another-node" });
      return v.ok ? "OK" : v.error.code;
    }
  });

  it("records each decision for the citizen's lookups, with the batch id and the item's index", async () => {
    const jti = (JSON.parse(Buffer.from(answer.token.split(".")[1]!, "base64url").toString()) as { jti: string }).jti;
    const entries = (await container.deps.stores.audit.listBySubject(subjects[3]!.subjectKey)).items.filter((e) => e.type === "decision.made");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ data: { batch: { id: jti, index: 3 }, decision: "DENY", permitReference: `BATCH-${RUN}` } });
    const { items } = await listLookups(container.deps, actorOf(subjects[0]!));
    expect(items[0]).toMatchObject({ nodeId: DEMO, decision: "PERMIT" });
  });

  it("answers a subject named twice twice, under one reference", async () => {
    const s = await consenting();
    const { token, items } = await retrying(() =>
      checkDecisionBatch(demo, { subjects: [{ nationalId: s.nationalId }, { nationalId: newNationalId() }, { nationalId: s.nationalId }], request: baseRequest, permitReference: "P" }),
    );
    expect(items.map((i) => i.decision)).toEqual(["PERMIT", "DENY", "PERMIT"]);
    expect(items[0]!.sub).toBe(items[2]!.sub);
    expect(items.every((i) => verifyBatchItem(token, i, jwks, { audience: DEMO }).ok)).toBe(true);
  });

  it("refuses the whole batch when identifiers are malformed: 400 naming the positions, never the values, nothing recorded", async () => {
    const good = await consenting();
    const bad = ["NOT-AN-ID-7731", "ZZ9/1", "BE/ABC!DEF"];
    const body = JSON.stringify({
      subjects: [{ nationalId: good.nationalId }, { nationalId: bad[0] }, { nationalId: newNationalId() }, { nationalId: bad[1] }, { nationalId: bad[2] }],
      request: baseRequest,
      permitReference: "P",
    });
    const res = await send(demo, "POST", "/api/v1/decisions/batch", body);
    expect(res.status).toBe(400);
    const text = await res.text();
    for (const b of bad) expect(text).not.toContain(b);
    const problem = JSON.parse(text) as { code: string; detail: string; errors: { path: string }[] };
    expect(problem.code).toBe("INVALID_SUBJECT_IDENTIFIER");
    expect(problem.errors.map((e) => e.path)).toEqual(["subjects.1.nationalId", "subjects.3.nationalId", "subjects.4.nationalId"]);
    expect(problem.detail).toContain("3 of the 5");
    const { items } = await listLookups(container.deps, actorOf(good));
    expect(items).toHaveLength(0);
  });

  it(`refuses more than ${MAX_BATCH_SUBJECTS} subjects with 413, and a body over 2.5 MiB with 413`, async () => {
    const subjectsOver = Array.from({ length: MAX_BATCH_SUBJECTS + 1 }, (_, i) => ({ nationalId: `BE/${100000 + i}` }));
    const res = await send(demo, "POST", "/api/v1/decisions/batch", JSON.stringify({ subjects: subjectsOver, request: baseRequest, permitReference: "P" }));
    expect(res.status).toBe(413);
    const problem = (await res.json()) as { code: string; detail: string };
    expect(problem.code).toBe("PAYLOAD_TOO_LARGE");
    expect(problem.detail).toContain(`at most ${MAX_BATCH_SUBJECTS}`);

    const huge = JSON.stringify({ subjects: [{ nationalId: `BE/${"1".repeat(60)}` }], pad: "x".repeat(2.6 * 1024 * 1024), request: baseRequest, permitReference: "P" });
    expect((await send(demo, "POST", "/api/v1/decisions/batch", huge)).status).toBe(413);
  });
});

describe("what Donum wrote about these checks", () => {
  it("never logged a national identifier used in this file", () => {
    const logFile = process.env.DONUM_TEST_SERVER_LOG;
    if (!logFile) return; // a portal started elsewhere: its log is not ours to read
    const log = readFileSync(logFile, "utf8");
    expect(usedIdentifiers.length).toBeGreaterThan(1000);
    expect(log).not.toContain(`APITEST${RUN}`);
  });
});
