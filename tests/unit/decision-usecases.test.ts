/**
 * The consent-check use cases (lib/decisions) on the real SQLite stores, in-process: the order of
 * their steps (link, read, audit, then sign), what they record, batches at and over the limit, and
 * the feed's filtering and paging. The stores are wrapped only to watch the calls go by.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AuditEntry } from "../../lib/audit/events";
import { verifyBatchItem, verifyBatchItems, verifyDecisionToken, verifyFeedPage } from "../../lib/client/verify";
import { publishedJwks } from "../../lib/crypto/jwks";
import { createLocalSigner } from "../../lib/crypto/local-keys";
import type { Signer } from "../../lib/crypto/signer";
import { checkBatch, checkSingle } from "../../lib/decisions/check";
import type { DecisionDeps } from "../../lib/decisions/deps";
import { getNodeFeed } from "../../lib/decisions/feed";
import { MAX_BATCH_SUBJECTS } from "../../lib/decisions/schemas";
import { AppError } from "../../lib/errors";
import { createNodeSubjectRefs } from "../../lib/identity/node-subject-ref";
import { createSubjectKeyer } from "../../lib/identity/subject-key";
import type { Stores } from "../../lib/store/ports";
import { createSqliteStores } from "../../lib/store/sqlite";
import { grantConsent, withdrawConsent } from "../../lib/usecases/consent-changes";
import { defaultDeps } from "../../lib/usecases/deps";
import { listLookups } from "../../lib/usecases/lookups";
import * as fx from "../support/fixtures";

jest.setTimeout(60_000);

const ISS = "https://donum.test";
const NODE_A = { id: "node-a" };
const NODE_B = { id: "node-b" };
const request = { dataCategories: ["imaging.ct"], purpose: { code: "HMB" }, recipient: { organisation: "Hospital", type: "public", country: "BE" } };

let dir: string;
let stores: Stores;
let deps: DecisionDeps;
let signer: Signer;
const calls: string[] = [];
let failAudit = false;
let shown: { formId: string; version: number; language: string; textHash: string };
let n = 0;
const newId = () => `BE/UNIT${++n}`;

/** Wraps a store method to record its name before delegating (and optionally fail). */
function watch<T extends object>(target: T, name: keyof T & string, label: string, fail?: () => boolean): void {
  const original = (target[name] as (...a: unknown[]) => unknown).bind(target);
  (target as Record<string, unknown>)[name] = async (...args: unknown[]) => {
    calls.push(label);
    if (fail?.()) throw new Error("the audit store is down");
    return original(...args);
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "donum-decisions-"));
  stores = createSqliteStores(join(dir, "donum.db"));
  const f = fx.form();
  await stores.forms.publish(f, fx.formPublishedEvent(f));
  shown = { formId: f.formId, version: f.version, language: "en", textHash: f.textHashes.en! };
  const pepper = randomBytes(32);
  const local = createLocalSigner(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey);
  signer = { ...local, kid: local.kid, alg: local.alg, publicJwk: local.publicJwk, sign: async (d) => (calls.push("sign"), local.sign(d)) };
  deps = { ...defaultDeps(stores), signer, publicUrl: ISS, subjects: createSubjectKeyer(pepper), nodeRefs: createNodeSubjectRefs(pepper) };
  watch(stores.links, "linkMany", "link");
  watch(stores.consents, "getBySubject", "read");
  watch(stores.consents, "getManyBySubject", "readMany");
  watch(stores.audit, "append", "audit", () => failAudit);
  watch(stores.audit, "appendMany", "auditMany", () => failAudit);
});

afterAll(async () => {
  await stores.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  calls.length = 0;
  failAudit = false;
});

const jwks = () => publishedJwks(signer);
const keyOf = (nationalId: string) => deps.subjects.keyOf(nationalId);
const actor = (nationalId: string) => ({ kind: "subject" as const, subjectKey: keyOf(nationalId) });

