/** The consent receipt: Kantara / ISO 27560 fields, Donum's additions, and what it must never carry. */
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { grant, amend, optOut, withdraw, type Consent, type ConsentChange } from "../../lib/consent/consent";
import { publishForm } from "../../lib/consent/form";
import { cancerImagingFormV1 } from "../../lib/consent/forms";
import type { ConsentScope } from "../../lib/consent/scope";
import { createLocalSigner } from "../../lib/crypto/local-keys";
import { verifyConsentReceipt, signConsentReceipt } from "../../lib/receipts/jws";
import { buildConsentReceipt, formVersionUrl, receiptId, ReceiptInputError, type BuildReceiptInput } from "../../lib/receipts/receipt";
import { ConsentReceipt } from "../../lib/receipts/schema";
import { publishedJwks } from "../../lib/crypto/jwks";
import { form as testForm, formDraft, formText, scope, subjectKey, T0 } from "../support/fixtures";

const PUBLIC_URL = "https://donum.example.eu";
const HOUR = 3_600_000;
const LATER = new Date(T0.getTime() + HOUR);
const ISSUED = new Date(T0.getTime() + 2 * HOUR);
const signer = createLocalSigner(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey);
const controller = { jurisdiction: "EU", publicKey: signer.publicJwk };

/** The real first form, published: the receipts citizens will get. */
const v1 = publishForm(cancerImagingFormV1, T0);
const v1Ref = { formId: v1.formId, version: v1.version, language: "en", textHash: v1.textHashes.en! };

interface History {
  consent: Consent;
  changes: ConsentChange[];
}

const ctx = (key: string, now: Date, id: string = randomUUID()) => ({ id, subjectKey: key, now, method: "web" as const });

function granted(s: ConsentScope = scope(), key = subjectKey()): History {
  const t = grant(null, s, v1Ref, ctx(key, T0));
  if (!t.ok) throw new Error(t.error.code);
  return { consent: t.consent, changes: [t.change] };
}

function then(h: History, step: (c: Consent) => ReturnType<typeof withdraw>): History {
  const t = step(h.consent);
  if (!t.ok) throw new Error(t.error.code);
  return { consent: t.consent, changes: [...h.changes, t.change] };
}

function receiptOf(h: History, overrides: Partial<BuildReceiptInput> = {}) {
  return buildConsentReceipt({
    consent: h.consent,
    change: h.changes.at(-1)!,
    form: v1,
    publicUrl: PUBLIC_URL,
    issuedAt: ISSUED,
    controller,
    ...overrides,
  });
}

const choices = cancerImagingFormV1.texts.en!.choices;

