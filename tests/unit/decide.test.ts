/**
 * decide(): the one function that says whether a release may happen. These tables walk every
 * dimension of a consent's scope, every status, and the inputs a careless or hostile caller could
 * send, and check that the answer is PERMIT only when everything asked for was consented to.
 */
import { randomUUID } from "node:crypto";
import { amend, optOut, withdraw, type Consent } from "../../lib/consent/consent";
import { decide, Decision, type DecisionRequestInput, type DenyReason } from "../../lib/consent/decision";
import type { ConsentScope } from "../../lib/consent/scope";
import {
  AI_USES,
  DATA_CATEGORIES,
  EU_EEA_COUNTRIES,
  RECIPIENT_TYPES,
  type AiUse,
  type DataCategory,
  type DiseaseCode,
  type Geography,
  type RecipientType,
} from "../../lib/consent/vocabulary";
import { activeConsent, formRef, scope, T0 } from "../support/fixtures";

/** A month after the fixtures' consent was granted. */
const NOW = new Date("2026-07-01T00:00:00.000Z");

const CANCER: DiseaseCode = "MONDO:0004992";
const LUNG: DiseaseCode = "MONDO:0008903";
const BREAST: DiseaseCode = "MONDO:0007254";
const MELANOMA: DiseaseCode = "MONDO:0005105";

/** A scope that covers everything; each test narrows only the dimension it is about. */
const everything: ConsentScope = scope({
  dataCategories: [...DATA_CATEGORIES],
  research: { level: "GRU" },
  aiUses: [...AI_USES],
  recipientTypes: [...RECIPIENT_TYPES],
  geography: "EU_EEA_ADEQUACY",
  validUntil: null,
  conditions: { mayRecontact: true, wantsFindings: false },
});

function consentWith(overrides: Partial<ConsentScope> = {}): Consent {
  return activeConsent({ scope: { ...everything, ...overrides } });
}

function request(overrides: Partial<DecisionRequestInput> = {}): DecisionRequestInput {
  return {
    dataCategories: ["imaging.ct"],
    purpose: { code: "HMB" },
    aiUse: null,
    recipient: { organisation: "Institut de Recherche Test", type: "public", country: "FR" },
    requiresRecontact: false,
    ...overrides,
  };
}

const recipient = (type: RecipientType, country: string) => ({ organisation: "Research Org", type, country });

/** decide(), plus the invariant that every decision it produces is a valid Decision. */
function check(consent: unknown, req: unknown, now: Date = NOW): Decision {
  const decision = decide(consent, req, now);
  const parsed = Decision.safeParse(decision);
  if (!parsed.success) throw new Error(`decide() produced an invalid Decision: ${JSON.stringify(decision)}`);
  return decision;
}

function expectPermit(d: Decision): void {
  expect(d).toMatchObject({ decision: "PERMIT", reasons: [] });
}

function expectDeny(d: Decision, reasons: DenyReason[]): void {
  expect(d.decision).toBe("DENY");
  expect(d.reasons).toEqual(reasons);
}

describe("data categories", () => {
  const allButOne = DATA_CATEGORIES.map((c) => [c, DATA_CATEGORIES.filter((x) => x !== c)] as const);

  it.each(DATA_CATEGORIES.map((c) => [c]))("%s is permitted when the consent covers it", (category) => {
    expectPermit(check(consentWith(), request({ dataCategories: [category] })));
  });

  it.each(allButOne)("%s is denied when it is the one category left out of the consent", (category, granted) => {
    const d = check(consentWith({ dataCategories: [...granted] }), request({ dataCategories: [category] }));
    expectDeny(d, [{ code: "DATA_CATEGORY_NOT_COVERED", values: [category] }]);
  });

  it.each(allButOne)(
    "a request for every category is denied when %s is left out of the consent",
    (category, granted) => {
      const d = check(consentWith({ dataCategories: [...granted] }), request({ dataCategories: [...DATA_CATEGORIES] }));
      expectDeny(d, [{ code: "DATA_CATEGORY_NOT_COVERED", values: [category] }]);
    },
  );

  it("several missing categories give one reason that lists each missing category once", () => {
    const d = check(
      consentWith({ dataCategories: ["imaging.ct", "report.radiology"] }),
      request({ dataCategories: ["imaging.ct", "genomics", "imaging.pet", "genomics", "report.radiology"] }),
    );
    expectDeny(d, [{ code: "DATA_CATEGORY_NOT_COVERED", values: ["genomics", "imaging.pet"] }]);
  });

  it("a request for only some of the consented categories is permitted", () => {
    const d = check(
      consentWith({ dataCategories: ["imaging.ct", "imaging.mr", "report.radiology"] }),
      request({ dataCategories: ["imaging.mr", "report.radiology"] }),
    );
    expectPermit(d);
  });
});

