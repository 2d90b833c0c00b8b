/**
 * GET /api/v1/feed over HTTP: a node's signed feed of consent changes of the subjects it has
 * checked, under the reference it was given — and nothing of anyone else's, and nothing for a
 * node that never checked the person.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readPrivateJwkFile } from "../../lib/client/node-key";
import { checkDecision, DonumApiError, fetchDonumJwks, type DonumApiClient } from "../../lib/client/decisions";
import { feedPath, fetchFeedPage, followFeed } from "../../lib/client/feed";
import { createRequestSigner } from "../../lib/client/request-signer";
import { verifyFeedPage, type FeedItem } from "../../lib/client/verify";
import { parseConfig } from "../../lib/config";
import type { DecisionRequestInput } from "../../lib/consent/decision";
import { DEFAULT_FORM_ID } from "../../lib/consent/forms";
import type { VerificationJwks } from "../../lib/crypto/jws";
import { generateNodeKey, publicJwkOf } from "../../lib/nodes/keys";
import { registerNode } from "../../lib/nodes/registry";
import { createContainer, type Container } from "../../lib/server/container";
import { grantConsent, withdrawConsent, optOutOfSecondaryUse } from "../../lib/usecases/consent-changes";
import * as fx from "../support/fixtures";

jest.setTimeout(120_000);

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: the app-server globalSetup did not run`);
  return v;
};
const base = () => env("DONUM_TEST_BASE_URL");
const dataDir = () => env("DONUM_TEST_DATA_DIR");
const ROOT = join(__dirname, "..", "..");

const DEMO = "demo-node";
const RUN = randomBytes(4).toString("hex");
let counter = 0;
const newNationalId = () => `NL/FEEDTEST${RUN.toUpperCase()}${++counter}`;

const request: DecisionRequestInput = {
  dataCategories: ["imaging.mr"],
  purpose: { code: "HMB" },
  recipient: { organisation: "Erasmus MC", type: "public", country: "NL" },
};

let container: Container;
let jwks: VerificationJwks;
let demo: DonumApiClient;

/** A keep-alive connection the server closed just as it was reused ("other side closed"): undici does not retry a POST. */
const isStaleConnection = (e: unknown) =>
  e instanceof TypeError && (e.cause as { code?: string } | undefined)?.code?.startsWith("UND_ERR_SOCKET") === true;

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

const clientFor = (nodeId: string, privateJwk: unknown): DonumApiClient => ({
  baseUrl: base(),
  signer: createRequestSigner({ nodeId, privateJwk, audience: base() }),
});

/** Every item of a node's feed after `after`, each page verified; and where it ends. */
async function readFeed(client: DonumApiClient, nodeId: string, after: string | null = null, limit?: number) {
  const items: FeedItem[] = [];
  let cursor = after;
  let pages = 0;
  for await (const page of followFeed(client, { after, jwks, nodeId, issuer: base(), ...(limit ? { limit } : {}) })) {
    items.push(...page.items);
    cursor = page.nextCursor ?? cursor;
    pages++;
  }
  return { items, cursor, pages };
}

async function shownForm() {
  const form = (await container.deps.stores.forms.latest(DEFAULT_FORM_ID))!;
  return { formId: form.formId, version: form.version, language: "en", textHash: form.textHashes.en! };
}

async function consenting() {
  const nationalId = newNationalId();
  const subjectKey = container.subjects.keyOf(nationalId);
  await grantConsent(container.deps, { kind: "subject", subjectKey }, { scope: fx.scope({ dataCategories: ["imaging.mr"] }), form: await shownForm() });
  return { nationalId, subjectKey, actor: { kind: "subject" as const, subjectKey } };
}

const checkAs = (client: DonumApiClient, nationalId: string) =>
  retrying(() => checkDecision(client, { subject: { nationalId }, request, permitReference: `FEED-${RUN}` }));

