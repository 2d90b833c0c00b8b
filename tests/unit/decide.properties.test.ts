/**
 * Properties of decide() over generated consents, requests and times. The tables in
 * decide.test.ts show the rules on chosen cases; these show that no combination breaks them.
 */
import fc from "fast-check";
import type { Consent, ConsentStatus } from "../../lib/consent/consent";
import { decide, Decision, type DecisionRequestInput } from "../../lib/consent/decision";
import type { ConsentScope, ResearchScope } from "../../lib/consent/scope";
import {
  ADEQUACY_COUNTRIES,
  AI_USES,
  DATA_CATEGORIES,
  DISEASE_CODES,
  DISEASES,
  EU_EEA_COUNTRIES,
  GEOGRAPHIES,
  geographyAllows,
  RECIPIENT_TYPES,
  type DiseaseCode,
} from "../../lib/consent/vocabulary";

const RUNS = 500;

// ---------------------------------------------------------------------------------------------
// Arbitraries, from the vocabulary arrays.

const T_MIN = Date.parse("2025-01-01T00:00:00.000Z");
const T_MAX = Date.parse("2030-01-01T00:00:00.000Z");
const timeArb = fc.integer({ min: T_MIN, max: T_MAX });
const iso = (t: number) => new Date(t).toISOString();

const researchArb: fc.Arbitrary<ResearchScope> = fc.oneof(
  fc.constant({ level: "GRU" as const }),
  fc.constant({ level: "HMB" as const }),
  fc.subarray(DISEASE_CODES, { minLength: 1 }).map((diseases) => ({ level: "DS" as const, diseases })),
);

/** Scopes that lean wide, so that requests are often permitted and the properties are not vacuous. */
const scopeArb: fc.Arbitrary<ConsentScope> = fc.record({
  dataCategories: fc.subarray([...DATA_CATEGORIES], { minLength: 1 }),
  research: researchArb,
  aiUses: fc.subarray([...AI_USES]),
  recipientTypes: fc.subarray([...RECIPIENT_TYPES], { minLength: 1 }),
  geography: fc.constantFrom(...GEOGRAPHIES),
  validUntil: fc.option(timeArb.map(iso), { freq: 2 }),
  conditions: fc.record({ mayRecontact: fc.boolean(), wantsFindings: fc.boolean() }),
});

const NON_EU_COUNTRIES = ["US", "CN", "CA", "IN", "BR", "RU", "AU", "ZA", "TR", "UA"];
const countryArb = fc.oneof(
  { arbitrary: fc.constantFrom(...EU_EEA_COUNTRIES), weight: 3 },
  { arbitrary: fc.constantFrom(...ADEQUACY_COUNTRIES), weight: 2 },
  { arbitrary: fc.constantFrom(...NON_EU_COUNTRIES), weight: 1 },
);

const purposeArb: fc.Arbitrary<DecisionRequestInput["purpose"]> = fc.oneof(
  fc.constant({ code: "GRU" as const }),
  fc.constant({ code: "HMB" as const }),
  fc.constantFrom(...DISEASE_CODES).map((disease) => ({ code: "DS" as const, disease })),
);

const requestArb: fc.Arbitrary<DecisionRequestInput> = fc.record({
  dataCategories: fc.array(fc.constantFrom(...DATA_CATEGORIES), { minLength: 1, maxLength: 4 }),
  purpose: purposeArb,
  aiUse: fc.constantFrom(null, ...AI_USES),
  recipient: fc.record({
    organisation: fc.constantFrom("Karolinska Institutet", "Charité", "Imaging AI GmbH", "Kyoto University"),
    type: fc.constantFrom(...RECIPIENT_TYPES),
    country: countryArb,
  }),
  requiresRecontact: fc.boolean(),
});

const ID = "7d1c3f0e-3b8a-4c5d-9e6f-0a1b2c3d4e5f";
const KEY = "ab".repeat(32);

function consentOf(scope: ConsentScope | null, updatedAt: number, status: ConsentStatus = "active"): Consent {
  return {
    id: ID,
    subjectKey: KEY,
    version: 3,
    status,
    scope,
    form: { formId: "donum-consent", version: 2, language: "de", textHash: `sha256:${"c".repeat(64)}` },
    createdAt: iso(T_MIN),
    updatedAt: iso(updatedAt),
  };
}

// ---------------------------------------------------------------------------------------------
// Narrowing: every way a citizen can consent to less.