describe("purposes (DUO: GRU ⊃ HMB ⊃ DS with a disease)", () => {
  type Granted = ConsentScope["research"];
  type Asked = DecisionRequestInput["purpose"];
  const GRU: Granted = { level: "GRU" };
  const HMB: Granted = { level: "HMB" };
  const DS = (...diseases: DiseaseCode[]): Granted => ({ level: "DS", diseases });
  const ask = {
    GRU: { code: "GRU" } as Asked,
    HMB: { code: "HMB" } as Asked,
    DS: (disease: DiseaseCode): Asked => ({ code: "DS", disease }),
  };

  const rows: [string, Granted, Asked, boolean][] = [
    ["GRU consent covers general research", GRU, ask.GRU, true],
    ["GRU consent covers health research", GRU, ask.HMB, true],
    ["GRU consent covers research on lung cancer", GRU, ask.DS(LUNG), true],
    ["GRU consent covers research on cancer (any)", GRU, ask.DS(CANCER), true],
    ["HMB consent does not cover general research", HMB, ask.GRU, false],
    ["HMB consent covers health research", HMB, ask.HMB, true],
    ["HMB consent covers research on breast cancer", HMB, ask.DS(BREAST), true],
    ["HMB consent covers research on cancer (any)", HMB, ask.DS(CANCER), true],
    ["DS cancer (any) does not cover general research", DS(CANCER), ask.GRU, false],
    ["DS cancer (any) does not cover health research", DS(CANCER), ask.HMB, false],
    ["DS cancer (any) covers research on cancer (any)", DS(CANCER), ask.DS(CANCER), true],
    ["DS cancer (any) covers its child lung cancer", DS(CANCER), ask.DS(LUNG), true],
    ["DS cancer (any) covers its child melanoma", DS(CANCER), ask.DS(MELANOMA), true],
    ["DS lung cancer covers lung cancer", DS(LUNG), ask.DS(LUNG), true],
    ["DS lung cancer does not cover its parent cancer (any)", DS(LUNG), ask.DS(CANCER), false],
    ["DS lung cancer does not cover its sibling breast cancer", DS(LUNG), ask.DS(BREAST), false],
    ["DS lung cancer does not cover health research", DS(LUNG), ask.HMB, false],
    ["DS lung cancer does not cover general research", DS(LUNG), ask.GRU, false],
    ["DS lung + breast covers breast cancer", DS(LUNG, BREAST), ask.DS(BREAST), true],
    ["DS lung + breast does not cover melanoma", DS(LUNG, BREAST), ask.DS(MELANOMA), false],
    ["DS lung + breast does not cover cancer (any)", DS(LUNG, BREAST), ask.DS(CANCER), false],
  ];

  it.each(rows)("%s", (_name, granted, asked, permitted) => {
    const d = check(consentWith({ research: granted }), request({ purpose: asked }));
    if (permitted) expectPermit(d);
    else expectDeny(d, [{ code: "PURPOSE_NOT_COVERED", values: [asked.code === "DS" ? `DS:${asked.disease}` : asked.code] }]);
  });
});

