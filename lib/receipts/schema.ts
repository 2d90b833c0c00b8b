/**
 * The consent receipt, one zod schema: what lib/receipts/receipt.ts builds, what the JWS payload
 * carries and what a verifier parses. Field names follow the Kantara Initiative Consent Receipt
 * Specification v1.1 (the structure ISO/IEC TS 27560:2023 grew out of); the Donum-specific
 * fields that follow them carry what those specs have no field for. See receipt.ts for the
 * mapping, field by field, and the few places where Donum departs from them.
 */
import { z } from "zod";
import { Sha256Ref } from "../canonical-json";
import { ConsentAction, ConsentMethod } from "../consent/consent";
import { FormId } from "../consent/form";
import { AiUse, CountryCode, DataCategory, DiseaseCode, Geography, Language, RecipientType, RESEARCH_LEVELS } from "../consent/vocabulary";

/** Kantara Consent Receipt v1.1 `version`. */
export const KANTARA_RECEIPT_VERSION = "KI-CR-v1.1.0";
/** Version of Donum's profile of it: bump when a field changes meaning. */
export const DONUM_RECEIPT_PROFILE = "donum-consent-receipt/1";
/** JWS `typ` of a signed receipt (see lib/receipts/jws.ts). */
export const RECEIPT_JWS_TYPE = "consent-receipt+jwt";

const text = z.string().trim().min(1);

/** A code and the words the form showed for it, in the receipt's language. */
const coded = <T extends z.ZodType<string>>(code: T) => z.object({ code, label: text });

export const ReceiptStatus = z.enum(["active", "expired", "withdrawn", "opted_out", "superseded"]);
export type ReceiptStatus = z.infer<typeof ReceiptStatus>;

export const PiiController = z.object({
  piiController: text,
  onBehalf: z.boolean(),
  /** Kantara: a contact name. Donum gives the address of its data protection officer (GDPR Art. 13(1)(b)). */
  contact: z.email(),
  address: text,
  email: z.email(),
  /** The form states no telephone number, so none is invented. */
  phone: text.optional(),
  piiControllerUrl: z.url(),
  /** Entry in the public register of data altruism organisations (DGA Art. 17). */
  registration: text,
});

const ReceiptPurposeBase = z.object({
  /** The words of the choice, as the form showed them. */
  purpose: text,
  purposeCategory: z.array(text).min(1),
  consentType: z.literal("EXPLICIT"),
  piiCategory: z.array(coded(DataCategory)).min(1),
  primaryPurpose: z.literal(false),
  termination: text,
  thirdPartyDisclosure: z.literal(true),
  thirdPartyName: z.array(coded(RecipientType)).min(1),
});

export const ResearchPurpose = ReceiptPurposeBase.extend({
  kind: z.literal("research"),
  code: z.enum(RESEARCH_LEVELS),
  duo: z.object({ code: z.enum(RESEARCH_LEVELS), id: z.string().regex(/^DUO:\d{7}$/) }),
  /** Disease-specific research (DS) only: the cancers chosen. */
  diseases: z.array(coded(DiseaseCode)).optional(),
  /** DUO data-use modifiers the scope implies (NPU when commercial companies are not chosen). */
  dataUseModifiers: z.array(z.object({ code: text, id: z.string().regex(/^DUO:\d{7}$/), label: text })),
}).refine((p) => (p.code === "DS") === (p.diseases !== undefined && p.diseases.length > 0), {
  message: "diseases are listed exactly for disease-specific research",
  path: ["diseases"],
});

export const AiPurpose = ReceiptPurposeBase.extend({
  kind: z.literal("ai"),
  code: AiUse,
});

export const ReceiptPurpose = z.union([ResearchPurpose, AiPurpose]);
export type ReceiptPurpose = z.infer<typeof ReceiptPurpose>;

export const ReceiptService = z.object({
  service: text,
  purposes: z.array(ReceiptPurpose).min(1),
});

export const ReceiptNotice = z.object({
  formId: FormId,
  version: z.number().int().min(1),
  language: Language,
  textHash: z.string().regex(Sha256Ref),
  url: z.url(),
});
export type ReceiptNotice = z.infer<typeof ReceiptNotice>;