/** Registers a node with the operator CLI against the portal's data directory; answers its client. */
function registerWithCli(nodeId: string): DonumApiClient {
  const keyFile = join(mkdtempSync(join(tmpdir(), "donum-feed-node-")), `${nodeId}.private.jwk`);
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(childEnv)) if (k.startsWith("DONUM_")) delete childEnv[k];
  childEnv.DONUM_DATA_DIR = dataDir();
  const r = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/donum.ts"), "nodes", "add", "--id", nodeId, "--organisation", "Feed Test Hospital B", "--country", "NL", "--type", "public", "--generate-key", keyFile],
    { cwd: ROOT, env: childEnv, input: "", encoding: "utf8", timeout: 60_000 },
  );
  if (r.status !== 0) throw new Error(`nodes add exited ${r.status}: ${r.stderr}`);
  return clientFor(nodeId, readPrivateJwkFile(keyFile).privateJwk);
}

/** Registers a node with the registry use case (quicker than the CLI). */
async function registerDirectly(nodeId: string): Promise<DonumApiClient> {
  const key = generateNodeKey("ES256");
  await registerNode(container.deps, fx.operator, { id: nodeId, organisation: "Feed Test Hospital C", country: "DE", organisationType: "public", publicJwk: publicJwkOf(key.privateJwk) });
  return clientFor(nodeId, key.privateJwk);
}

beforeAll(async () => {
  container = await createContainer(parseConfig({ DONUM_DATA_DIR: dataDir(), DONUM_LOG_LEVEL: "error" }));
  jwks = await fetchDonumJwks(base());
  demo = clientFor(DEMO, readPrivateJwkFile(join(dataDir(), "keys", "demo-node.private.jwk")).privateJwk);
});

afterAll(async () => {
  await container?.stores.close();
});