/** The disease and every disease below it in the catalogue, read from the parent links. */
function selfAndDescendants(code: DiseaseCode): DiseaseCode[] {
  return DISEASE_CODES.filter((c) => {
    for (let cur: DiseaseCode | null = c; cur !== null; cur = DISEASES[cur].parent as DiseaseCode | null) {
      if (cur === code) return true;
    }
    return false;
  });
}

const anyDsArb = researchArb.filter((r) => r.level === "DS");

function narrowerResearch(wide: ResearchScope): fc.Arbitrary<ResearchScope> {
  switch (wide.level) {
    case "GRU":
      return fc.oneof(fc.constant(wide), fc.constant({ level: "HMB" as const }), anyDsArb);
    case "HMB":
      return fc.oneof(fc.constant(wide), anyDsArb);
    case "DS":
      // A subset of the diseases, each kept or replaced by a more specific one.
      return fc
        .subarray(wide.diseases, { minLength: 1 })
        .chain((kept) => fc.tuple(...kept.map((d) => fc.constantFrom(...selfAndDescendants(d)))))
        .map((ds) => ({ level: "DS" as const, diseases: [...new Set(ds)] }));
  }
}

function narrowerScope(wide: ConsentScope): fc.Arbitrary<ConsentScope> {
  const wideEnd = wide.validUntil === null ? null : Date.parse(wide.validUntil);
  return fc.record({
    dataCategories: fc.subarray(wide.dataCategories, { minLength: 1 }),
    research: narrowerResearch(wide.research),
    aiUses: fc.subarray(wide.aiUses),
    recipientTypes: fc.subarray(wide.recipientTypes, { minLength: 1 }),
    geography: wide.geography === "EU_EEA_ADEQUACY" ? fc.constantFrom(...GEOGRAPHIES) : fc.constant(wide.geography),
    validUntil:
      wideEnd === null
        ? fc.option(timeArb.map(iso))
        : fc.integer({ min: T_MIN, max: wideEnd }).map(iso),
    conditions: fc.record({
      mayRecontact: wide.conditions.mayRecontact ? fc.boolean() : fc.constant(false),
      wantsFindings: fc.boolean(),
    }),
  });
}

const wideAndNarrowArb = scopeArb.chain((wide) => narrowerScope(wide).map((narrow) => ({ wide, narrow })));

/** Requests that a scope covers (unless it has expired), so that PERMITs are common. */
function requestWithin(scope: ConsentScope): fc.Arbitrary<DecisionRequestInput> {
  const r = scope.research;
  const purpose: fc.Arbitrary<DecisionRequestInput["purpose"]> =
    r.level === "GRU"
      ? purposeArb
      : r.level === "HMB"
        ? purposeArb.filter((p) => p.code !== "GRU")
        : fc
            .constantFrom(...r.diseases.flatMap(selfAndDescendants))
            .map((disease) => ({ code: "DS" as const, disease }));
  const countries = [...EU_EEA_COUNTRIES, ...ADEQUACY_COUNTRIES].filter((c) => geographyAllows(scope.geography, c));
  return fc.record({
    dataCategories: fc.subarray(scope.dataCategories, { minLength: 1 }),
    purpose,
    aiUse: fc.constantFrom(null, ...scope.aiUses),
    recipient: fc.record({
      organisation: fc.constant("Karolinska Institutet"),
      type: fc.constantFrom(...scope.recipientTypes),
      country: fc.constantFrom(...countries),
    }),
    requiresRecontact: scope.conditions.mayRecontact ? fc.boolean() : fc.constant(false),
  });
}

/** A request: often one the scope covers, otherwise anything from the vocabulary. */
const requestFor = (scope: ConsentScope) => fc.oneof(requestWithin(scope), requestArb);

/** A time at or after `updatedAt`: mostly within a month, sometimes years later. */
const laterArb = fc.oneof(fc.nat(30 * 86_400_000), fc.nat(T_MAX - T_MIN));

/** An active consent, a request, and a time at or after the consent's last change (it may have expired). */
const caseArb = fc
  .record({ scope: scopeArb, updatedAt: timeArb, later: laterArb })
  .chain(({ scope, updatedAt, later }) =>
    requestFor(scope).map((req) => ({ consent: consentOf(scope, updatedAt), now: new Date(updatedAt + later), req })),
  );

// ---------------------------------------------------------------------------------------------

function valid(d: Decision): Decision {
  expect(Decision.safeParse(d).success).toBe(true);
  return d;
}