describe("AI uses are explicit choices", () => {
  const rows: [string, AiUse[], AiUse | null, boolean][] = [
    ["research without AI needs no AI choice", [], null, true],
    ["research without AI is permitted when AI uses are also allowed", ["AI_TRAINING", "AI_VALIDATION"], null, true],
    ["AI training is denied without any AI choice", [], "AI_TRAINING", false],
    ["AI validation is denied without any AI choice", [], "AI_VALIDATION", false],
    ["AI training is permitted with the training choice", ["AI_TRAINING"], "AI_TRAINING", true],
    ["AI validation is not covered by the training choice", ["AI_TRAINING"], "AI_VALIDATION", false],
    ["AI validation is permitted with the validation choice", ["AI_VALIDATION"], "AI_VALIDATION", true],
    ["AI training is not covered by the validation choice", ["AI_VALIDATION"], "AI_TRAINING", false],
    ["AI training is permitted when both are chosen", ["AI_TRAINING", "AI_VALIDATION"], "AI_TRAINING", true],
    ["AI validation is permitted when both are chosen", ["AI_TRAINING", "AI_VALIDATION"], "AI_VALIDATION", true],
  ];

  it.each(rows)("%s", (_name, granted, asked, permitted) => {
    const d = check(consentWith({ aiUses: granted }), request({ aiUse: asked }));
    if (permitted) expectPermit(d);
    else expectDeny(d, [{ code: "AI_USE_NOT_COVERED", values: [asked as string] }]);
  });

  it("a request that does not mention AI at all is treated as research without AI", () => {
    const { aiUse: _omitted, ...withoutAi } = request();
    expectPermit(check(consentWith({ aiUses: [] }), withoutAi));
  });
});

describe("recipient types", () => {
  const rows: [string, RecipientType[], RecipientType, boolean][] = [
    ["public bodies only: a public body is permitted", ["public"], "public", true],
    ["public bodies only: a not-for-profit is denied", ["public"], "non_profit", false],
    ["public bodies only: a company is denied", ["public"], "commercial", false],
    ["public and not-for-profit: a not-for-profit is permitted", ["public", "non_profit"], "non_profit", true],
    ["public and not-for-profit: a company is denied", ["public", "non_profit"], "commercial", false],
    ["companies only: a public body is denied", ["commercial"], "public", false],
    ["companies only: a company is permitted", ["commercial"], "commercial", true],
    ["all three: a company is permitted", ["public", "non_profit", "commercial"], "commercial", true],
  ];

  it.each(rows)("%s", (_name, granted, asked, permitted) => {
    const d = check(consentWith({ recipientTypes: granted }), request({ recipient: recipient(asked, "DE") }));
    if (permitted) expectPermit(d);
    else expectDeny(d, [{ code: "RECIPIENT_TYPE_NOT_COVERED", values: [asked] }]);
  });
});

describe("geography", () => {
  const rows: [string, Geography, string, boolean][] = [
    ["an EU member state (DE) under EU/EEA", "EU_EEA", "DE", true],
    ["an EU member state (GR) under EU/EEA", "EU_EEA", "GR", true],
    ["an EEA EFTA state (NO) under EU/EEA", "EU_EEA", "NO", true],
    ["an EEA EFTA state (IS) under EU/EEA", "EU_EEA", "IS", true],
    ["an EEA EFTA state (LI) under EU/EEA", "EU_EEA", "LI", true],
    ["an EEA EFTA state (NO) under EU/EEA + adequacy", "EU_EEA_ADEQUACY", "NO", true],
    ["an EU member state (FR) under EU/EEA + adequacy", "EU_EEA_ADEQUACY", "FR", true],
    ["an adequacy country (JP) under EU/EEA only", "EU_EEA", "JP", false],
    ["an adequacy country (JP) under EU/EEA + adequacy", "EU_EEA_ADEQUACY", "JP", true],
    ["an adequacy country (CH) under EU/EEA only", "EU_EEA", "CH", false],
    ["an adequacy country (CH) under EU/EEA + adequacy", "EU_EEA_ADEQUACY", "CH", true],
    ["an adequacy country (GB) under EU/EEA only", "EU_EEA", "GB", false],
    ["an adequacy country (GB) under EU/EEA + adequacy", "EU_EEA_ADEQUACY", "GB", true],
    ["the United States under EU/EEA only", "EU_EEA", "US", false],
    ["the United States under EU/EEA + adequacy (no general adequacy decision)", "EU_EEA_ADEQUACY", "US", false],
    ["China under EU/EEA only", "EU_EEA", "CN", false],
    ["China under EU/EEA + adequacy", "EU_EEA_ADEQUACY", "CN", false],
    ["Canada under EU/EEA + adequacy (sector-limited decision, left out)", "EU_EEA_ADEQUACY", "CA", false],
  ];

  it.each(rows)("%s", (_name, geography, country, permitted) => {
    const d = check(consentWith({ geography }), request({ recipient: recipient("public", country) }));
    if (permitted) expectPermit(d);
    else expectDeny(d, [{ code: "GEOGRAPHY_NOT_COVERED", values: [country] }]);
  });

  it("the EU/EEA list is exactly the 27 member states plus Iceland, Liechtenstein and Norway", () => {
    const expected = [
      "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
      "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO",
    ];
    expect([...EU_EEA_COUNTRIES].sort()).toEqual(expected.sort());
  });
});