describe("GET /api/v1/feed", () => {
  it("lists a withdrawal under the reference the node got in its decision, signed for that node", async () => {
    const s = await consenting();
    const { decision } = await checkAs(demo, s.nationalId);
    expect(decision.decision).toBe("PERMIT");
    const before = await readFeed(demo, DEMO);
    // The grant, made before the check, is in the feed too: every change of a linked subject is.
    expect(before.items).toContainEqual(expect.objectContaining({ sub: decision.sub, change: "granted", consentVersion: 1 }));

    await withdrawConsent(container.deps, s.actor, { expectedVersion: 1 });
    const after = await readFeed(demo, DEMO, before.cursor);
    expect(after.items).toContainEqual({ seq: expect.any(Number), sub: decision.sub, change: "withdrawn", at: expect.any(String), consentVersion: 2 });
    expect(after.items.every((i) => Number(i.seq) > Number(before.cursor))).toBe(true);
    // Caught up: the next read from the new cursor has nothing.
    expect((await readFeed(demo, DEMO, after.cursor)).items).toEqual([]);
  });

  it("the raw answer: { token, page }, no-store, a page that verifies only for its own node and position", async () => {
    const res = await retrying(async () => {
      const path = feedPath({ limit: 5 });
      const r = await fetch(`${base()}${path}`, { headers: { authorization: demo.signer.sign({ method: "GET", path }) } });
      if (r.status === 429) throw new DonumApiError(429, null, Number(r.headers.get("retry-after") ?? 1));
      return r;
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const { token, page } = (await res.json()) as { token: string; page: { items: unknown[]; cursor: null; nextCursor: string } };
    expect(page.cursor).toBeNull();
    expect(page.items.length).toBeLessThanOrEqual(5);
    const v = verifyFeedPage(token, jwks, { audience: DEMO, after: null });
    expect(v.ok && v.claims).toEqual(page);
    expect(v.ok || v.error.code).toBe(true);
    const other = verifyFeedPage(token, jwks, { audience: "another-node" });
    expect(other.ok || other.error.code).toBe("WRONG_AUDIENCE");
    const text = JSON.stringify(page);
    expect(text).not.toMatch(/[0-9a-f]{64}/); // no subject key
    expect(text).not.toContain("FEEDTEST");
  });

  it("isolates nodes: one that never checked the person sees nothing; one that did sees its own, different reference", async () => {
    const s = await consenting();
    const { decision: demoDecision } = await checkAs(demo, s.nationalId);

    const b = `feed-b-${RUN}`;
    const clientB = registerWithCli(b);
    const c = `feed-c-${RUN}`;
    const clientC = await registerDirectly(c);
    const { decision: cDecision } = await checkAs(clientC, s.nationalId);
    expect(cDecision.sub).not.toBe(demoDecision.sub);

    await withdrawConsent(container.deps, s.actor, { expectedVersion: 1 });
    await optOutOfSecondaryUse(container.deps, s.actor, { expectedVersion: 2 });

    // Node B has checked no one: its feed is empty, whatever changed.
    const feedB = await readFeed(clientB, b);
    expect(feedB.items).toEqual([]);
    expect(feedB.cursor).not.toBeNull(); // it did move past the changes it may not see

    // Node C checked only this person: exactly their changes, under C's reference.
    const feedC = await readFeed(clientC, c);
    expect(feedC.items.map((i) => [i.sub, i.change, i.consentVersion])).toEqual([
      [cDecision.sub, "granted", 1],
      [cDecision.sub, "withdrawn", 2],
      [cDecision.sub, "opted_out", 3],
    ]);

    // The demo node sees the same changes under its own reference, never C's.
    const demoFeed = await readFeed(demo, DEMO);
    const mine = demoFeed.items.filter((i) => i.sub === demoDecision.sub).map((i) => i.change);
    expect(mine).toEqual(["granted", "withdrawn", "opted_out"]);
    expect(demoFeed.items.some((i) => i.sub === cDecision.sub)).toBe(false);
    // Same change, same place in the log, whichever node reads it.
    const seqs = (items: FeedItem[], sub: string) => items.filter((i) => i.sub === sub).map((i) => i.seq);
    expect(seqs(demoFeed.items, demoDecision.sub)).toEqual(seqs(feedC.items, cDecision.sub));
  });

  it("pages: a small limit gives the same items as one read, in order, with hasMore until caught up", async () => {
    const s1 = await consenting();
    const s2 = await consenting();
    await checkAs(demo, s1.nationalId);
    await checkAs(demo, s2.nationalId);
    const whole = await readFeed(demo, DEMO);
    const paged = await readFeed(demo, DEMO, null, 2);
    expect(paged.items).toEqual(whole.items);
    expect(paged.pages).toBeGreaterThanOrEqual(Math.ceil(whole.items.length / 2));
    const seqs = whole.items.map((i) => i.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });

  it("refuses a bad query with 400, and an unsigned request with 401", async () => {
    for (const query of ["?limit=501", "?limit=0", "?after=abc", "?after=-1", "?cursor=1"]) {
      const path = `/api/v1/feed${query}`;
      const res = await fetch(`${base()}${path}`, { headers: { authorization: demo.signer.sign({ method: "GET", path }) } });
      expect([400, 429]).toContain(res.status);
      if (res.status === 400) expect(((await res.json()) as { code: string }).code).toBe("INVALID_INPUT");
    }
    expect((await fetch(`${base()}/api/v1/feed`)).status).toBe(401);
  });

  it("fetchFeedPage answers the page as sent; followFeed refuses a page that does not verify", async () => {
    const { token, page } = await retrying(() => fetchFeedPage(demo, { limit: 1 }));
    expect(typeof token).toBe("string");
    expect(page.items.length).toBeLessThanOrEqual(1);
    const wrongKeys = { keys: [] };
    await expect(
      (async () => {
        for await (const _ of followFeed(demo, { jwks: wrongKeys, nodeId: DEMO })) void _;
      })(),
    ).rejects.toThrow(/UNKNOWN_KID/);
  });
});
