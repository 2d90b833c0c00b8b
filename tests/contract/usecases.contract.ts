/**
 * The citizen use cases, run against every store adapter: each change lands with its audit
 * entry, and every bad input is answered with a typed error that leaves the store unchanged.
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "../../lib/audit/events";
import { decide } from "../../lib/consent/decision";
import type { ConsentFormVersion } from "../../lib/consent/form";
import { AppError } from "../../lib/errors";
import type { Stores } from "../../lib/store/ports";
import {
  amendConsent,
  grantConsent,
  optOutOfSecondaryUse,
  withdrawConsent,
} from "../../lib/usecases/consent-changes";
import { getConsentHistory, getCurrentConsent } from "../../lib/usecases/consent-reads";
import type { UseCaseDeps } from "../../lib/usecases/deps";
import { publishFormVersion } from "../../lib/usecases/forms";
import { listLookups } from "../../lib/usecases/lookups";
import { nextDraft, reviewOrPublishForm } from "../../lib/usecases/form-publication";
import { auditEvent } from "../../lib/audit/events";
import * as fx from "../support/fixtures";
import type { StoreFactory } from "./stores.contract";

const FAR_PAST = new Date("2000-01-01T00:00:00Z");
const FAR_FUTURE = new Date("2100-01-01T00:00:00Z");

async function snapshot(stores: Stores, subjectKey: string) {
  await stores.audit.sequencePending({ settleMs: 0 });
  return {
    consent: await stores.consents.getBySubject(subjectKey),
    history: await stores.consents.getHistory(subjectKey),
    audit: (await stores.audit.listByTime(FAR_PAST, FAR_FUTURE, { limit: 1000 })).items.map((e) => e.id),
    size: await stores.audit.size(),
  };
}

export function runUseCaseContract(name: string, factory: StoreFactory): void {
  describe(`consent use cases: ${name}`, () => {
    let stores: Stores;
    let deps: UseCaseDeps;
    let clock: Date;
    let form: ConsentFormVersion;
    let citizen: Actor & { kind: "subject" };

    const tick = (ms = 1000) => {
      clock = new Date(clock.getTime() + ms);
    };
    const shown = (f: ConsentFormVersion = form) => ({ formId: f.formId, version: f.version, language: "en", textHash: f.textHashes.en! });
    const grantInput = (overrides: Record<string, unknown> = {}) => ({ scope: fx.scope(), form: shown(), ...overrides });

    beforeEach(async () => {
      stores = await factory();
      clock = fx.T0;
      deps = { stores, now: () => clock, newId: randomUUID };
      form = await publishFormVersion(deps, fx.operator, fx.formDraft());
      citizen = { kind: "subject", subjectKey: fx.subjectKey() };
      tick();
    });
    afterEach(async () => {
      await stores.close();
    });

    it("grants, amends and withdraws, each change with its audit event", async () => {
      const granted = await grantConsent(deps, citizen, grantInput());
      expect(granted).toMatchObject({ version: 1, status: "active", subjectKey: citizen.subjectKey, form: shown() });
      tick();
      const amended = await amendConsent(deps, citizen, { ...grantInput({ scope: fx.scope({ aiUses: [] }) }), expectedVersion: 1 });
      expect(amended).toMatchObject({ version: 2, status: "active", id: granted.id });
      expect(amended.scope!.aiUses).toEqual([]);
      tick();
      const withdrawn = await withdrawConsent(deps, citizen, { expectedVersion: 2 });
      expect(withdrawn).toMatchObject({ version: 3, status: "withdrawn", scope: null });

      const history = await getConsentHistory(deps, citizen);
      expect(history.map((h) => h.action)).toEqual(["granted", "amended", "withdrawn"]);
      const audit = (await stores.audit.listBySubject(citizen.subjectKey)).items;
      expect(audit.map((e) => e.type)).toEqual(["consent.granted", "consent.amended", "consent.withdrawn"]);
      expect(audit.every((e) => e.actor.kind === "subject")).toBe(true);
    });

    it("obeys a withdrawal in the very next decision", async () => {
      await grantConsent(deps, citizen, grantInput());
      tick();
      const request = { dataCategories: ["imaging.ct"], purpose: { code: "HMB" }, recipient: { organisation: "Uni", type: "public", country: "DE" } };
      expect(decide(await stores.consents.getBySubject(citizen.subjectKey), request, clock).decision).toBe("PERMIT");
      await withdrawConsent(deps, citizen, { expectedVersion: 1 });
      const after = decide(await stores.consents.getBySubject(citizen.subjectKey), request, clock);
      expect(after).toMatchObject({ decision: "DENY", reasons: [{ code: "CONSENT_WITHDRAWN" }] });
    });

    it("opts out with or without a prior consent, and can grant again afterwards", async () => {
      const out = await optOutOfSecondaryUse(deps, citizen, { expectedVersion: null });
      expect(out).toMatchObject({ version: 1, status: "opted_out" });
      tick();
      const again = await grantConsent(deps, citizen, grantInput());
      expect(again).toMatchObject({ version: 2, status: "active", id: out.id });
      tick();
      expect(await optOutOfSecondaryUse(deps, citizen, { expectedVersion: 2 })).toMatchObject({ version: 3, status: "opted_out" });
    });

    it("asks for re-consent after a material form version, not after a non-material one", async () => {
      await grantConsent(deps, citizen, grantInput());
      tick();
      await publishFormVersion(deps, fx.operator, fx.formDraft({ version: 2, material: false }));
      expect(await getCurrentConsent(deps, citizen, "test-form")).toMatchObject({ status: "active", reconsentRequired: false, latestFormVersion: 2 });
      tick();
      const v3 = await publishFormVersion(deps, fx.operator, fx.formDraft({ version: 3, material: true }));
      expect(await getCurrentConsent(deps, citizen, "test-form")).toMatchObject({ reconsentRequired: true, latestFormVersion: 3 });
      tick();
      await amendConsent(deps, citizen, { scope: fx.scope(), form: shown(v3), expectedVersion: 1 });
      expect(await getCurrentConsent(deps, citizen, "test-form")).toMatchObject({ reconsentRequired: false });
    });

    it("reports no consent for a citizen who never gave one", async () => {
      expect(await getCurrentConsent(deps, citizen, "test-form")).toEqual({ consent: null, status: "none", reconsentRequired: false, latestFormVersion: 1 });
      expect(await getConsentHistory(deps, citizen)).toEqual([]);
    });

    // Each row: a use case, the state before it, a bad input, and the typed error expected.
    type Setup = "none" | "active" | "withdrawn" | "opted_out" | "newer-form";
    const bad: [string, Setup, (a: Actor) => Promise<unknown>, string][] = [
      ["grant with no scope", "none", (a) => grantConsent(deps, a, { form: shown() }), "INVALID_INPUT"],
      ["grant with an unknown data category", "none", (a) => grantConsent(deps, a, grantInput({ scope: fx.scope({ dataCategories: ["imaging.xray" as never] }) })), "INVALID_INPUT"],
      ["grant of DS research without a disease", "none", (a) => grantConsent(deps, a, grantInput({ scope: { ...fx.scope(), research: { level: "DS", diseases: [] } } })), "INVALID_INPUT"],
      ["grant with no recipient type", "none", (a) => grantConsent(deps, a, grantInput({ scope: fx.scope({ recipientTypes: [] }) })), "INVALID_INPUT"],
      ["grant ending in the past", "none", (a) => grantConsent(deps, a, grantInput({ scope: fx.scope({ validUntil: "2020-01-01T00:00:00Z" }) })), "VALID_UNTIL_IN_PAST"],
      ["grant with a text hash that was not published", "none", (a) => grantConsent(deps, a, grantInput({ form: { ...shown(), textHash: `sha256:${"0".repeat(64)}` } })), "FORM_TEXT_MISMATCH"],
      ["grant on a form version that does not exist", "none", (a) => grantConsent(deps, a, grantInput({ form: { ...shown(), version: 9 } })), "FORM_NOT_FOUND"],
      ["grant in a language the form does not have", "none", (a) => grantConsent(deps, a, grantInput({ form: { ...shown(), language: "fi" } })), "FORM_LANGUAGE_NOT_AVAILABLE"],
      ["grant on an outdated form version", "newer-form", (a) => grantConsent(deps, a, grantInput()), "FORM_VERSION_OUTDATED"],
      ["grant when consent is already active", "active", (a) => grantConsent(deps, a, grantInput()), "CONSENT_ALREADY_ACTIVE"],
      ["amend with a stale version", "active", (a) => amendConsent(deps, a, { ...grantInput(), expectedVersion: 7 }), "CONFLICT"],
      ["amend without a consent", "none", (a) => amendConsent(deps, a, { ...grantInput(), expectedVersion: 1 }), "CONSENT_NOT_FOUND"],
      ["amend a withdrawn consent", "withdrawn", (a) => amendConsent(deps, a, { ...grantInput(), expectedVersion: 2 }), "CONSENT_NOT_ACTIVE"],
      ["amend with a bad scope", "active", (a) => amendConsent(deps, a, { ...grantInput({ scope: { ...fx.scope(), geography: "WORLD" } }), expectedVersion: 1 }), "INVALID_INPUT"],
      ["withdraw without a consent", "none", (a) => withdrawConsent(deps, a, { expectedVersion: 1 }), "CONSENT_NOT_FOUND"],
      ["withdraw twice", "withdrawn", (a) => withdrawConsent(deps, a, { expectedVersion: 2 }), "CONSENT_NOT_ACTIVE"],
      ["withdraw with no version", "active", (a) => withdrawConsent(deps, a, {}), "INVALID_INPUT"],
      ["opt out twice", "opted_out", (a) => optOutOfSecondaryUse(deps, a, { expectedVersion: 1 }), "ALREADY_OPTED_OUT"],
      ["opt out with a stale version", "active", (a) => optOutOfSecondaryUse(deps, a, { expectedVersion: null }), "CONFLICT"],
      ["input that is not an object", "active", (a) => amendConsent(deps, a, "scope=everything"), "INVALID_INPUT"],
    ];

    async function arrange(setup: Setup): Promise<void> {
      if (setup === "none") return;
      if (setup === "newer-form") {
        await publishFormVersion(deps, fx.operator, fx.formDraft({ version: 2 }));
        return;
      }
      if (setup === "opted_out") {
        await optOutOfSecondaryUse(deps, citizen, { expectedVersion: null });
        return;
      }
      await grantConsent(deps, citizen, grantInput());
      if (setup === "withdrawn") await withdrawConsent(deps, citizen, { expectedVersion: 1 });
    }

    it.each(bad)("answers %s with a typed error and changes nothing", async (_name, setup, act, code) => {
      await arrange(setup);
      tick();
      const before = await snapshot(stores, citizen.subjectKey);
      const error = await act(citizen).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code });
      expect(await snapshot(stores, citizen.subjectKey)).toEqual(before);
    });

    it("names each invalid field in the error", async () => {
      const error = await grantConsent(deps, citizen, grantInput({ scope: { ...fx.scope(), dataCategories: [], geography: "MARS" } })).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "INVALID_INPUT" });
      const paths = (error as AppError).issues.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(["scope.dataCategories", "scope.geography"]));
    });

    it.each([
      ["an operator", fx.operator],
      ["a node", { kind: "node", nodeId: "node-a" } as Actor],
    ])("refuses %s acting on a citizen's consent, changing nothing", async (_who, actor) => {
      const before = await snapshot(stores, citizen.subjectKey);
      for (const act of [
        () => grantConsent(deps, actor, grantInput()),
        () => withdrawConsent(deps, actor, { expectedVersion: 1 }),
        () => optOutOfSecondaryUse(deps, actor, { expectedVersion: null }),
        () => getConsentHistory(deps, actor),
      ]) {
        await expect(act()).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
      expect(await snapshot(stores, citizen.subjectKey)).toEqual(before);
    });

    it("only ever touches the acting citizen's own record", async () => {
      const other: Actor & { kind: "subject" } = { kind: "subject", subjectKey: fx.subjectKey() };
      await grantConsent(deps, other, grantInput());
      tick();
      // The acting citizen has nothing: their withdrawal cannot reach the other record.
      await expect(withdrawConsent(deps, citizen, { expectedVersion: 1 })).rejects.toMatchObject({ code: "CONSENT_NOT_FOUND" });
      expect(await stores.consents.getBySubject(other.subjectKey)).toMatchObject({ status: "active", version: 1 });
    });

    it("shows a citizen every decision made about them, newest first, and nobody else's", async () => {
      const n = fx.node({ organisation: "Hôpital Saint-Luc", country: "BE" });
      await stores.nodes.create(n, fx.nodeRegisteredEvent(n));
      const decision = (subjectKey: string, minutes: number, verdict: "PERMIT" | "DENY") =>
        auditEvent("decision.made", {
          id: randomUUID(),
          at: new Date(fx.T0.getTime() + minutes * 60_000),
          actor: { kind: "node", nodeId: n.id },
          subjectKey,
          data: {
            nodeId: n.id,
            requestHash: `sha256:${"b".repeat(64)}`,
            decision: verdict,
            reasons: verdict === "DENY" ? [{ code: "NO_CONSENT" }] : [],
            consentId: null,
            consentVersion: null,
            purpose: "HMB",
            recipient: { organisation: "Uni Leuven", type: "public", country: "BE" },
            dataCategories: ["imaging.ct"],
          },
        });
      await stores.audit.appendMany([decision(citizen.subjectKey, 1, "DENY"), decision(fx.subjectKey(), 2, "PERMIT"), decision(citizen.subjectKey, 3, "PERMIT")]);
      await grantConsent(deps, citizen, grantInput());
      const { items } = await listLookups(deps, citizen);
      expect(items.map((l) => l.decision)).toEqual(["PERMIT", "DENY"]);
      expect(items[0]).toMatchObject({ nodeId: n.id, organisation: "Hôpital Saint-Luc", country: "BE", purpose: "HMB", recipient: { organisation: "Uni Leuven" } });
      expect(items[1]!.reasons).toEqual(["NO_CONSENT"]);
      await expect(listLookups(deps, fx.operator)).rejects.toMatchObject({ code: "FORBIDDEN" });
    });

    it("explains nothing was looked up when nothing was", async () => {
      expect((await listLookups(deps, citizen)).items).toEqual([]);
    });

    it("lets an operator review a draft, then publish it, with the materiality guard of the CLI", async () => {
      const draft = (await nextDraft(deps, fx.operator, "test-form"))!;
      expect(draft).toMatchObject({ version: 2, material: false });
      const same = await reviewOrPublishForm(deps, fx.operator, { draft });
      expect(same).toMatchObject({ published: null, review: { expectedVersion: 2, materiality: { verdict: "non-material", requiresOverride: false } } });
      const widened = { ...draft, texts: { en: { ...draft.texts.en!, modules: { ...draft.texts.en!.modules, recipients: { heading: "r", summary: "Now also insurers.", fullText: "Insurers too." } } } } };
      const review = await reviewOrPublishForm(deps, fx.operator, { draft: widened });
      expect(review.review.materiality).toMatchObject({ verdict: "non-material-but-scope-changed", requiresOverride: true });
      await expect(reviewOrPublishForm(deps, fx.operator, { draft: widened, publish: true })).rejects.toMatchObject({ code: "MATERIAL_CHANGE_NOT_MARKED" });
      expect((await stores.forms.list("test-form")).map((f) => f.version)).toEqual([1]);
      const done = await reviewOrPublishForm(deps, fx.operator, { draft: { ...widened, material: true }, publish: true });
      expect(done.published).toMatchObject({ version: 2, material: true });
      await expect(reviewOrPublishForm(deps, fx.operator, { draft: { ...widened, material: true }, publish: true })).rejects.toMatchObject({ code: "FORM_VERSION_EXISTS" });
      await expect(reviewOrPublishForm(deps, citizen, { draft })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(reviewOrPublishForm(deps, fx.operator, { draft: { ...draft, texts: {} } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    });

    it("refuses to publish a form for anyone but an operator", async () => {
      await expect(publishFormVersion(deps, citizen, fx.formDraft({ version: 2 }))).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect((await stores.forms.list("test-form")).map((f) => f.version)).toEqual([1]);
    });
  });
}
