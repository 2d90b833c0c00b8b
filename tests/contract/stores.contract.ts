/**
 * The storage contract. Every adapter runs this one suite against a real server (SQLite
 * in-process, DynamoDB Local); an adapter that passes it can back the portal.
 */
import { queuedExportJob, type ExportJob } from "../../lib/audit/export/job";
import { randomUUID } from "node:crypto";
import { auditEvent, type AuditEvent } from "../../lib/audit/events";
import { amend, grant, withdraw, type Consent } from "../../lib/consent/consent";
import { AppError } from "../../lib/errors";
import type { Stores } from "../../lib/store/ports";
import * as fx from "../support/fixtures";

export type StoreFactory = () => Promise<Stores>;

function grantedEvent(consent: Consent, at: Date, id: string = randomUUID()): AuditEvent {
  return auditEvent("consent.granted", {
    id,
    at,
    actor: { kind: "subject", subjectKey: consent.subjectKey },
    subjectKey: consent.subjectKey,
    data: { consentId: consent.id, consentVersion: consent.version, scope: consent.scope!, form: consent.form! },
  });
}

function amendedEvent(consent: Consent, previous: Consent, at: Date): AuditEvent {
  return auditEvent("consent.amended", {
    id: randomUUID(),
    at,
    actor: { kind: "subject", subjectKey: consent.subjectKey },
    subjectKey: consent.subjectKey,
    data: {
      consentId: consent.id,
      consentVersion: consent.version,
      scope: consent.scope!,
      previousScope: previous.scope!,
      form: consent.form!,
    },
  });
}

const ctx = (subjectKey: string, now: Date) => ({ id: randomUUID(), subjectKey, now, method: "web" as const });

async function grantNew(stores: Stores, subjectKey = fx.subjectKey(), at = fx.T0): Promise<Consent> {
  const t = grant(null, fx.scope(), fx.formRef(), ctx(subjectKey, at));
  if (!t.ok) throw new Error("grant failed");
  await stores.consents.commitChange({ consent: t.consent, change: t.change, expectedVersion: 0, audit: grantedEvent(t.consent, at) });
  return t.consent;
}

function amendTo(prev: Consent, at: Date, dataCategories: ("imaging.ct" | "imaging.pet" | "genomics")[]) {
  const t = amend(prev, fx.scope({ dataCategories }), fx.formRef(), ctx(prev.subjectKey, at));
  if (!t.ok) throw new Error("amend failed");
  return { consent: t.consent, change: t.change, expectedVersion: prev.version, audit: amendedEvent(t.consent, prev, at) };
}

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toBeInstanceOf(AppError);
  await expect(p).rejects.toMatchObject({ code });
}

const later = (ms: number) => new Date(fx.T0.getTime() + ms);

async function allBySubject(stores: Stores, subjectKey: string) {
  return (await stores.audit.listBySubject(subjectKey, { limit: 1000 })).items;
}

/** A decision entry, as a node's check writes it. */
function decisionEvent(at: Date, subjectKey: string, nodeId = "node-contract"): AuditEvent {
  return auditEvent("decision.made", {
    id: randomUUID(),
    at,
    actor: { kind: "node", nodeId },
    subjectKey,
    data: {
      nodeId,
      requestHash: `sha256:${"a".repeat(64)}`,
      decision: "DENY",
      reasons: [{ code: "NO_CONSENT" }],
      consentId: null,
      consentVersion: null,
      purpose: "HMB",
      recipient: { organisation: "Research Org", type: "public", country: "BE" },
      dataCategories: ["imaging.ct"],
    },
  });
}

/** A consent change of each of the four types in turn (i mod 4). */
function consentChangeEvent(i: number, at: Date, subjectKey: string): AuditEvent {
  const common = { id: randomUUID(), at, actor: { kind: "subject" as const, subjectKey }, subjectKey };
  const ref = { consentId: randomUUID(), consentVersion: i + 1 };
  switch (i % 4) {
    case 0:
      return auditEvent("consent.granted", { ...common, data: { ...ref, scope: fx.scope(), form: fx.formRef() } });
    case 1:
      return auditEvent("consent.amended", {
        ...common,
        data: { ...ref, scope: fx.scope({ dataCategories: ["genomics"] }), previousScope: fx.scope(), form: fx.formRef() },
      });
    case 2:
      return auditEvent("consent.withdrawn", { ...common, data: ref });
    default:
      return auditEvent("consent.opted_out", { ...common, data: ref });
  }
}