describe("a receipt for an active consent", () => {
  const h = granted();
  const r = receiptOf(h);

  it("is valid against the receipt schema", () => {
    expect(ConsentReceipt.safeParse(r).error).toBeUndefined();
  });

  it("carries the Kantara v1.1 header fields", () => {
    expect(r).toMatchObject({
      version: "KI-CR-v1.1.0",
      jurisdiction: "EU",
      consentTimestamp: T0.getTime() / 1000,
      collectionMethod: "web",
      language: "en",
      policyUrl: formVersionUrl(PUBLIC_URL, v1Ref),
      sensitive: true,
      spiCat: ["health"],
    });
    expect(r.consentReceiptID).toBe(receiptId(h.consent.id, 1, ISSUED));
    expect(r.publicKey).toEqual({ kty: "EC", crv: "P-256", x: signer.publicJwk.x, y: signer.publicJwk.y, kid: signer.kid, alg: "ES256", use: "sig" });
  });

  it("uses the consent id, a receipt-specific pseudonym, as the PII principal id", () => {
    expect(r.piiPrincipalId).toBe(h.consent.id);
    expect(r.consentId).toBe(h.consent.id);
  });

  it("names the data altruism organisation of the form as controller, with its contacts", () => {
    const org = cancerImagingFormV1.organisation;
    expect(r.piiControllers).toEqual([
      {
        piiController: org.name,
        onBehalf: false,
        contact: org.dpoEmail,
        address: org.address,
        email: org.contactEmail,
        piiControllerUrl: org.website,
        registration: org.registration,
      },
    ]);
  });

  it("lists the research purpose with its DUO code and AI training as a separate explicit purpose", () => {
    expect(r.services).toHaveLength(1);
    const [service] = r.services;
    expect(service!.service).toBe(cancerImagingFormV1.texts.en!.title);
    const [research, ai, ...rest] = service!.purposes;
    expect(rest).toEqual([]);
    expect(research).toMatchObject({
      kind: "research",
      code: "HMB",
      purpose: choices.research.HMB,
      purposeCategory: ["DUO:0000006"],
      duo: { code: "HMB", id: "DUO:0000006" },
      // Commercial companies were not chosen: DUO NPU applies.
      dataUseModifiers: [{ code: "NPU", id: "DUO:0000045", label: "not for profit organisation use only" }],
    });
    expect(research).not.toHaveProperty("diseases");
    expect(ai).toMatchObject({ kind: "ai", code: "AI_TRAINING", purpose: choices.aiUses.AI_TRAINING, purposeCategory: ["AI_TRAINING", "DUO:0000006"] });
    for (const p of service!.purposes) {
      expect(p).toMatchObject({
        consentType: "EXPLICIT",
        primaryPurpose: false,
        thirdPartyDisclosure: true,
        termination: cancerImagingFormV1.texts.en!.modules.withdrawal.summary,
        piiCategory: [
          { code: "imaging.ct", label: choices.dataCategories["imaging.ct"] },
          { code: "imaging.mr", label: choices.dataCategories["imaging.mr"] },
          { code: "report.radiology", label: choices.dataCategories["report.radiology"] },
        ],
        thirdPartyName: [
          { code: "public", label: choices.recipientTypes.public },
          { code: "non_profit", label: choices.recipientTypes.non_profit },
        ],
      });
    }
  });

  it("proves which text was agreed to: form, version, language, text hash", () => {
    expect(r.notice).toEqual({ ...v1Ref, url: formVersionUrl(PUBLIC_URL, v1Ref) });
    expect(r.notice!.textHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("states status, version, history position, geography with countries, end date and conditions", () => {
    expect(r.status).toBe("active");
    expect(r.consentVersion).toBe(1);
    expect(r.change).toEqual({ position: 1, of: 1, latest: true, action: "granted", at: T0.toISOString(), method: "web" });
    expect(r.geography!.code).toBe("EU_EEA");
    expect(r.geography!.label).toBe(choices.geography.EU_EEA);
    expect(r.geography!.countries).toEqual(expect.arrayContaining(["BE", "DE", "NO", "IS", "LI"]));
    expect(r.geography!.countries).not.toContain("CH");
    expect(r.validUntil).toBeNull();
    expect(r.conditions).toEqual({
      mayRecontact: { value: false, label: choices.mayRecontact },
      wantsFindings: { value: true, label: choices.wantsFindings },
    });
    expect(r.manageUrl).toBe(`${PUBLIC_URL}/me`);
    expect(r.jwksUrl).toBe(`${PUBLIC_URL}/.well-known/jwks.json`);
    expect(r.iss).toBe(PUBLIC_URL);
    expect(r.iat).toBe(ISSUED.getTime() / 1000);
  });

  it("is deterministic: the same inputs give the same receipt; another time of issue another id", () => {
    expect(receiptOf(h)).toEqual(r);
    expect(receiptOf(h, { issuedAt: new Date(ISSUED.getTime() + 1) }).consentReceiptID).not.toBe(r.consentReceiptID);
  });
});

describe("disease-specific research, AI uses, genomics", () => {
  const s = scope({
    dataCategories: ["genomics", "imaging.pet", "report.pathology"],
    research: { level: "DS", diseases: ["MONDO:0007254", "MONDO:0008903"] },
    aiUses: ["AI_VALIDATION", "AI_TRAINING"],
    recipientTypes: ["commercial", "public"],
    geography: "EU_EEA_ADEQUACY",
    validUntil: new Date(T0.getTime() + 365 * 24 * HOUR).toISOString(),
    conditions: { mayRecontact: true, wantsFindings: false },
  });
  const r = receiptOf(granted(s));
  const purposes = r.services[0]!.purposes;

  it("lists the chosen cancers with the form's words", () => {
    expect(purposes[0]).toMatchObject({
      kind: "research",
      code: "DS",
      purposeCategory: ["DUO:0000007"],
      diseases: [
        { code: "MONDO:0008903", label: choices.diseases["MONDO:0008903"] },
        { code: "MONDO:0007254", label: choices.diseases["MONDO:0007254"] },
      ],
      // Commercial companies are chosen: no DUO modifier restricts the recipients.
      dataUseModifiers: [],
    });
  });

  it("lists both AI uses, each as its own purpose within the research level", () => {
    expect(purposes.slice(1).map((p) => [p.code, p.purpose, p.purposeCategory])).toEqual([
      ["AI_TRAINING", choices.aiUses.AI_TRAINING, ["AI_TRAINING", "DUO:0000007"]],
      ["AI_VALIDATION", choices.aiUses.AI_VALIDATION, ["AI_VALIDATION", "DUO:0000007"]],
    ]);
  });

  it("marks genetic data as a special category, and lists categories and recipients in vocabulary order", () => {
    expect(r.spiCat).toEqual(["health", "genetic"]);
    expect(purposes[0]!.piiCategory.map((c) => c.code)).toEqual(["imaging.pet", "report.pathology", "genomics"]);
    expect(purposes[0]!.thirdPartyName.map((c) => c.code)).toEqual(["public", "commercial"]);
  });

  it("states the adequacy countries, the end date and the conditions", () => {
    expect(r.geography!.countries).toEqual(expect.arrayContaining(["BE", "CH", "JP", "GB"]));
    expect(r.validUntil).toBe(s.validUntil);
    expect(r.conditions!.mayRecontact.value).toBe(true);
    expect(ConsentReceipt.safeParse(r).error).toBeUndefined();
  });
});

describe("a receipt after the consent ended", () => {
  it("says withdrawn, covers nothing, and still names the text the consent had been given on", () => {
    const h = then(granted(), (c) => withdraw(c, ctx(c.subjectKey, LATER, c.id)));
    const r = receiptOf(h);
    expect(ConsentReceipt.safeParse(r).error).toBeUndefined();
    expect(r.status).toBe("withdrawn");
    expect(r.services).toEqual([]);
    expect(r.geography).toBeNull();
    expect(r.conditions).toBeNull();
    expect(r.validUntil).toBeNull();
    expect(r.notice).toMatchObject(v1Ref);
    expect(r.change).toMatchObject({ position: 2, of: 2, latest: true, action: "withdrawn", at: LATER.toISOString() });
    expect(r.consentTimestamp).toBe(LATER.getTime() / 1000);
  });

  it("says opted_out after an EHDS opt-out that followed a consent", () => {
    const h = then(granted(), (c) => optOut(c, ctx(c.subjectKey, LATER, c.id)));
    const r = receiptOf(h);
    expect(ConsentReceipt.safeParse(r).error).toBeUndefined();
    expect(r).toMatchObject({ status: "opted_out", services: [], change: { action: "opted_out", position: 2 } });
  });

  it("says opted_out, with no notice, for an opt-out recorded without ever consenting", () => {
    const t = optOut(null, ctx(subjectKey(), T0));
    if (!t.ok) throw new Error(t.error.code);
    const r = receiptOf({ consent: t.consent, changes: [t.change] });
    expect(ConsentReceipt.safeParse(r).error).toBeUndefined();
    expect(r).toMatchObject({ status: "opted_out", notice: null, services: [], language: "en", spiCat: ["health"] });
    expect(r.policyUrl).toBe(formVersionUrl(PUBLIC_URL, v1Ref));
  });

  it("says expired once the end date has passed, and still lists what was agreed", () => {
    const h = granted(scope({ validUntil: LATER.toISOString() }));
    const r = receiptOf(h, { issuedAt: new Date(LATER.getTime() + 1) });
    expect(ConsentReceipt.safeParse(r).error).toBeUndefined();
    expect(r.status).toBe("expired");
    expect(r.services[0]!.purposes.length).toBeGreaterThan(0);
  });

  it("marks an earlier change as superseded", () => {
    const h = then(granted(), (c) => amend(c, scope({ aiUses: [] }), v1Ref, ctx(c.subjectKey, LATER, c.id)));
    const r = receiptOf(h, { change: h.changes[0]! });
    expect(ConsentReceipt.safeParse(r).error).toBeUndefined();
    expect(r.status).toBe("superseded");
    expect(r.change).toMatchObject({ position: 1, of: 2, latest: false, action: "granted" });
    expect(r.services[0]!.purposes.map((p) => p.code)).toEqual(["HMB", "AI_TRAINING"]);
  });
});

describe("language", () => {
  const two = testForm({ texts: { en: formText("en"), de: { ...formText("de"), title: "Testformular" } } });

  it("is the language of the text agreed to, and the labels are taken from it", () => {
    const ref = { formId: two.formId, version: 1, language: "de", textHash: two.textHashes.de! };
    const t = grant(null, scope(), ref, ctx(subjectKey(), T0));
    if (!t.ok) throw new Error(t.error.code);
    const r = receiptOf({ consent: t.consent, changes: [t.change] }, { form: two, language: "en" });
    expect(ConsentReceipt.safeParse(r).error).toBeUndefined();
    expect(r.language).toBe("de");
    expect(r.notice!.language).toBe("de");
    expect(r.services[0]!.service).toBe("Testformular");
  });

  it("follows the requested language only when the receipt has no text of its own", () => {
    const t = optOut(null, ctx(subjectKey(), T0));
    if (!t.ok) throw new Error(t.error.code);
    const h = { consent: t.consent, changes: [t.change] };
    expect(receiptOf(h, { form: two, language: "de" }).language).toBe("de");
    expect(receiptOf(h, { form: two, language: "it" }).language).toBe("en");
  });
});

describe("what a receipt never does", () => {
  it("never carries the subject key, in the receipt or in its signed form", async () => {
    const s = scope({ dataCategories: ["genomics"], research: { level: "DS", diseases: ["MONDO:0004992"] }, aiUses: ["AI_TRAINING", "AI_VALIDATION"] });
    const key = subjectKey();
    for (const h of [granted(s, key), then(granted(s, key), (c) => withdraw(c, ctx(c.subjectKey, LATER, c.id)))]) {
      const r = receiptOf(h);
      expect(JSON.stringify(r)).not.toContain(key);
      const jws = await signConsentReceipt(signer, r);
      const payload = Buffer.from(jws.split(".")[1]!, "base64url").toString("utf8");
      expect(payload).not.toContain(key);
      expect(jws).not.toContain(key);
    }
  });

  it("attests no text the stored form does not hash to", () => {
    const h = granted();
    const altered = { ...v1, textHashes: { en: `sha256:${"0".repeat(64)}` } };
    expect(() => receiptOf(h, { form: altered })).toThrow(ReceiptInputError);
  });

  it("refuses a form other than the one the consent refers to", () => {
    expect(() => receiptOf(granted(), { form: testForm() })).toThrow(/refers to cancer-imaging-altruism v1/);
    expect(() => receiptOf(granted(), { form: publishForm({ ...cancerImagingFormV1, version: 2 }, T0) })).toThrow(ReceiptInputError);
  });

  it("refuses a change that is not in the consent's history", () => {
    const h = granted();
    expect(() => receiptOf(h, { change: { ...h.changes[0]!, version: 2 } })).toThrow(ReceiptInputError);
  });

  it("drops private key members handed to it as the controller's key", () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = { ...privateKey.export({ format: "jwk" }), kid: "k" };
    expect(jwk).toHaveProperty("d");
    const r = receiptOf(granted(), { controller: { jurisdiction: "EU", publicKey: jwk as never } });
    expect(r.publicKey).not.toHaveProperty("d");
  });
});

describe("the signed receipt", () => {
  it("verifies with the published key set and parses back to the same receipt", async () => {
    const r = receiptOf(granted());
    const jws = await signConsentReceipt(signer, r);
    const v = verifyConsentReceipt(jws, publishedJwks(signer));
    expect(v.ok && v.receipt).toEqual(r);
    expect(v.ok && v.header).toEqual({ alg: "ES256", kid: signer.kid, typ: "consent-receipt+jwt" });
  });

  it("is refused when the payload is signed but is not a receipt", async () => {
    const { signCompactJws } = await import("../../lib/crypto/jws");
    const jws = await signCompactJws(signer, { hello: "world" }, { typ: "consent-receipt+jwt" });
    const v = verifyConsentReceipt(jws, publishedJwks(signer));
    expect(v.ok || v.error.code).toBe("INVALID_RECEIPT");
  });

  it("is refused when it is another kind of signed document (explicit typing)", async () => {
    const { signCompactJws } = await import("../../lib/crypto/jws");
    const jws = await signCompactJws(signer, receiptOf(granted()), { typ: "consent-decision+jwt" });
    const v = verifyConsentReceipt(jws, publishedJwks(signer));
    expect(v.ok || v.error.code).toBe("UNEXPECTED_TYPE");
  });

  it("cannot be signed with a key other than the one it names", async () => {
    const other = createLocalSigner(generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey);
    await expect(signConsentReceipt(other, receiptOf(granted()))).rejects.toThrow(/names key/);
  });
});

describe("the receipt schema", () => {
  const active = receiptOf(granted(scope({ dataCategories: ["genomics"] })));
  const withdrawn = receiptOf(then(granted(), (c) => withdraw(c, ctx(c.subjectKey, LATER, c.id))));

  it("refuses fields it does not define, such as a subject key", () => {
    expect(ConsentReceipt.safeParse({ ...active, subjectKey: "a".repeat(64) }).success).toBe(false);
    expect(ConsentReceipt.safeParse({ ...active, publicKey: { ...active.publicKey, d: "secret" } }).success).toBe(false);
  });

  it("refuses a receipt whose status contradicts what it lists", () => {
    expect(ConsentReceipt.safeParse({ ...withdrawn, services: active.services }).success).toBe(false);
    expect(ConsentReceipt.safeParse({ ...active, services: [] }).success).toBe(false);
    expect(ConsentReceipt.safeParse({ ...active, spiCat: ["health"] }).success).toBe(false);
    expect(ConsentReceipt.safeParse({ ...active, status: "superseded" }).success).toBe(false);
  });
});

describe("the test fixtures' form", () => {
  it("also gives schema-valid receipts (labels are whatever the form says)", () => {
    const f = testForm();
    const ref = { formId: f.formId, version: 1, language: "en", textHash: f.textHashes.en! };
    const t = grant(null, scope(), ref, ctx(subjectKey(), T0));
    if (!t.ok) throw new Error(t.error.code);
    const r = receiptOf({ consent: t.consent, changes: [t.change] }, { form: f });
    expect(ConsentReceipt.safeParse(r).error).toBeUndefined();
    expect(r.piiControllers[0]!.piiController).toBe(formDraft().organisation.name);
  });
});
