/**
 * The regulator workspace (lib/regulator): per-day counts of consent changes in UTC days,
 * decisions and deny rates per node, the workspace filter read from a query string, and
 * listEntries on the real SQLite store — filters, paging, the bound on entries read, what an
 * entry shows (never a subject key), and who may call it.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditEvent, type Actor, type AuditEntry, type AuditEvent } from "../../lib/audit/events";
import { AppError } from "../../lib/errors";
import { daysOf, getEntry, listEntries, summariseActivity, toRegulatorEntry } from "../../lib/regulator/activity";
import { pageHref, parseWorkspaceFilter } from "../../lib/regulator/query";
import type { Stores } from "../../lib/store/ports";
import { createSqliteStores } from "../../lib/store/sqlite";
import { defaultDeps, type UseCaseDeps } from "../../lib/usecases/deps";
import * as fx from "../support/fixtures";

const SUBJECT = "a".repeat(64);
const CONSENT_ID = randomUUID();
const regulator: Actor = { kind: "operator", id: "oidc:regulator" };

type ConsentType = "consent.granted" | "consent.amended" | "consent.withdrawn" | "consent.opted_out";

function consentEvent(type: ConsentType, at: string): AuditEvent {
  const ref = { consentId: CONSENT_ID, consentVersion: 1 };
  const data =
    type === "consent.granted"
      ? { ...ref, scope: fx.scope(), form: fx.formRef() }
      : type === "consent.amended"
        ? { ...ref, scope: fx.scope(), previousScope: fx.scope(), form: fx.formRef() }
        : ref;
  return auditEvent(type, { id: randomUUID(), at: new Date(at), actor: { kind: "subject", subjectKey: SUBJECT }, subjectKey: SUBJECT, data: data as never });
}

function decisionEvent(nodeId: string, decision: "PERMIT" | "DENY", at: string): AuditEvent {
  return auditEvent("decision.made", {
    id: randomUUID(),
    at: new Date(at),
    actor: { kind: "node", nodeId },
    subjectKey: SUBJECT,
    data: {
      nodeId,
      requestHash: `sha256:${"f".repeat(64)}`,
      decision,
      reasons: decision === "DENY" ? [{ code: "NO_CONSENT" }] : [],
      consentId: decision === "PERMIT" ? CONSENT_ID : null,
      consentVersion: decision === "PERMIT" ? 1 : null,
      purpose: "HMB",
      recipient: { organisation: "Research Org", type: "public", country: "BE" },
      dataCategories: ["imaging.ct"],
    },
  });
}

const entry = (e: AuditEvent, seq = 0): AuditEntry => ({ ...e, seq }) as AuditEntry;

describe("summariseActivity", () => {
  const period = { from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-04T00:00:00Z"), timeZone: "UTC" as const };

  it.each([
    ["one grant", [consentEvent("consent.granted", "2026-06-01T10:00:00Z")], { "2026-06-01": [1, 0, 0, 0] }],
    [
      "each kind on its day",
      [
        consentEvent("consent.granted", "2026-06-01T10:00:00Z"),
        consentEvent("consent.amended", "2026-06-02T10:00:00Z"),
        consentEvent("consent.withdrawn", "2026-06-03T10:00:00Z"),
        consentEvent("consent.opted_out", "2026-06-03T11:00:00Z"),
      ],
      { "2026-06-01": [1, 0, 0, 0], "2026-06-02": [0, 1, 0, 0], "2026-06-03": [0, 0, 1, 1] },
    ],
    [
      "UTC day boundaries: 23:59:59.999 is the day before, 00:00 the day itself",
      [
        consentEvent("consent.granted", "2026-06-01T23:59:59.999Z"),
        consentEvent("consent.granted", "2026-06-02T00:00:00.000Z"),
        // 01:30 in Berlin on 06-03 is still 06-02 in UTC
        consentEvent("consent.withdrawn", "2026-06-03T01:30:00+02:00"),
      ],
      { "2026-06-01": [1, 0, 0, 0], "2026-06-02": [1, 0, 1, 0] },
    ],
    [
      "outside the period: ignored (from is included, to is not)",
      [
        consentEvent("consent.granted", "2026-05-31T23:59:59.999Z"),
        consentEvent("consent.granted", "2026-06-04T00:00:00.000Z"),
        consentEvent("consent.granted", "2026-06-01T00:00:00.000Z"),
      ],
      { "2026-06-01": [1, 0, 0, 0] },
    ],
    ["decisions are not consent changes", [decisionEvent("node-a", "PERMIT", "2026-06-01T10:00:00Z")], {}],
  ])("%s", (_name, events, expected: Record<string, number[]>) => {
    const s = summariseActivity(events.map((e) => entry(e)), period);
    expect(s.days.map((d) => d.day)).toEqual(["2026-06-01", "2026-06-02", "2026-06-03"]);
    for (const d of s.days) expect([d.day, [d.granted, d.amended, d.withdrawn, d.opted_out]]).toEqual([d.day, expected[d.day] ?? [0, 0, 0, 0]]);
  });

  it.each([
    ["no decisions", [], [], { permit: 0, deny: 0, denyRate: null }],
    [
      "one node, a quarter denied",
      [["node-a", "PERMIT"], ["node-a", "PERMIT"], ["node-a", "PERMIT"], ["node-a", "DENY"]],
      [{ nodeId: "node-a", permit: 3, deny: 1, denyRate: 0.25 }],
      { permit: 3, deny: 1, denyRate: 0.25 },
    ],
    [
      "two nodes, sorted by id; the overall rate weighs every decision",
      [["node-b", "DENY"], ["node-a", "PERMIT"], ["node-b", "DENY"], ["node-a", "PERMIT"], ["node-a", "PERMIT"], ["node-a", "DENY"]],
      [
        { nodeId: "node-a", permit: 3, deny: 1, denyRate: 0.25 },
        { nodeId: "node-b", permit: 0, deny: 2, denyRate: 1 },
      ],
      { permit: 3, deny: 3, denyRate: 0.5 },
    ],
    ["only permits", [["node-c", "PERMIT"]], [{ nodeId: "node-c", permit: 1, deny: 0, denyRate: 0 }], { permit: 1, deny: 0, denyRate: 0 }],
  ] as const)("%s", (_name, decisions, nodes, overall) => {
    const s = summariseActivity(
      decisions.map(([n, d], i) => entry(decisionEvent(n, d, `2026-06-02T10:00:0${i}Z`))),
      period,
    );
    expect(s.nodes).toEqual(nodes);
    expect(s.overall).toEqual(overall);
  });

  it("lists every UTC day a period touches, including a partial last day", () => {
    expect(daysOf(new Date("2026-02-27T12:00:00Z"), new Date("2026-03-01T00:00:01Z"))).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
    expect(daysOf(new Date("2026-03-01T00:00:00Z"), new Date("2026-03-01T00:00:00Z"))).toEqual([]);
  });
});

describe("an entry as a regulator sees it", () => {
  it("says whether it is about a citizen, but carries no subject key", () => {
    const shown = toRegulatorEntry(entry(decisionEvent("node-a", "DENY", "2026-06-02T10:00:00Z"), 7));
    expect(shown).toMatchObject({ type: "decision.made", nodeId: "node-a", decision: "DENY", reasons: ["NO_CONSENT"], purpose: "HMB", actorKind: "node", aboutSubject: true, seq: 7 });
    expect(JSON.stringify(shown)).not.toContain(SUBJECT.slice(0, 8));
    expect(JSON.stringify(toRegulatorEntry(entry(consentEvent("consent.granted", "2026-06-02T10:00:00Z"))))).not.toContain("aaaa");
  });
});

describe("the workspace filter from a query string", () => {
  const now = new Date("2026-06-30T15:00:00Z");

  it("defaults to the last 30 UTC days, today included", () => {
    const f = parseWorkspaceFilter({}, now);
    expect(f.form).toEqual({ from: "2026-06-01", to: "2026-06-30", type: "", node: "", decision: "" });
    expect(f.query).toMatchObject({ from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-07-01T00:00:00Z"), cursor: null });
    expect(f.invalid).toEqual([]);
  });

  it("reads each filter, with the end day included", () => {
    const f = parseWorkspaceFilter({ from: "2026-05-01", to: "2026-05-02", type: "decision.made", node: "node-a", decision: "DENY", cursor: "o50" }, now);
    expect(f.query).toMatchObject({ from: new Date("2026-05-01T00:00:00Z"), to: new Date("2026-05-03T00:00:00Z"), types: ["decision.made"], nodeId: "node-a", decision: "DENY", cursor: "o50" });
    expect(pageHref("/regulator", f.form, "o100")).toBe("/regulator?from=2026-05-01&to=2026-05-02&type=decision.made&node=node-a&decision=DENY&cursor=o100");
  });

  it.each([
    [{ from: "2026-02-30" }, ["from"]],
    [{ to: "yesterday" }, ["to"]],
    [{ from: "2026-07-01", to: "2026-06-01" }, ["from"]],
    [{ from: "2024-01-01", to: "2026-06-01" }, ["from"]],
    [{ type: "consent.stolen" }, ["type"]],
    [{ decision: "MAYBE" }, ["decision"]],
    [{ cursor: "abc" }, ["cursor"]],
  ])("falls back to the default for %j and says so", (params, invalid) => {
    const f = parseWorkspaceFilter(params, now);
    expect(f.invalid).toEqual(invalid);
    expect(f.query.from.getTime()).toBeLessThan(f.query.to.getTime());
  });
});

describe("listEntries on the SQLite store", () => {
  let dir: string;
  let stores: Stores;
  let deps: UseCaseDeps;
  const from = new Date("2026-06-01T00:00:00Z");
  const to = new Date("2026-06-03T00:00:00Z");

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "donum-regulator-"));
    stores = createSqliteStores(join(dir, "donum.db"));
    deps = defaultDeps(stores);
    await stores.audit.appendMany([
      consentEvent("consent.granted", "2026-05-31T23:59:59Z"), // before the period
      consentEvent("consent.granted", "2026-06-01T08:00:00Z"),
      decisionEvent("node-a", "PERMIT", "2026-06-01T09:00:00Z"),
      decisionEvent("node-a", "DENY", "2026-06-01T10:00:00Z"),
      decisionEvent("node-b", "DENY", "2026-06-02T09:00:00Z"),
      consentEvent("consent.withdrawn", "2026-06-02T12:00:00Z"),
      decisionEvent("node-b", "PERMIT", "2026-06-02T23:59:59Z"),
      decisionEvent("node-b", "PERMIT", "2026-06-03T00:00:00Z"), // after the period
    ]);
  });
  afterAll(async () => {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists the period newest first, with its summary and the nodes seen", async () => {
    const r = await listEntries(deps, regulator, { from, to });
    expect(r.items.map((e) => e.at)).toEqual([
      "2026-06-02T23:59:59.000Z",
      "2026-06-02T12:00:00.000Z",
      "2026-06-02T09:00:00.000Z",
      "2026-06-01T10:00:00.000Z",
      "2026-06-01T09:00:00.000Z",
      "2026-06-01T08:00:00.000Z",
    ]);
    expect(r).toMatchObject({ total: 6, scanned: 6, truncated: false, cursor: null, nodeIds: ["node-a", "node-b"] });
    expect(r.summary.days).toEqual([
      { day: "2026-06-01", granted: 1, amended: 0, withdrawn: 0, opted_out: 0 },
      { day: "2026-06-02", granted: 0, amended: 0, withdrawn: 1, opted_out: 0 },
    ]);
    expect(r.summary.overall).toEqual({ permit: 2, deny: 2, denyRate: 0.5 });
    expect(JSON.stringify(r)).not.toContain(SUBJECT);
  });

  it.each([
    ["an event type", { types: ["decision.made" as const] }, 4],
    ["two event types", { types: ["consent.granted" as const, "consent.withdrawn" as const] }, 2],
    ["a node", { nodeId: "node-b" }, 2],
    ["a decision", { decision: "DENY" as const }, 2],
    ["a node and a decision", { nodeId: "node-a", decision: "PERMIT" as const }, 1],
    ["a node that made no decision", { nodeId: "node-z" }, 0],
  ])("filters by %s", async (_name, filters, count) => {
    const r = await listEntries(deps, regulator, { from, to, ...filters });
    expect(r.total).toBe(count);
    expect(r.items).toHaveLength(count);
    expect(r.scanned).toBe(6);
    const nodeId = "nodeId" in filters ? filters.nodeId : undefined;
    if (nodeId) expect(r.items.every((e) => e.nodeId === nodeId)).toBe(true);
  });

  it("pages through the matches with its cursor", async () => {
    const one = await listEntries(deps, regulator, { from, to, limit: 4 });
    expect(one.items).toHaveLength(4);
    expect(one.cursor).toBe("o4");
    const two = await listEntries(deps, regulator, { from, to, limit: 4, cursor: one.cursor });
    expect(two.items.map((e) => e.at)).toEqual(["2026-06-01T09:00:00.000Z", "2026-06-01T08:00:00.000Z"]);
    expect(two.cursor).toBeNull();
  });

  it("reads at most the bound, and says where it stopped", async () => {
    const r = await listEntries(deps, regulator, { from, to }, { maxScanned: 3 });
    expect(r).toMatchObject({ scanned: 3, truncated: true, readUntil: "2026-06-01T10:00:00.000Z", total: 3 });
  });

  it("finds one entry by its id and time, in full but without a subject key", async () => {
    const [listed] = (await listEntries(deps, regulator, { from, to, decision: "DENY", nodeId: "node-b" })).items;
    const detail = await getEntry(deps, regulator, listed!.id, listed!.at);
    expect(detail).toMatchObject({
      id: listed!.id,
      decision: "DENY",
      reasons: ["NO_CONSENT"],
      request: { purpose: "HMB", recipient: { organisation: "Research Org", type: "public", country: "BE" }, dataCategories: ["imaging.ct"], permitReference: null, batch: null },
    });
    expect(JSON.stringify(detail)).not.toContain(SUBJECT);
    expect((await getEntry(deps, regulator, listed!.id, "2026-06-01T10:00:00.000Z"))).toBeNull();
    expect(await getEntry(deps, regulator, randomUUID(), listed!.at)).toBeNull();
    expect(await getEntry(deps, regulator, "not-a-uuid", "yesterday")).toBeNull();
    await expect(getEntry(deps, { kind: "subject", subjectKey: SUBJECT }, listed!.id, listed!.at)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a citizen and a node, and a reversed or too long period", async () => {
    await expect(listEntries(deps, { kind: "subject", subjectKey: SUBJECT }, { from, to })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listEntries(deps, { kind: "node", nodeId: "node-a" }, { from, to })).rejects.toBeInstanceOf(AppError);
    await expect(listEntries(deps, regulator, { from: to, to: from })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(listEntries(deps, regulator, { from: new Date("2024-01-01T00:00:00Z"), to })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