const CONSENT_CHANGE = /^consent\.(granted|amended|withdrawn|opted_out)$/;

export function runStoreContract(name: string, factory: StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await factory();
    });
    afterEach(async () => {
      await stores.close();
    });

    describe("consents", () => {
      it("has no consent for an unknown subject", async () => {
        expect(await stores.consents.getBySubject(fx.subjectKey())).toBeNull();
        expect(await stores.consents.getHistory(fx.subjectKey())).toEqual([]);
      });

      it("stores a grant with its history entry and audit entry, and reads them back", async () => {
        const consent = await grantNew(stores);
        expect(await stores.consents.getBySubject(consent.subjectKey)).toEqual(consent);
        const history = await stores.consents.getHistory(consent.subjectKey);
        expect(history).toHaveLength(1);
        expect(history[0]).toMatchObject({ version: 1, action: "granted", status: "active", scope: consent.scope });
        const audit = await allBySubject(stores, consent.subjectKey);
        expect(audit.map((e) => e.type)).toEqual(["consent.granted"]);
        expect(audit[0]!.data).toMatchObject({ consentId: consent.id, consentVersion: 1 });
      });

      it("keeps history append-only and in order across grant, amend and withdraw", async () => {
        const v1 = await grantNew(stores);
        const a = amendTo(v1, later(1000), ["genomics"]);
        await stores.consents.commitChange(a);
        const w = withdraw(a.consent, ctx(v1.subjectKey, later(2000)));
        if (!w.ok) throw new Error("withdraw failed");
        await stores.consents.commitChange({
          consent: w.consent,
          change: w.change,
          expectedVersion: 2,
          audit: auditEvent("consent.withdrawn", {
            id: randomUUID(),
            at: later(2000),
            actor: { kind: "subject", subjectKey: v1.subjectKey },
            subjectKey: v1.subjectKey,
            data: { consentId: v1.id, consentVersion: 3 },
          }),
        });
        const history = await stores.consents.getHistory(v1.subjectKey);
        expect(history.map((h) => [h.version, h.action])).toEqual([
          [1, "granted"],
          [2, "amended"],
          [3, "withdrawn"],
        ]);
        expect(history[1]!.scope?.dataCategories).toEqual(["genomics"]);
        expect(await stores.consents.getBySubject(v1.subjectKey)).toMatchObject({ version: 3, status: "withdrawn", scope: null });
        const audit = await allBySubject(stores, v1.subjectKey);
        expect(audit.map((e) => e.type)).toEqual(["consent.granted", "consent.amended", "consent.withdrawn"]);
      });

      it("refuses a second first-grant for the same subject and writes nothing", async () => {
        const first = await grantNew(stores);
        const again = grant(null, fx.scope({ dataCategories: ["genomics"] }), fx.formRef(), ctx(first.subjectKey, later(5)));
        if (!again.ok) throw new Error("grant failed");
        await expectCode(
          stores.consents.commitChange({ consent: again.consent, change: again.change, expectedVersion: 0, audit: grantedEvent(again.consent, later(5)) }),
          "CONFLICT",
        );
        expect(await stores.consents.getBySubject(first.subjectKey)).toEqual(first);
        expect(await stores.consents.getHistory(first.subjectKey)).toHaveLength(1);
        expect(await allBySubject(stores, first.subjectKey)).toHaveLength(1);
      });

      it("fails a stale write with a conflict and never overwrites", async () => {
        const v1 = await grantNew(stores);
        await stores.consents.commitChange(amendTo(v1, later(10), ["genomics"]));
        const stale = amendTo(v1, later(20), ["imaging.pet"]); // still based on version 1
        await expectCode(stores.consents.commitChange(stale), "CONFLICT");
        const current = await stores.consents.getBySubject(v1.subjectKey);
        expect(current).toMatchObject({ version: 2 });
        expect(current!.scope!.dataCategories).toEqual(["genomics"]);
        expect(await stores.consents.getHistory(v1.subjectKey)).toHaveLength(2);
        expect(await allBySubject(stores, v1.subjectKey)).toHaveLength(2);
      });

      it("lets exactly one of two concurrent amendments win", async () => {
        const v1 = await grantNew(stores);
        const results = await Promise.allSettled([
          stores.consents.commitChange(amendTo(v1, later(10), ["genomics"])),
          stores.consents.commitChange(amendTo(v1, later(10), ["imaging.pet"])),
        ]);
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
        expect(rejected).toHaveLength(1);
        expect(rejected[0]!.reason).toMatchObject({ code: "CONFLICT" });
        const history = await stores.consents.getHistory(v1.subjectKey);
        expect(history.map((h) => h.version)).toEqual([1, 2]);
        expect((await stores.consents.getBySubject(v1.subjectKey))!.scope).toEqual(history[1]!.scope);
        expect(await allBySubject(stores, v1.subjectKey)).toHaveLength(2);
      });

      it("leaves neither the change nor its audit entry behind when the audit write fails", async () => {
        const taken = randomUUID();
        await stores.audit.append(
          auditEvent("consent.opted_out", {
            id: taken,
            at: fx.T0,
            actor: { kind: "system", component: "test" },
            subjectKey: null,
            data: { consentId: randomUUID(), consentVersion: 1 },
          }),
        );
        const subjectKey = fx.subjectKey();
        const t = grant(null, fx.scope(), fx.formRef(), ctx(subjectKey, later(1)));
        if (!t.ok) throw new Error("grant failed");
        await expect(
          stores.consents.commitChange({ consent: t.consent, change: t.change, expectedVersion: 0, audit: grantedEvent(t.consent, later(1), taken) }),
        ).rejects.toBeInstanceOf(Error);
        expect(await stores.consents.getBySubject(subjectKey)).toBeNull();
        expect(await stores.consents.getHistory(subjectKey)).toEqual([]);
        expect(await allBySubject(stores, subjectKey)).toEqual([]);
      });

      it("reads many subjects' consents at once, leaving out those without one", async () => {
        const granted = [];
        for (let i = 0; i < 30; i++) granted.push(await grantNew(stores));
        const unknown = Array.from({ length: 20 }, () => fx.subjectKey());
        const keys = [...granted.map((c) => c.subjectKey), ...unknown, granted[0]!.subjectKey];
        const found = await stores.consents.getManyBySubject(keys);
        expect(found.size).toBe(30);
        for (const c of granted) expect(found.get(c.subjectKey)).toEqual(c);
        expect((await stores.consents.getManyBySubject([])).size).toBe(0);
      });

      it("keeps subjects apart", async () => {
        const a = await grantNew(stores);
        const b = await grantNew(stores);
        expect((await stores.consents.getBySubject(a.subjectKey))!.id).toBe(a.id);
        expect((await allBySubject(stores, a.subjectKey)).every((e) => e.subjectKey === a.subjectKey)).toBe(true);
        expect((await allBySubject(stores, b.subjectKey)).every((e) => e.subjectKey === b.subjectKey)).toBe(true);
      });
    });

    describe("audit", () => {
      const event = (i: number, subjectKey: string | null = null): AuditEvent =>
        auditEvent("consent.withdrawn", {
          id: randomUUID(),
          at: later(i * 1000),
          actor: { kind: "system", component: "contract-test" },
          subjectKey,
          data: { consentId: randomUUID(), consentVersion: i + 1 },
        });

      it("round-trips an entry exactly", async () => {
        const e = event(0, fx.subjectKey());
        await stores.audit.append(e);
        await stores.audit.sequencePending({ settleMs: 0 });
        const [entry] = await stores.audit.listBySequence(0, 10);
        expect(entry).toEqual({ ...e, seq: 0 });
      });

      it("refuses a second entry with the same id", async () => {
        const e = event(0);
        await stores.audit.append(e);
        await expectCode(stores.audit.append({ ...e, at: later(99).toISOString() }), "CONFLICT");
        await stores.audit.sequencePending({ settleMs: 0 });
        expect(await stores.audit.size()).toBe(1);
      });

      it("sequences entries gap-free from 0 in the order they were written", async () => {
        const events = Array.from({ length: 7 }, (_, i) => event(i));
        for (const e of events) await stores.audit.append(e);
        await stores.audit.sequencePending({ settleMs: 0 });
        expect(await stores.audit.size()).toBe(7);
        const all = await stores.audit.listBySequence(0, 100);
        expect(all.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5, 6]);
        expect(all.map((e) => e.id)).toEqual(events.map((e) => e.id));
        expect((await stores.audit.listBySequence(5, 100)).map((e) => e.seq)).toEqual([5, 6]);
        expect((await stores.audit.listBySequence(2, 2)).map((e) => e.seq)).toEqual([2, 3]);
        // A second run has nothing left to do and changes nothing.
        expect(await stores.audit.sequencePending({ settleMs: 0 })).toBe(0);
        expect(await stores.audit.size()).toBe(7);
      });

      it("lists by subject, oldest first, page by page", async () => {
        const key = fx.subjectKey();
        const mine = Array.from({ length: 5 }, (_, i) => event(i, key));
        for (const [i, e] of mine.entries()) {
          await stores.audit.append(e);
          await stores.audit.append(event(i, fx.subjectKey()));
        }
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: Awaited<ReturnType<Stores["audit"]["listBySubject"]>> = await stores.audit.listBySubject(key, { limit: 2, cursor });
          seen.push(...page.items.map((e) => e.id));
          expect(page.items.every((e) => e.subjectKey === key)).toBe(true);
          cursor = page.cursor;
          pages++;
        } while (cursor && pages < 10);
        expect(seen).toEqual(mine.map((e) => e.id));
        expect(pages).toBe(3);
      });

      it("lists by time range [from, to), oldest first, page by page", async () => {
        const events = Array.from({ length: 6 }, (_, i) => event(i));
        for (const e of events) await stores.audit.append(e);
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<Stores["audit"]["listByTime"]>> = await stores.audit.listByTime(later(1000), later(5000), { limit: 3, cursor });
          seen.push(...page.items.map((e) => e.id));
          cursor = page.cursor;
        } while (cursor);
        expect(seen).toEqual(events.slice(1, 5).map((e) => e.id));
        expect((await stores.audit.listByTime(later(60_000), later(120_000))).items).toEqual([]);
      });

      it("appends a large batch of independent entries, each exactly once", async () => {
        const key = fx.subjectKey();
        const events = Array.from({ length: 260 }, (_, i) => event(i, i % 2 === 0 ? key : null));
        await stores.audit.appendMany(events);
        await stores.audit.sequencePending({ settleMs: 0 });
        expect(await stores.audit.size()).toBe(260);
        const ids = new Set((await stores.audit.listBySequence(0, 1000)).map((e) => e.id));
        expect(ids).toEqual(new Set(events.map((e) => e.id)));
        expect((await allBySubject(stores, key)).length).toBe(130);
      });

      it("rejects a cursor it did not issue", async () => {
        await expectCode(stores.audit.listBySubject(fx.subjectKey(), { cursor: "not-a-cursor" }), "INVALID_INPUT");
      });
    });

    describe("consent changes (the nodes' withdrawal feed)", () => {
      /** 60 entries one second apart over five subjects: 10 consent changes among 50 decisions. */
      async function interleaved(): Promise<{ changes: AuditEvent[]; decisions: AuditEvent[] }> {
        const subjects = Array.from({ length: 5 }, () => fx.subjectKey());
        const changes: AuditEvent[] = [];
        const decisions: AuditEvent[] = [];
        for (let i = 0; i < 60; i++) {
          const subject = subjects[i % subjects.length]!;
          if (i % 6 === 3) {
            const e = consentChangeEvent(changes.length, later(i * 1000), subject);
            changes.push(e);
            await stores.audit.append(e);
          } else {
            const e = decisionEvent(later(i * 1000), subject);
            decisions.push(e);
            await stores.audit.appendMany([e]);
          }
        }
        await stores.audit.sequencePending({ settleMs: 0 });
        return { changes, decisions };
      }

      it("lists exactly the sequenced consent changes, in sequence order, and never a decision", async () => {
        const { changes } = await interleaved();
        const feed = await stores.audit.listConsentChangesSince(0, 100);
        expect(feed.map((e) => e.id)).toEqual(changes.map((e) => e.id));
        expect(feed.every((e) => CONSENT_CHANGE.test(e.type))).toBe(true);
        const seqs = feed.map((e) => e.seq!);
        expect(seqs.every((s) => Number.isInteger(s))).toBe(true);
        expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
        // The same entries, exactly, as the log holds them.
        const log = await stores.audit.listBySequence(0, 1000);
        expect(log).toHaveLength(60);
        expect(feed).toEqual(log.filter((e) => CONSENT_CHANGE.test(e.type)));
        for (const [i, e] of changes.entries()) expect(feed[i]).toEqual({ ...e, seq: seqs[i] });
      });

      it("starts at fromSeq, whether or not a consent change sits there", async () => {
        await interleaved();
        const all = await stores.audit.listConsentChangesSince(0, 100);
        const at = all[4]!.seq!;
        expect(await stores.audit.listConsentChangesSince(at, 100)).toEqual(all.slice(4));
        expect(await stores.audit.listConsentChangesSince(at + 1, 100)).toEqual(all.slice(5));
        expect(await stores.audit.listConsentChangesSince(at - 1, 100)).toEqual(all.slice(4));
        expect(await stores.audit.listConsentChangesSince(all.at(-1)!.seq! + 1, 100)).toEqual([]);
        expect(await stores.audit.listConsentChangesSince(10_000, 100)).toEqual([]);
      });

      it("returns at most `limit`, and a reader that resumes after the last seq it got reads every change once", async () => {
        await interleaved();
        const all = await stores.audit.listConsentChangesSince(0, 100);
        expect(await stores.audit.listConsentChangesSince(0, 3)).toEqual(all.slice(0, 3));
        const read: string[] = [];
        let from = 0;
        for (let calls = 0; calls < 20; calls++) {
          const page = await stores.audit.listConsentChangesSince(from, 3);
          if (page.length === 0) break;
          read.push(...page.map((e) => e.id));
          from = page.at(-1)!.seq! + 1;
        }
        expect(read).toEqual(all.map((e) => e.id));
      });

      it("includes changes written with the consent itself (commitChange)", async () => {
        const consent = await grantNew(stores);
        await stores.audit.appendMany([decisionEvent(later(1), consent.subjectKey)]);
        await stores.audit.sequencePending({ settleMs: 0 });
        const feed = await stores.audit.listConsentChangesSince(0, 10);
        expect(feed.map((e) => [e.type, e.subjectKey])).toEqual([["consent.granted", consent.subjectKey]]);
      });

      it("is empty for a log without consent changes, and holds only sequenced entries", async () => {
        await stores.audit.appendMany(Array.from({ length: 5 }, (_, i) => decisionEvent(later(i), fx.subjectKey())));
        await stores.audit.sequencePending({ settleMs: 0 });
        expect(await stores.audit.listConsentChangesSince(0, 100)).toEqual([]);
        // Written, perhaps not yet sequenced (DynamoDB): whatever the feed shows is sequenced.
        await stores.audit.append(consentChangeEvent(2, later(10), fx.subjectKey()));
        const feed = await stores.audit.listConsentChangesSince(0, 100);
        expect(feed.every((e) => e.seq !== null)).toBe(true);
        await stores.audit.sequencePending({ settleMs: 0 });
        expect((await stores.audit.listConsentChangesSince(0, 100)).map((e) => [e.type, e.seq])).toEqual([["consent.withdrawn", 5]]);
      });

      it("refuses a negative or fractional fromSeq and a limit below 1", async () => {
        await expectCode(stores.audit.listConsentChangesSince(-1, 10), "INVALID_INPUT");
        await expectCode(stores.audit.listConsentChangesSince(1.5, 10), "INVALID_INPUT");
        await expectCode(stores.audit.listConsentChangesSince(0, 0), "INVALID_INPUT");
      });
    });

    describe("replays", () => {
      const minute = 60_000;

      it("remembers an id: true the first time, false for a replay until it expires, then true again", async () => {
        const id = randomUUID();
        expect(await stores.replays.remember(id, later(minute), fx.T0)).toBe(true);
        expect(await stores.replays.remember(id, later(minute), fx.T0)).toBe(false);
        // A replay does not extend the first expiry, whatever expiry it asks for.
        expect(await stores.replays.remember(id, later(10 * minute), later(minute - 1))).toBe(false);
        // Expired at its expiry instant: remembered anew, with the new expiry.
        expect(await stores.replays.remember(id, later(3 * minute), later(minute))).toBe(true);
        expect(await stores.replays.remember(id, later(4 * minute), later(2 * minute))).toBe(false);
        expect(await stores.replays.remember(id, later(5 * minute), later(3 * minute + 1))).toBe(true);
      });

      it("lets exactly one of concurrent calls with one id through", async () => {
        const id = randomUUID();
        const results = await Promise.all(Array.from({ length: 8 }, () => stores.replays.remember(id, later(minute), fx.T0)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it("lets exactly one of concurrent calls through when the remembered id has expired", async () => {
        const id = randomUUID();
        await stores.replays.remember(id, later(minute), fx.T0);
        const results = await Promise.all(Array.from({ length: 8 }, () => stores.replays.remember(id, later(3 * minute), later(2 * minute))));
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it("keeps ids apart", async () => {
        const [a, b] = [randomUUID(), randomUUID()];
        expect(await stores.replays.remember(a, later(minute), fx.T0)).toBe(true);
        expect(await stores.replays.remember(b, later(minute), fx.T0)).toBe(true);
        expect(await stores.replays.remember(a, later(minute), fx.T0)).toBe(false);
        expect(await stores.replays.remember(`${a}x`, later(minute), fx.T0)).toBe(true);
      });

      it("refuses a time that is not a time", async () => {
        await expectCode(stores.replays.remember(randomUUID(), new Date(Number.NaN), fx.T0), "INVALID_INPUT");
        await expectCode(stores.replays.remember(randomUUID(), later(minute), new Date("not a date")), "INVALID_INPUT");
      });
    });

    describe("node links", () => {
      const ref = (nodeId: string, subjectKey: string, salt = "") => `ref:${nodeId}:${subjectKey.slice(0, 12)}${salt}`;
      const link = (nodeId: string, subjectKey: string, salt = "") => ({ nodeId, subjectKey, subjectRef: ref(nodeId, subjectKey, salt) });

      it("links subjects to a node and reads back only those linked, with their references", async () => {
        const [s1, s2, s3] = [fx.subjectKey(), fx.subjectKey(), fx.subjectKey()];
        await stores.links.linkMany([link("node-a", s1), link("node-a", s2)], fx.T0);
        const found = await stores.links.linked("node-a", [s1, s2, s3, s1]);
        expect(found).toEqual(new Map([[s1, ref("node-a", s1)], [s2, ref("node-a", s2)]]));
      });

      it("keeps nodes apart: a node never sees another node's links", async () => {
        const [s1, s2] = [fx.subjectKey(), fx.subjectKey()];
        await stores.links.linkMany([link("node-a", s1), link("node-a", s2), link("node-b", s2)], fx.T0);
        expect(await stores.links.linked("node-a", [s1, s2])).toEqual(new Map([[s1, ref("node-a", s1)], [s2, ref("node-a", s2)]]));
        expect(await stores.links.linked("node-b", [s1, s2])).toEqual(new Map([[s2, ref("node-b", s2)]]));
        expect((await stores.links.linked("node-c", [s1, s2])).size).toBe(0);
        // A node id that is another's with a suffix is another node.
        expect((await stores.links.linked("node-a2", [s1, s2])).size).toBe(0);
        expect((await stores.links.linked("node", [s1, s2])).size).toBe(0);
      });

      it("is idempotent and keeps the first reference, across calls and within one", async () => {
        const [s1, s2] = [fx.subjectKey(), fx.subjectKey()];
        await stores.links.linkMany([link("node-a", s1)], fx.T0);
        await stores.links.linkMany([link("node-a", s1)], later(1000));
        await stores.links.linkMany([link("node-a", s1, ":second"), link("node-a", s2), link("node-a", s2, ":second")], later(2000));
        expect(await stores.links.linked("node-a", [s1, s2])).toEqual(new Map([[s1, ref("node-a", s1)], [s2, ref("node-a", s2)]]));
      });

      it("keeps one reference per subject when calls race, and links every subject", async () => {
        const subjects = Array.from({ length: 150 }, () => fx.subjectKey());
        await Promise.all(
          ["", ":x", ":y"].map((salt) => stores.links.linkMany(subjects.map((s) => link("node-a", s, salt)), fx.T0)),
        );
        const found = await stores.links.linked("node-a", subjects);
        expect(found.size).toBe(150);
        for (const s of subjects) expect([ref("node-a", s), ref("node-a", s, ":x"), ref("node-a", s, ":y")]).toContain(found.get(s));
      });

      it("links a batch of thousands in one call, some of them linked before", async () => {
        const subjects = Array.from({ length: 2500 }, () => fx.subjectKey());
        await stores.links.linkMany(subjects.slice(0, 300).map((s) => link("node-a", s)), fx.T0);
        await stores.links.linkMany(subjects.map((s) => link("node-a", s, ":later")), later(1000));
        const unknown = Array.from({ length: 100 }, () => fx.subjectKey());
        const found = await stores.links.linked("node-a", [...unknown, ...subjects]);
        expect(found.size).toBe(2500);
        expect(found.get(subjects[0]!)).toBe(ref("node-a", subjects[0]!));
        expect(found.get(subjects[2499]!)).toBe(ref("node-a", subjects[2499]!, ":later"));
        expect((await stores.links.linked("node-b", subjects)).size).toBe(0);
      });

      it("accepts empty input", async () => {
        await stores.links.linkMany([], fx.T0);
        expect((await stores.links.linked("node-a", [])).size).toBe(0);
      });

      it("refuses a time that is not a time", async () => {
        await expectCode(stores.links.linkMany([link("node-a", fx.subjectKey())], new Date(Number.NaN)), "INVALID_INPUT");
      });
    });

    describe("nodes", () => {
      it("registers a node with its audit entry and reads it back", async () => {
        const n = fx.node();
        await stores.nodes.create(n, fx.nodeRegisteredEvent(n));
        expect(await stores.nodes.get(n.id)).toEqual(n);
        expect((await stores.nodes.list()).map((x) => x.id)).toContain(n.id);
        const entries = (await stores.audit.listByTime(fx.T0, later(1))).items;
        expect(entries.map((e) => e.type)).toEqual(["node.registered"]);
      });

      it("refuses a duplicate id and writes no audit entry for it", async () => {
        const n = fx.node();
        await stores.nodes.create(n, fx.nodeRegisteredEvent(n));
        await expectCode(stores.nodes.create({ ...n, organisation: "Other" }, fx.nodeRegisteredEvent(n)), "NODE_EXISTS");
        expect((await stores.nodes.get(n.id))!.organisation).toBe(n.organisation);
        expect((await stores.audit.listByTime(fx.T0, later(1))).items).toHaveLength(1);
      });

      it("updates with optimistic concurrency", async () => {
        const n = fx.node();
        await stores.nodes.create(n, fx.nodeRegisteredEvent(n));
        const statusEvent = () =>
          auditEvent("node.status_changed", { id: randomUUID(), at: later(5), actor: fx.operator, subjectKey: null, data: { nodeId: n.id, status: "suspended" } });
        const suspended = { ...n, status: "suspended" as const, version: 2 };
        await stores.nodes.update(suspended, 1, statusEvent());
        expect(await stores.nodes.get(n.id)).toEqual(suspended);
        await expectCode(stores.nodes.update({ ...n, version: 2 }, 1, statusEvent()), "CONFLICT");
        await expectCode(stores.nodes.update(fx.node({ version: 2 }), 1, statusEvent()), "NODE_NOT_FOUND");
        expect((await stores.nodes.get(n.id))!.status).toBe("suspended");
        expect((await stores.audit.listByTime(fx.T0, later(10))).items).toHaveLength(2);
      });

      it("has no node for an unknown id", async () => {
        expect(await stores.nodes.get("no-such-node")).toBeNull();
      });
    });

    describe("export jobs", () => {
      const job = (id: string, minutesAfterT0: number): ExportJob =>
        queuedExportJob({
          id,
          requestedBy: "regulator-sub",
          requestedAt: later(minutesAfterT0).toISOString(),
          period: { from: fx.T0.toISOString(), to: later(60).toISOString() },
          filters: {},
        });
      const requested = (j: ExportJob) =>
        auditEvent("export.requested", { id: randomUUID(), at: new Date(j.requestedAt), actor: fx.operator, subjectKey: null, data: { exportId: j.id, period: j.period, filters: j.filters } });

      it("stores a job with its audit entry, lists newest first, and refuses a second job with the same id", async () => {
        const a = job(randomUUID(), 1);
        const b = job(randomUUID(), 2);
        await stores.exports.create(a, requested(a));
        await stores.exports.create(b, requested(b));
        expect(await stores.exports.get(a.id)).toEqual(a);
        expect((await stores.exports.listRecent(10)).map((j) => j.id)).toEqual([b.id, a.id]);
        expect((await stores.exports.listRecent(1)).map((j) => j.id)).toEqual([b.id]);
        await expectCode(stores.exports.create(a, requested(a)), "CONFLICT");
        expect((await stores.audit.listByTime(fx.T0, later(10))).items.map((e) => e.type)).toEqual(["export.requested", "export.requested"]);
      });

      it("updates with optimistic concurrency, writing the audit entry only with a successful update", async () => {
        const a = job(randomUUID(), 1);
        await stores.exports.create(a, requested(a));
        const running = { ...a, state: "running" as const, startedAt: later(2).toISOString(), version: 2 };
        await stores.exports.update(running, 1);
        // A second runner that read version 1 loses the claim.
        await expectCode(stores.exports.update({ ...running, startedAt: later(3).toISOString() }, 1), "CONFLICT");
        const done = auditEvent("export.completed", {
          id: randomUUID(),
          at: later(4),
          actor: { kind: "system", component: "audit-export" },
          subjectKey: null,
          data: { exportId: a.id, entries: 1, treeSize: 1, manifestSha256: `sha256:${"a".repeat(64)}` },
        });
        await expectCode(stores.exports.update({ ...running, state: "done", version: 3 }, 1, done), "CONFLICT");
        await stores.exports.update({ ...running, state: "done", version: 3 }, 2, done);
        expect((await stores.exports.get(a.id))!.state).toBe("done");
        expect((await stores.audit.listByTime(fx.T0, later(10))).items.map((e) => e.type)).toEqual(["export.requested", "export.completed"]);
        await expectCode(stores.exports.update(job(randomUUID(), 5), 1), "NOT_FOUND");
        expect(await stores.exports.get(randomUUID())).toBeNull();
      });
    });

    describe("forms", () => {
      it("publishes versions in order and reads them back", async () => {
        const v1 = fx.form();
        await stores.forms.publish(v1, fx.formPublishedEvent(v1));
        const v2 = fx.form({ version: 2, material: true }, later(1000));
        await stores.forms.publish(v2, fx.formPublishedEvent(v2, later(1000)));
        expect(await stores.forms.get("test-form", 1)).toEqual(v1);
        expect(await stores.forms.latest("test-form")).toEqual(v2);
        expect((await stores.forms.list("test-form")).map((f) => f.version)).toEqual([1, 2]);
        expect(await stores.forms.get("test-form", 3)).toBeNull();
        expect(await stores.forms.latest("other-form")).toBeNull();
        const published = (await stores.audit.listByTime(fx.T0, later(2000))).items;
        expect(published.map((e) => e.type)).toEqual(["form.published", "form.published"]);
      });

      it("refuses to republish or skip a version, writing nothing", async () => {
        const v1 = fx.form();
        await stores.forms.publish(v1, fx.formPublishedEvent(v1));
        await expectCode(stores.forms.publish(fx.form({ material: true }), fx.formPublishedEvent(v1)), "FORM_VERSION_EXISTS");
        const v3 = fx.form({ version: 3 });
        await expectCode(stores.forms.publish(v3, fx.formPublishedEvent(v3)), "FORM_VERSION_EXISTS");
        expect(await stores.forms.get("test-form", 1)).toEqual(v1);
        expect((await stores.audit.listByTime(fx.T0, later(1))).items).toHaveLength(1);
      });

      it("lets one of two concurrent publications of the same version win", async () => {
        const v1 = fx.form();
        await stores.forms.publish(v1, fx.formPublishedEvent(v1));
        const a = fx.form({ version: 2 });
        const b = fx.form({ version: 2, material: true });
        const results = await Promise.allSettled([
          stores.forms.publish(a, fx.formPublishedEvent(a)),
          stores.forms.publish(b, fx.formPublishedEvent(b)),
        ]);
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        expect((await stores.forms.list("test-form")).map((f) => f.version)).toEqual([1, 2]);
      });
    });

    it("answers a ping", async () => {
      await expect(stores.ping()).resolves.toBeUndefined();
    });
  });
}