async function consenting(): Promise<string> {
  const id = newId();
  await grantConsent(deps, actor(id), { scope: fx.scope(), form: shown });
  return id;
}

const decisionsAbout = async (nationalId: string) =>
  (await stores.audit.listBySubject(keyOf(nationalId))).items.filter((e): e is Extract<AuditEntry, { type: "decision.made" }> => e.type === "decision.made");

async function thrown(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("checkSingle", () => {
  it("links, then reads, then audits, then signs; answers a token and its claims", async () => {
    const id = await consenting();
    calls.length = 0;
    const { token, decision } = await checkSingle(deps, NODE_A, { subject: { nationalId: id }, request, permitReference: "P-1" });
    expect(calls).toEqual(["link", "read", "audit", "sign"]);
    expect(decision).toMatchObject({ iss: ISS, aud: "node-a", decision: "PERMIT", consentVersion: 1, formVersion: 1, permitReference: "P-1" });
    const v = verifyDecisionToken(token, jwks(), { audience: "node-a", issuer: ISS });
    expect(v.ok && v.claims).toEqual(decision);
    expect(JSON.stringify({ token, decision })).not.toContain(id.slice(3));
    expect(JSON.stringify(decision)).not.toContain(keyOf(id));
  });

  it("records decision.made about the subject, by the node, with the token's jti as its id", async () => {
    const id = newId();
    const { decision } = await checkSingle(deps, NODE_A, { subject: { nationalId: id }, request, permitReference: "P-2" });
    const [entry] = await decisionsAbout(id);
    expect(entry).toMatchObject({
      id: decision.jti,
      subjectKey: keyOf(id),
      actor: { kind: "node", nodeId: "node-a" },
      data: { nodeId: "node-a", decision: "DENY", reasons: [{ code: "NO_CONSENT" }], purpose: "HMB", requestHash: decision.requestHash, permitReference: "P-2" },
    });
    expect(entry!.data.batch).toBeUndefined();
    const lookups = await listLookups(deps, actor(id));
    expect(lookups.items).toHaveLength(1);
  });

  it("gives no answer when the audit entry cannot be written", async () => {
    failAudit = true;
    await expect(checkSingle(deps, NODE_A, { subject: { nationalId: newId() }, request, permitReference: "P" })).rejects.toThrow("the audit store is down");
    expect(calls).toEqual(["link", "read", "audit"]);
  });

  it("refuses a malformed identifier before touching any store, without echoing it", async () => {
    const e = await thrown(checkSingle(deps, NODE_A, { subject: { nationalId: "SECRET-123" }, request, permitReference: "P" }));
    expect(e.code).toBe("INVALID_SUBJECT_IDENTIFIER");
    expect(`${e.message}${JSON.stringify(e.issues)}`).not.toContain("SECRET");
    expect(calls).toEqual([]);
  });

  it("refuses a request it does not understand (INVALID_INPUT), before touching any store", async () => {
    const e = await thrown(checkSingle(deps, NODE_A, { subject: { nationalId: newId() }, request: { ...request, typo: 1 }, permitReference: "P" }));
    expect(e.code).toBe("INVALID_INPUT");
    expect(calls).toEqual([]);
  });

  it("obeys a withdrawal on the next check", async () => {
    const id = await consenting();
    const input = { subject: { nationalId: id }, request, permitReference: "P" };
    expect((await checkSingle(deps, NODE_A, input)).decision.decision).toBe("PERMIT");
    await withdrawConsent(deps, actor(id), { expectedVersion: 1 });
    expect((await checkSingle(deps, NODE_A, input)).decision).toMatchObject({ decision: "DENY", reasons: [{ code: "CONSENT_WITHDRAWN" }] });
  });
});

describe("checkBatch", () => {
  it("makes one link write, one consent read and one audit write, then one signature", async () => {
    const ids = [await consenting(), newId(), await consenting()];
    calls.length = 0;
    const { token, items } = await checkBatch(deps, NODE_A, { subjects: ids.map((nationalId) => ({ nationalId })), request, permitReference: "B-1" });
    expect(calls).toEqual(["link", "readMany", "auditMany", "sign"]);
    expect(items.map((i) => i.decision)).toEqual(["PERMIT", "DENY", "PERMIT"]);
    for (const item of items) expect(verifyBatchItem(token, item, jwks(), { audience: "node-a" }).ok).toBe(true);
    const entries = await decisionsAbout(ids[2]!);
    const jti = (JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as { jti: string }).jti;
    expect(entries[entries.length - 1]).toMatchObject({ data: { batch: { id: jti, index: 2 }, permitReference: "B-1", requestHash: items[2]!.requestHash } });
  });

  it("answers a subject named twice at both positions, linked and read once", async () => {
    const id = await consenting();
    const { items } = await checkBatch(deps, NODE_A, { subjects: [{ nationalId: id }, { nationalId: id.toLowerCase() }], request, permitReference: "B" });
    expect(items.map((i) => [i.index, i.decision])).toEqual([[0, "PERMIT"], [1, "PERMIT"]]);
    expect(items[0]!.sub).toBe(items[1]!.sub);
  });

  it("refuses the whole batch for malformed identifiers, naming positions only, recording nothing", async () => {
    const good = await consenting();
    calls.length = 0;
    const subjects = [{ nationalId: good }, { nationalId: "SECRET-1" }, { nationalId: "XX/" }];
    const e = await thrown(checkBatch(deps, NODE_A, { subjects, request, permitReference: "B" }));
    expect(e.code).toBe("INVALID_SUBJECT_IDENTIFIER");
    expect(e.issues.map((i) => i.path)).toEqual(["subjects.1.nationalId", "subjects.2.nationalId"]);
    expect(e.message).toContain("2 of the 3");
    expect(`${e.message}${JSON.stringify(e.issues)}`).not.toMatch(/SECRET|XX\//);
    expect(calls).toEqual([]);
  });

  it("lists at most 100 malformed positions, and counts them all", async () => {
    const subjects = Array.from({ length: 150 }, () => ({ nationalId: "bad" }));
    const e = await thrown(checkBatch(deps, NODE_A, { subjects, request, permitReference: "B" }));
    expect(e.issues).toHaveLength(100);
    expect(e.message).toContain("150 of the 150");
  });

  it(`refuses more than ${MAX_BATCH_SUBJECTS} subjects with PAYLOAD_TOO_LARGE, before anything else`, async () => {
    const subjects = Array.from({ length: MAX_BATCH_SUBJECTS + 1 }, () => ({ nationalId: "BE/1" }));
    const e = await thrown(checkBatch(deps, NODE_A, { subjects }));
    expect(e.code).toBe("PAYLOAD_TOO_LARGE");
    expect(e.status).toBe(413);
    expect(e.message).toContain(`${MAX_BATCH_SUBJECTS + 1}`);
  });

  it(`answers ${MAX_BATCH_SUBJECTS} subjects, every item verifying`, async () => {
    const consented = [await consenting(), await consenting()];
    const subjects = Array.from({ length: MAX_BATCH_SUBJECTS }, (_, i) => ({ nationalId: i < 2 ? consented[i]! : `DE/BATCH${i}` }));
    const { token, items } = await checkBatch(deps, NODE_B, { subjects, request, permitReference: "BIG" });
    expect(items).toHaveLength(MAX_BATCH_SUBJECTS);
    expect(items.filter((i) => i.decision === "PERMIT")).toHaveLength(2);
    const all = verifyBatchItems(token, items, jwks(), { audience: "node-b" });
    expect(all.ok && all.leaves.length).toBe(MAX_BATCH_SUBJECTS);
  });
});

describe("getNodeFeed", () => {
  const feed = async (node: { id: string }, query: Record<string, string> = {}) => {
    const { token, page } = await getNodeFeed(deps, node, query);
    const v = verifyFeedPage(token, jwks(), { audience: node.id, after: query.after ?? null });
    expect(v.ok && v.claims).toEqual(page);
    return page;
  };
  const readAll = async (node: { id: string }, limit = 500) => {
    const items = [];
    let after: string | null = null;
    for (let i = 0; i < 1000; i++) {
      const page = await feed(node, { limit: String(limit), ...(after ? { after } : {}) });
      items.push(...page.items);
      after = page.nextCursor;
      if (!page.hasMore) break;
    }
    return { items, after };
  };

  it("lists changes only of subjects the node checked, under that node's reference", async () => {
    const checkedByA = await consenting();
    const checkedByBoth = await consenting();
    const unchecked = await consenting();
    const check = (node: { id: string }, id: string) => checkSingle(deps, node, { subject: { nationalId: id }, request, permitReference: "F" });
    await check(NODE_A, checkedByA);
    await check(NODE_A, checkedByBoth);
    await check({ id: "node-c" }, checkedByBoth);
    for (const id of [checkedByA, checkedByBoth, unchecked]) await withdrawConsent(deps, actor(id), { expectedVersion: 1 });

    const a = (await readAll(NODE_A)).items;
    const c = (await readAll({ id: "node-c" })).items;
    const refA = (id: string) => deps.nodeRefs.refFor("node-a", keyOf(id));
    const refC = (id: string) => deps.nodeRefs.refFor("node-c", keyOf(id));
    expect(a.filter((i) => i.sub === refA(checkedByA)).map((i) => i.change)).toEqual(["granted", "withdrawn"]);
    expect(a.filter((i) => i.sub === refA(checkedByBoth)).map((i) => i.change)).toEqual(["granted", "withdrawn"]);
    expect(a.some((i) => i.sub === refA(unchecked) || i.sub === refC(checkedByBoth))).toBe(false);
    expect(c.map((i) => [i.sub, i.change, i.consentVersion])).toEqual([
      [refC(checkedByBoth), "granted", 1],
      [refC(checkedByBoth), "withdrawn", 2],
    ]);
    expect((await readAll({ id: "node-never" })).items).toEqual([]);
  });

  it("pages without loss or repetition, with hasMore while a page was cut short", async () => {
    const ids = [];
    for (let i = 0; i < 7; i++) ids.push(await consenting());
    for (const id of ids) await checkSingle(deps, { id: "node-pager" }, { subject: { nationalId: id }, request, permitReference: "F" });
    const first = await feed({ id: "node-pager" }, { limit: "3" });
    expect(first).toMatchObject({ cursor: null, hasMore: true });
    expect(first.items).toHaveLength(3);
    const whole = await readAll({ id: "node-pager" });
    const paged = await readAll({ id: "node-pager" }, 3);
    expect(paged.items).toEqual(whole.items);
    expect(whole.items).toHaveLength(7);
    // Caught up: from the last cursor, an empty page that keeps the cursor.
    const end = await feed({ id: "node-pager" }, { after: whole.after! });
    expect(end).toMatchObject({ items: [], cursor: whole.after, nextCursor: whole.after, hasMore: false });
  });

  it("reads past more than one scan page of other people's changes", async () => {
    const start = (await readAll({ id: "node-scan" })).after;
    for (let i = 0; i < 1200; i++) await grantConsent(deps, actor(newId()), { scope: fx.scope(), form: shown });
    const id = await consenting();
    await checkSingle(deps, { id: "node-scan" }, { subject: { nationalId: id }, request, permitReference: "F" });
    const page = await feed({ id: "node-scan" }, start ? { after: start } : {});
    expect(page.items.map((i) => i.change)).toEqual(["granted"]);
    expect(page.hasMore).toBe(false);
    expect(Number(page.nextCursor)).toBe(page.items[0]!.seq);
  });

  it("refuses a bad query", async () => {
    for (const q of [{ limit: "501" }, { after: "x" }, { other: "1" }]) {
      expect((await thrown(getNodeFeed(deps, NODE_A, q))).code).toBe("INVALID_INPUT");
    }
  });
});