describe("re-contact", () => {
  const rows: [string, boolean, boolean | undefined, boolean][] = [
    ["a project that re-contacts is permitted when the person agreed to it", true, true, false],
    ["a project that re-contacts is denied when the person did not agree to it", false, true, true],
    ["a project that does not re-contact is permitted either way (agreed)", true, false, false],
    ["a project that does not re-contact is permitted either way (not agreed)", false, false, false],
    ["a request that does not mention re-contact does not need it", false, undefined, false],
  ];

  it.each(rows)("%s", (_name, mayRecontact, requiresRecontact, denied) => {
    const req = request();
    if (requiresRecontact === undefined) delete req.requiresRecontact;
    else req.requiresRecontact = requiresRecontact;
    const d = check(consentWith({ conditions: { mayRecontact, wantsFindings: true } }), req);
    if (denied) expectDeny(d, [{ code: "RECONTACT_NOT_ALLOWED" }]);
    else expectPermit(d);
  });
});

describe("period", () => {
  // The fixture consent was granted (updatedAt) at T0.
  const ms = (t: Date, delta: number) => new Date(t.getTime() + delta);
  const rows: [string, string | null, Date, DenyReason | null][] = [
    ["until withdrawn: permitted long after it was given", null, new Date("2040-01-01T00:00:00Z"), null],
    ["an end date in the future: permitted", "2027-01-01T00:00:00.000Z", NOW, null],
    ["an end date one millisecond away: permitted", ms(NOW, 1).toISOString(), NOW, null],
    ["an end date exactly now: expired", NOW.toISOString(), NOW, { code: "CONSENT_EXPIRED" }],
    ["an end date with an offset that is exactly now: expired", "2026-07-01T02:00:00+02:00", NOW, { code: "CONSENT_EXPIRED" }],
    ["an end date in the past: expired", "2026-06-15T00:00:00.000Z", NOW, { code: "CONSENT_EXPIRED" }],
    ["a request at the moment consent was given: permitted", null, T0, null],
    ["a request one millisecond before consent was given: not yet valid", null, ms(T0, -1), { code: "CONSENT_NOT_YET_VALID" }],
    ["a request a year before consent was given: not yet valid", null, new Date("2025-06-01T00:00:00Z"), { code: "CONSENT_NOT_YET_VALID" }],
  ];

  it.each(rows)("%s", (_name, validUntil, now, reason) => {
    const d = check(consentWith({ validUntil }), request(), now);
    if (reason === null) expectPermit(d);
    else expectDeny(d, [reason]);
    expect(d.evaluatedAt).toBe(now.toISOString());
  });
});

describe("statuses", () => {
  const given = () => consentWith();
  const input = (now: Date) => ({ id: randomUUID(), subjectKey: "0".repeat(64), now, method: "web" as const });
  const withdrawn = () => {
    const t = withdraw(given(), input(ms(T0, 1000)));
    if (!t.ok) throw new Error("withdraw failed");
    return t.consent;
  };
  const optedOut = () => {
    const t = optOut(given(), input(ms(T0, 1000)));
    if (!t.ok) throw new Error("opt-out failed");
    return t.consent;
  };
  const optedOutWithoutConsent = () => {
    const t = optOut(null, input(ms(T0, 1000)));
    if (!t.ok) throw new Error("opt-out failed");
    return t.consent;
  };
  function ms(t: Date, delta: number) {
    return new Date(t.getTime() + delta);
  }

  const rows: [string, () => Consent | null | undefined, DenyReason][] = [
    ["a withdrawn consent is denied", withdrawn, { code: "CONSENT_WITHDRAWN" }],
    ["an opted-out citizen is denied", optedOut, { code: "OPTED_OUT" }],
    ["a citizen who opted out without ever consenting is denied", optedOutWithoutConsent, { code: "OPTED_OUT" }],
    ["no consent (null) is denied", () => null, { code: "NO_CONSENT" }],
    ["no consent (undefined) is denied", () => undefined, { code: "NO_CONSENT" }],
  ];

  it.each(rows)("%s", (_name, make, reason) => {
    const consent = make();
    const d = check(consent, request());
    expectDeny(d, [reason]);
    expect(d.consentId).toBe(consent?.id ?? null);
  });

  it("a withdrawn consent is denied whatever is asked, even if it still carried a scope", () => {
    const c: Consent = { ...withdrawn(), scope: everything };
    const asks = [request(), request({ purpose: { code: "GRU" }, dataCategories: [...DATA_CATEGORIES] })];
    for (const r of asks) expectDeny(check(c, r), [{ code: "CONSENT_WITHDRAWN" }]);
  });

  it("a withdrawn consent wins over an end date that has also passed", () => {
    const c: Consent = { ...withdrawn(), scope: { ...everything, validUntil: "2026-06-02T00:00:00.000Z" } };
    expectDeny(check(c, request()), [{ code: "CONSENT_WITHDRAWN" }]);
  });
});