const ReceiptPublicKey = z.object({
  kty: z.literal("EC"),
  crv: z.literal("P-256"),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  y: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  kid: z.string().min(1),
  alg: z.literal("ES256").optional(),
  use: z.literal("sig").optional(),
}).strict();

export const ConsentReceipt = z
  .object({
    // ── Kantara Consent Receipt v1.1 / ISO/IEC TS 27560 ─────────────────────────────────────
    version: z.literal(KANTARA_RECEIPT_VERSION),
    jurisdiction: text,
    /** Seconds since the epoch (JSON NumericDate), as Kantara specifies. */
    consentTimestamp: z.number().int().nonnegative(),
    collectionMethod: ConsentMethod,
    consentReceiptID: z.uuid(),
    publicKey: ReceiptPublicKey,
    language: Language,
    piiPrincipalId: z.uuid(),
    piiControllers: z.array(PiiController).min(1),
    policyUrl: z.url(),
    services: z.array(ReceiptService),
    sensitive: z.literal(true),
    spiCat: z.array(z.enum(["health", "genetic"])).refine((c) => c[0] === "health" && new Set(c).size === c.length, {
      message: "health first, no repeats",
    }),

    // ── JWT registered claims (RFC 7519): the payload is a JWT claims set ───────────────────
    iss: z.url(),
    iat: z.number().int().nonnegative(),

    // ── Donum ──────────────────────────────────────────────────────────────────────────────
    profile: z.literal(DONUM_RECEIPT_PROFILE),
    /** The exact text the citizen was shown; null only for an opt-out recorded without one. */
    notice: ReceiptNotice.nullable(),
    status: ReceiptStatus,
    consentId: z.uuid(),
    consentVersion: z.number().int().min(1),
    /** The change this receipt is for: its place in the history and what it did. */
    change: z.object({
      position: z.number().int().min(1),
      of: z.number().int().min(1),
      latest: z.boolean(),
      action: ConsentAction,
      at: z.iso.datetime({ offset: true }),
      method: ConsentMethod,
    }),
    geography: z
      .object({ code: Geography, label: text, countries: z.array(CountryCode).min(1) })
      .nullable(),
    /** The end of the consent; null for "until I withdraw it", or when nothing is consented. */
    validUntil: z.iso.datetime({ offset: true }).nullable(),
    conditions: z
      .object({
        mayRecontact: z.object({ value: z.boolean(), label: text }),
        wantsFindings: z.object({ value: z.boolean(), label: text }),
      })
      .nullable(),
    /** Where the citizen changes or withdraws this consent. */
    manageUrl: z.url(),
    /** Where the key that signed this receipt is published. */
    jwksUrl: z.url(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const consented = r.services.length > 0;
    if ((r.status === "active" || r.status === "expired") && !consented) {
      ctx.addIssue({ code: "custom", path: ["services"], message: `a ${r.status} consent lists what it covers` });
    }
    if ((r.status === "withdrawn" || r.status === "opted_out") && consented) {
      ctx.addIssue({ code: "custom", path: ["services"], message: `a ${r.status} consent covers nothing` });
    }
    if (consented !== (r.geography !== null) || consented !== (r.conditions !== null)) {
      ctx.addIssue({ code: "custom", path: ["geography"], message: "geography and conditions go with a scope" });
    }
    if (!consented && r.validUntil !== null) {
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "no end date without a scope" });
    }
    if (r.change.position > r.change.of || r.change.of !== r.consentVersion || r.change.latest !== (r.change.position === r.change.of)) {
      ctx.addIssue({ code: "custom", path: ["change"], message: "the change's position does not fit the consent version" });
    }
    if (r.status === "superseded" && r.change.latest) {
      ctx.addIssue({ code: "custom", path: ["status"], message: "only an earlier change is superseded" });
    }
    if (r.notice && r.notice.language !== r.language) {
      ctx.addIssue({ code: "custom", path: ["language"], message: "the receipt is in the language of the notice" });
    }
    const genomics = r.services.some((s) => s.purposes.some((p) => p.piiCategory.some((c) => c.code === "genomics")));
    if (r.spiCat.includes("genetic") !== genomics) {
      ctx.addIssue({ code: "custom", path: ["spiCat"], message: "\"genetic\" is listed exactly when genomic data is" });
    }
  });
export type ConsentReceipt = z.infer<typeof ConsentReceipt>;