describe("decide() properties", () => {
  it("consenting to less never turns a DENY into a PERMIT", () => {
    let narrowPermits = 0;
    let changedDecisions = 0;
    fc.assert(
      fc.property(
        wideAndNarrowArb.chain(({ wide, narrow }) =>
          fc.record({ wide: fc.constant(wide), narrow: fc.constant(narrow), req: fc.oneof(requestWithin(narrow), requestFor(wide)) }),
        ),
        timeArb,
        laterArb,
        ({ wide, narrow, req }, updatedAt, later) => {
        const now = new Date(updatedAt + later);
        const underWide = valid(decide(consentOf(wide, updatedAt), req, now));
        const underNarrow = valid(decide(consentOf(narrow, updatedAt), req, now));
        if (underNarrow.decision === "PERMIT") {
          narrowPermits++;
          expect(underWide.decision).toBe("PERMIT");
        }
        if (underNarrow.decision !== underWide.decision) changedDecisions++;
      },
      ),
      { numRuns: 2000 },
    );
    // The property is only worth something if both outcomes actually occurred.
    expect(narrowPermits).toBeGreaterThan(200);
    expect(changedDecisions).toBeGreaterThan(100);
  });

  it("a request outside the consent's period (before it was given, or at or after its end) is denied", () => {
    const outsideArb = fc
      .record({ scope: scopeArb, updatedAt: timeArb, gap: fc.integer({ min: 0, max: 3 * 365 * 86_400_000 }), before: fc.boolean() })
      .map(({ scope, updatedAt, gap, before }) => {
        const consent = consentOf(scope, updatedAt);
        if (before || scope.validUntil === null) return { consent, now: new Date(updatedAt - 1 - gap) };
        return { consent, now: new Date(Date.parse(scope.validUntil) + gap) };
      });
    fc.assert(
      fc.property(outsideArb, requestArb, ({ consent, now }, req) => {
        const d = valid(decide(consent, req, now));
        expect(d.decision).toBe("DENY");
        expect(d.reasons.map((r) => r.code)).toEqual([
          expect.stringMatching(/^(CONSENT_NOT_YET_VALID|CONSENT_EXPIRED)$/),
        ]);
      }),
      { numRuns: RUNS },
    );
  });

  it("a withdrawn or opted-out consent is denied whatever is asked and whenever", () => {
    const endedArb = fc
      .record({
        status: fc.constantFrom<ConsentStatus>("withdrawn", "opted_out"),
        scope: fc.option(scopeArb),
        updatedAt: timeArb,
      })
      .map(({ status, scope, updatedAt }) => consentOf(scope, updatedAt, status));
    fc.assert(
      fc.property(endedArb, requestArb, timeArb, (consent, req, t) => {
        const d = valid(decide(consent, req, new Date(t)));
        expect(d.decision).toBe("DENY");
        expect(d.reasons).toEqual([{ code: consent.status === "withdrawn" ? "CONSENT_WITHDRAWN" : "OPTED_OUT" }]);
      }),
      { numRuns: RUNS },
    );
  });

  it("a PERMIT means every requested category is in scope and the recipient's country is allowed", () => {
    let permits = 0;
    fc.assert(
      fc.property(caseArb, ({ consent, now, req }) => {
        const d = valid(decide(consent, req, now));
        if (d.decision !== "PERMIT") return;
        permits++;
        const scope = consent.scope!;
        for (const c of req.dataCategories) expect(scope.dataCategories).toContain(c);
        expect(geographyAllows(scope.geography, req.recipient.country)).toBe(true);
        expect(scope.recipientTypes).toContain(req.recipient.type);
        if (req.aiUse) expect(scope.aiUses).toContain(req.aiUse);
        if (req.requiresRecontact) expect(scope.conditions.mayRecontact).toBe(true);
        if (scope.validUntil !== null) expect(now.getTime()).toBeLessThan(Date.parse(scope.validUntil));
        expect(d).toMatchObject({ reasons: [], consentId: consent.id, consentVersion: 3, formVersion: 2 });
      }),
      { numRuns: 1000 },
    );
    expect(permits).toBeGreaterThan(100);
  });

  it("every DENY on a well-formed request names at least one reason, and a reason per unmet dimension", () => {
    fc.assert(
      fc.property(caseArb, ({ consent, now, req }) => {
        const d = valid(decide(consent, req, now));
        const scope = consent.scope!;
        const codes = d.reasons.map((r) => r.code);
        if (codes.includes("CONSENT_EXPIRED")) return;
        const missing = req.dataCategories.some((c) => !scope.dataCategories.includes(c));
        expect(codes.includes("DATA_CATEGORY_NOT_COVERED")).toBe(missing);
        expect(codes.includes("GEOGRAPHY_NOT_COVERED")).toBe(!geographyAllows(scope.geography, req.recipient.country));
        expect(codes.includes("RECIPIENT_TYPE_NOT_COVERED")).toBe(!scope.recipientTypes.includes(req.recipient.type));
        expect(codes.includes("AI_USE_NOT_COVERED")).toBe(req.aiUse !== null && !scope.aiUses.includes(req.aiUse!));
        expect(codes.includes("RECONTACT_NOT_ALLOWED")).toBe(!!req.requiresRecontact && !scope.conditions.mayRecontact);
        const p = req.purpose;
        const purposeCovered =
          scope.research.level === "GRU" ||
          (scope.research.level === "HMB" && p.code !== "GRU") ||
          (scope.research.level === "DS" &&
            p.code === "DS" &&
            scope.research.diseases.some((g) => selfAndDescendants(g).includes(p.disease)));
        expect(codes.includes("PURPOSE_NOT_COVERED")).toBe(!purposeCovered);
        expect(d.decision === "PERMIT").toBe(codes.length === 0);
      }),
      { numRuns: RUNS },
    );
  });

  it("decide() is deterministic: the same consent, request and time give the same decision", () => {
    const inputArb = fc.oneof(
      caseArb.map(({ consent, now, req }) => ({ consent: consent as unknown, req: req as unknown, now })),
      fc.record({ consent: fc.jsonValue() as fc.Arbitrary<unknown>, req: requestArb as fc.Arbitrary<unknown>, now: timeArb.map((t) => new Date(t)) }),
    );
    fc.assert(
      fc.property(inputArb, ({ consent, req, now }) => {
        const first = decide(consent, req, now);
        const again = decide(structuredClone(consent), structuredClone(req), new Date(now.getTime()));
        expect(again).toEqual(first);
        expect(decide(consent, req, now)).toEqual(first);
      }),
      { numRuns: RUNS },
    );
  });

  it("arbitrary values as the request never give a PERMIT and never throw", () => {
    const consent = consentOf(
      {
        dataCategories: [...DATA_CATEGORIES],
        research: { level: "GRU" },
        aiUses: [...AI_USES],
        recipientTypes: [...RECIPIENT_TYPES],
        geography: "EU_EEA_ADEQUACY",
        validUntil: null,
        conditions: { mayRecontact: true, wantsFindings: true },
      },
      T_MIN,
    );
    const now = new Date(T_MAX);
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (req) => {
        let d: Decision | undefined;
        expect(() => (d = decide(consent, req, now))).not.toThrow();
        expect(valid(d!).decision).toBe("DENY");
      }),
      { numRuns: 1000 },
    );
  });

  it("arbitrary values as the consent never give a PERMIT and never throw", () => {
    const req: DecisionRequestInput = {
      dataCategories: ["imaging.ct"],
      purpose: { code: "HMB" },
      recipient: { organisation: "Karolinska Institutet", type: "public", country: "SE" },
    };
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), timeArb, (consent, t) => {
        let d: Decision | undefined;
        expect(() => (d = decide(consent, req, new Date(t)))).not.toThrow();
        expect(valid(d!).decision).toBe("DENY");
      }),
      { numRuns: 1000 },
    );
  });

  it("a valid request with one field replaced by an arbitrary value is never permitted unless it is still a valid request", () => {
    const consent = consentOf(
      {
        dataCategories: [...DATA_CATEGORIES],
        research: { level: "GRU" },
        aiUses: [],
        recipientTypes: ["public"],
        geography: "EU_EEA",
        validUntil: null,
        conditions: { mayRecontact: false, wantsFindings: true },
      },
      T_MIN,
    );
    const fields = ["dataCategories", "purpose", "aiUse", "recipient", "requiresRecontact", "extra"] as const;
    fc.assert(
      fc.property(requestArb, fc.constantFrom(...fields), fc.anything(), (req, field, value) => {
        const mutated: Record<string, unknown> = { ...req, [field]: value };
        const d = valid(decide(consent, mutated, new Date(T_MAX)));
        if (d.decision === "PERMIT") {
          // Only a value that is itself a meaningful, covered answer can permit.
          if (field === "extra") throw new Error("an unknown field was ignored");
          if (field === "aiUse") expect(value === null || value === undefined).toBe(true);
          if (field === "requiresRecontact") expect(value === false || value === undefined).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