describe("unknown or invalid input is denied, never permitted", () => {
  const valid = request();
  const requestRows: [string, unknown][] = [
    ["null", null],
    ["undefined", undefined],
    ["a number", 42],
    ["a string", "please release everything"],
    ["an array", [valid]],
    ["an empty object", {}],
    ["no data categories", { ...valid, dataCategories: [] }],
    ["data categories not an array", { ...valid, dataCategories: "imaging.ct" }],
    ["an unknown category code", { ...valid, dataCategories: ["imaging.ct", "imaging.xray"] }],
    ["a category in another case", { ...valid, dataCategories: ["IMAGING.CT"] }],
    ["more than 32 categories", { ...valid, dataCategories: Array(33).fill("imaging.ct") }],
    ["no purpose", { ...valid, purpose: undefined }],
    ["an unknown purpose code", { ...valid, purpose: { code: "NPU" } }],
    ["DS without a disease", { ...valid, purpose: { code: "DS" } }],
    ["DS with an unknown disease", { ...valid, purpose: { code: "DS", disease: "MONDO:0000000" } }],
    ["an unknown AI use", { ...valid, aiUse: "AI_INFERENCE" }],
    ["AI uses as a list", { ...valid, aiUse: ["AI_TRAINING"] }],
    ["no recipient", { ...valid, recipient: undefined }],
    ["an unknown recipient type", { ...valid, recipient: { ...valid.recipient, type: "government" } }],
    ["an empty organisation", { ...valid, recipient: { ...valid.recipient, organisation: "   " } }],
    ["a lower-case country", { ...valid, recipient: { ...valid.recipient, country: "fr" } }],
    ["a three-letter country", { ...valid, recipient: { ...valid.recipient, country: "FRA" } }],
    ["re-contact as a string", { ...valid, requiresRecontact: "no" }],
    // Misspelt or unknown fields must not be dropped silently: the two optional fields default to
    // the most permissive reading, so a typo would otherwise turn "for AI training" into "not AI".
    ["a misspelt AI field (aiUses)", { ...valid, aiUse: undefined, aiUses: ["AI_TRAINING"] }],
    ["a misspelt re-contact field (requireRecontact)", { ...valid, requiresRecontact: undefined, requireRecontact: true }],
    ["an extra restriction the decision does not understand", { ...valid, commercialUse: true }],
    ["an extra field in the recipient", { ...valid, recipient: { ...valid.recipient, subsidiaryOf: "MegaCorp" } }],
    ["an extra field in the purpose", { ...valid, purpose: { code: "HMB", disease: CANCER } }],
  ];

  it.each(requestRows)("a request with %s is denied as INVALID_REQUEST", (_name, req) => {
    const d = check(consentWith(), req);
    expectDeny(d, [{ code: "INVALID_REQUEST" }]);
    expect(d.consentId).toBeNull();
  });

  it("the valid request those rows are made from is permitted", () => {
    expectPermit(check(consentWith(), valid));
  });

  const good = (): Consent => consentWith();
  const consentRows: [string, () => unknown][] = [
    ["an empty object", () => ({})],
    ["a string", () => "consent"],
    ["a number", () => 1],
    ["an array", () => [good()]],
    ["an id that is not a UUID", () => ({ ...good(), id: "consent-1" })],
    ["a subject key that is not 64 hex", () => ({ ...good(), subjectKey: "ES/02635542Y" })],
    ["an unknown status", () => ({ ...good(), status: "paused" })],
    ["a stored status of expired (computed, never stored)", () => ({ ...good(), status: "expired" })],
    ["version 0", () => ({ ...good(), version: 0 })],
    ["an active consent without a scope", () => ({ ...good(), scope: null })],
    ["an active consent without a form", () => ({ ...good(), form: null })],
    ["a scope with no data categories", () => ({ ...good(), scope: { ...everything, dataCategories: [] } })],
    ["a scope with an unknown category", () => ({ ...good(), scope: { ...everything, dataCategories: ["imaging.xray"] } })],
    ["a scope with an unknown geography", () => ({ ...good(), scope: { ...everything, geography: "WORLD" } })],
    ["an end date that is not a date", () => ({ ...good(), scope: { ...everything, validUntil: "next year" } })],
    ["an updatedAt that is not a date", () => ({ ...good(), updatedAt: "yesterday" })],
    ["no updatedAt", () => ({ ...good(), updatedAt: undefined })],
  ];

  it.each(consentRows)("a consent that is %s is denied as INVALID_CONSENT", (_name, make) => {
    const d = check(make(), request());
    expectDeny(d, [{ code: "INVALID_CONSENT" }]);
  });

  const nowRows: [string, unknown][] = [
    ["an invalid Date", new Date(Number.NaN)],
    ["a date string", "2026-07-01T00:00:00.000Z"],
    ["a number of milliseconds", NOW.getTime()],
    ["null", null],
    ["a date after the year 9999", new Date(8.64e15)],
    ["a date before the year 0", new Date(-8.64e15)],
  ];

  it.each(nowRows)("an evaluation time that is %s is denied as EVALUATION_ERROR", (_name, now) => {
    const d = check(consentWith(), request(), now as Date);
    expectDeny(d, [{ code: "EVALUATION_ERROR" }]);
  });
});

describe("decide() never throws", () => {
  const throwing = () => {
    throw new Error("boom");
  };

  it("a consent whose getter throws is denied, not thrown", () => {
    const c = { ...consentWith() } as Record<string, unknown>;
    Object.defineProperty(c, "scope", { get: throwing, enumerable: true });
    expectDeny(check(c, request()), [{ code: "EVALUATION_ERROR" }]);
  });

  it("a consent Proxy that throws on every access is denied, not thrown", () => {
    const c = new Proxy(consentWith(), { get: throwing, has: throwing, ownKeys: throwing, getPrototypeOf: throwing });
    expectDeny(check(c, request()), [{ code: "EVALUATION_ERROR" }]);
  });

  it("a request Proxy that throws on every access is denied, not thrown", () => {
    const r = new Proxy(request(), { get: throwing, has: throwing, ownKeys: throwing, getPrototypeOf: throwing });
    const d = check(consentWith(), r);
    expect(d.decision).toBe("DENY");
  });

  it("a request whose categories array throws when read is denied, not thrown", () => {
    const categories = new Proxy(["imaging.ct"], { get: throwing });
    expect(check(consentWith(), request({ dataCategories: categories as DataCategory[] })).decision).toBe("DENY");
  });

  it("a clock whose toISOString throws does not make decide() throw; its time is still used", () => {
    class BadDate extends Date {
      override toISOString(): string {
        throw new Error("clock broken");
      }
    }
    const d = check(consentWith(), request(), new BadDate(NOW.getTime()));
    expect(d.evaluatedAt).toBe(NOW.toISOString());
  });

  it("a clock whose toISOString throws does not make a denial throw either", () => {
    class BadDate extends Date {
      override toISOString(): string {
        throw new Error("clock broken");
      }
    }
    const d = check(null, request(), new BadDate(NOW.getTime()));
    expectDeny(d, [{ code: "NO_CONSENT" }]);
  });

  it("a Proxy of a Date as the clock is denied, not thrown", () => {
    const d = check(consentWith(), request(), new Proxy(NOW, {}));
    expectDeny(d, [{ code: "EVALUATION_ERROR" }]);
  });

  it("a clock that changes between readings cannot make one decision use two different times", () => {
    let reads = 0;
    class DriftingDate extends Date {
      override getTime(): number {
        reads++;
        // First reading: a month after the grant; any later reading: before the grant.
        return reads === 1 ? NOW.valueOf() : T0.valueOf() - 1;
      }
    }
    const d = check(consentWith(), request(), new DriftingDate(NOW.getTime()));
    // Whatever the outcome, the decision must be the one for a single instant it reports.
    const atReported = check(consentWith(), request(), new Date(d.evaluatedAt));
    expect(d.decision).toBe(atReported.decision);
  });
});

describe("deny wins: every unmet dimension is named", () => {
  const narrow = consentWith({
    dataCategories: ["imaging.ct"],
    research: { level: "DS", diseases: [LUNG] },
    aiUses: [],
    recipientTypes: ["public"],
    geography: "EU_EEA",
    conditions: { mayRecontact: false, wantsFindings: false },
  });
  const reasons = {
    category: { code: "DATA_CATEGORY_NOT_COVERED", values: ["genomics"] },
    purpose: { code: "PURPOSE_NOT_COVERED", values: [`DS:${BREAST}`] },
    ai: { code: "AI_USE_NOT_COVERED", values: ["AI_TRAINING"] },
    recipient: { code: "RECIPIENT_TYPE_NOT_COVERED", values: ["commercial"] },
    geography: { code: "GEOGRAPHY_NOT_COVERED", values: ["US"] },
    recontact: { code: "RECONTACT_NOT_ALLOWED" },
  } satisfies Record<string, DenyReason>;
  const failing: Record<keyof typeof reasons, Partial<DecisionRequestInput>> = {
    category: { dataCategories: ["imaging.ct", "genomics"] },
    purpose: { purpose: { code: "DS", disease: BREAST } },
    ai: { aiUse: "AI_TRAINING" },
    recipient: {},
    geography: {},
    recontact: { requiresRecontact: true },
  };
  const covered: DecisionRequestInput = request({
    dataCategories: ["imaging.ct"],
    purpose: { code: "DS", disease: LUNG },
    recipient: recipient("public", "DE"),
  });
  function failingRequest(dims: (keyof typeof reasons)[]): DecisionRequestInput {
    let r: DecisionRequestInput = { ...covered };
    for (const dim of dims) r = { ...r, ...failing[dim] };
    const type = dims.includes("recipient") ? "commercial" : "public";
    const country = dims.includes("geography") ? "US" : "DE";
    return { ...r, recipient: recipient(type, country) };
  }

  it("the fully covered request is permitted", () => {
    expectPermit(check(narrow, covered));
  });

  const dims = Object.keys(reasons) as (keyof typeof reasons)[];
  const rows: [string, (keyof typeof reasons)[]][] = [
    ...dims.map((d) => [`only ${d} fails`, [d]] as [string, (keyof typeof reasons)[]]),
    ["category and purpose fail", ["category", "purpose"]],
    ["AI use and geography fail", ["ai", "geography"]],
    ["recipient and re-contact fail", ["recipient", "recontact"]],
    ["all but re-contact fail", ["category", "purpose", "ai", "recipient", "geography"]],
    ["every dimension fails", dims],
  ];

  it.each(rows)("%s: the decision is DENY and names exactly those dimensions", (_name, failed) => {
    const d = check(narrow, failingRequest(failed));
    expect(d.decision).toBe("DENY");
    expect(d.reasons).toHaveLength(failed.length);
    expect(d.reasons).toEqual(expect.arrayContaining(failed.map((f) => reasons[f])));
  });
});

describe("the decision record", () => {
  it("a PERMIT has no reasons and names the consent version and form version it rests on", () => {
    const granted = activeConsent({}, T0);
    const amended = amend(granted, { ...everything }, formRef({ version: 3 }), {
      id: granted.id,
      subjectKey: granted.subjectKey,
      now: new Date("2026-06-10T00:00:00.000Z"),
      method: "web",
    });
    if (!amended.ok) throw new Error("amend failed");
    const d = check(amended.consent, request());
    expect(d).toEqual({
      decision: "PERMIT",
      reasons: [],
      consentId: granted.id,
      consentVersion: 2,
      formVersion: 3,
      evaluatedAt: NOW.toISOString(),
    });
  });

  it("a DENY on a consent names the consent it was evaluated against", () => {
    const c = consentWith({ geography: "EU_EEA" });
    const d = check(c, request({ recipient: recipient("public", "US") }));
    expect(d).toMatchObject({ decision: "DENY", consentId: c.id, consentVersion: 1, formVersion: 1 });
  });
});
