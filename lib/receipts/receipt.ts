/**
 * The consent receipt: what a citizen agreed to (or withdrew, or opted out of), built from the
 * consent, the change it records and the form version they were shown. Pure: no I/O, no clock,
 * no randomness — the same inputs give the same receipt, byte for byte once canonicalised.
 *
 * Field mapping. Names are those of the Kantara Initiative Consent Receipt Specification v1.1
 * (KI-CR-v1.1.0), whose structure ISO/IEC TS 27560:2023 took over as its consent record and
 * receipt; the 27560 element each field carries is named alongside.
 *
 *   version             "KI-CR-v1.1.0"
 *   jurisdiction        where the controller is established and which law applies (27560: jurisdiction)
 *   consentTimestamp    when the change was made, NumericDate seconds (27560: event time)
 *   collectionMethod    how it was made: "web" or "operator-assisted" (27560: collection method)
 *   consentReceiptID    a UUID for this receipt (27560: receipt identifier); see receiptId()
 *   publicKey           the public JWK of the key that signs the receipt, kid included
 *   language            the language of the text agreed to, and of every label in the receipt
 *   piiPrincipalId      the consent id — NOT the subject key; see below (27560: PII principal id)
 *   piiControllers      the data altruism organisation named in the form, with its contacts
 *   policyUrl           the form version as published (the notice: 27560's privacy notice)
 *   services[].service  the form's title
 *     purposes[]        one for the research level (DUO code; DS lists its cancers; DUO
 *                       modifiers such as NPU), one for each AI use chosen (27560: purpose)
 *       purpose         the words of the choice in the form
 *       purposeCategory DUO id of the research level; an AI use gives its code and that DUO id
 *       consentType     "EXPLICIT" (GDPR Art. 9(2)(a)) (27560: consent type)
 *       piiCategory     the data categories chosen, code and label (27560: PII categories)
 *       primaryPurpose  false: none of this is needed for a service to the citizen
 *       termination     the form's summary of how to withdraw (27560: withdrawal method)
 *       thirdPartyDisclosure true; thirdPartyName the recipient types chosen, code and label
 *   sensitive, spiCat   true; "health", and "genetic" when genomic data is chosen (GDPR Art. 9)
 *
 * Donum adds what those specs have no field for: `notice` (form id, version, language, text hash
 * and address: proof of exactly which words were agreed to), `status`, `consentId`,
 * `consentVersion`, `change` (the position of this change in the consent's history, its action,
 * time and method), `geography` (with the countries it allows), `validUntil`, `conditions`,
 * `manageUrl` and `jwksUrl`; and, because the signed receipt is a JWT, `iss` and `iat`.
 *
 * Departures, on purpose:
 *  - piiCategory and thirdPartyName are lists of {code, label} rather than bare strings, so a
 *    machine reads the code and a person the words the form showed;
 *  - `contact` is the data protection officer's address rather than a person's name, and there
 *    is no `phone`: the form states none, and a receipt must not invent one;
 *  - a withdrawn or opted-out consent covers nothing, so its `services` list is empty (Kantara
 *    wants at least one); its `status` says what happened.
 *
 * Why piiPrincipalId is not the subject key. The subject key is HMAC(pepper, national
 * identifier): the same value for the same person for ever, across every record Donum keeps and
 * in every audit export, and anyone who later obtained the pepper could test a national
 * identifier against it. A receipt is a document citizens save, print, e-mail and hand over, so it
 * must not carry a person-level key. The consent id is random, names one consent record, lets
 * Donum find that record when the citizen quotes it, and reveals nothing about who they are.
 */
import { createHash } from "node:crypto";
import { effectiveStatus, type Consent, type ConsentChange, type FormReference } from "../consent/consent";
import type { ConsentFormVersion, FormText } from "../consent/form";
import { geographyCountries } from "../consent/fhir/codes";
import { duoRestrictions } from "../consent/fhir/provision";
import type { ConsentScope } from "../consent/scope";
import { AI_USES, DATA_CATEGORIES, DISEASE_CODES, DUO_IDS, RECIPIENT_TYPES } from "../consent/vocabulary";
import { publicJwk, type PublicJwk } from "../crypto/jwks";
import type { Signer } from "../crypto/signer";
import {
  DONUM_RECEIPT_PROFILE,
  KANTARA_RECEIPT_VERSION,
  type ConsentReceipt,
  type ReceiptNotice,
  type ReceiptPurpose,
  type ReceiptStatus,
} from "./schema";

export type { ConsentReceipt } from "./schema";

/** What the receipt says about the controller that the form does not. */
export interface ReceiptController {
  /** The jurisdiction whose law governs the consent, e.g. "EU". */
  jurisdiction: string;
  /** The public key that signs the receipt (the Signer port's publicJwk); only public members are kept. */
  publicKey: PublicJwk | Signer["publicJwk"];
}

export interface BuildReceiptInput {
  consent: Consent;
  /** The change the receipt is for: normally the latest, whose version is consent.version. */
  change: ConsentChange;
  /** The form version the change (or, for a withdrawal, the consent) refers to. */
  form: ConsentFormVersion;
  /** Donum's public address, e.g. https://donum.example.eu */
  publicUrl: string;
  issuedAt: Date;
  controller: ReceiptController;
  /**
   * Language of the labels when no form reference fixes one (an opt-out recorded without ever
   * consenting). Ignored otherwise: a receipt speaks the language of the text agreed to.
   */
  language?: string;
}

/** The inputs do not fit together; no receipt can honestly be issued from them. */
export class ReceiptInputError extends Error {
  override readonly name = "ReceiptInputError";
}

/** Where the published text of a form version, in one language, can be read. */
export function formVersionUrl(publicUrl: string, ref: Pick<FormReference, "formId" | "version" | "language">): string {
  const base = publicUrl.replace(/\/+$/, "");
  return `${base}/consent/form/${encodeURIComponent(ref.formId)}/${ref.version}?lang=${encodeURIComponent(ref.language)}`;
}

/**
 * A name-based UUID (RFC 9562 version 8, SHA-256, as in its Appendix B.2) of the consent, the
 * change and the time of issue: unique per receipt, and reproducible from what the receipt says.
 */
export function receiptId(consentId: string, changeVersion: number, issuedAt: Date): string {
  const h = createHash("sha256").update(`donum:consent-receipt:${consentId}:${changeVersion}:${issuedAt.toISOString()}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function purposes(scope: ConsentScope, text: FormText): ReceiptPurpose[] {
  const level = scope.research.level;
  const common = {
    consentType: "EXPLICIT" as const,
    piiCategory: DATA_CATEGORIES.filter((c) => scope.dataCategories.includes(c)).map((code) => ({
      code,
      label: text.choices.dataCategories[code],
    })),
    primaryPurpose: false as const,
    termination: text.modules.withdrawal.summary,
    thirdPartyDisclosure: true as const,
    thirdPartyName: RECIPIENT_TYPES.filter((r) => scope.recipientTypes.includes(r)).map((code) => ({
      code,
      label: text.choices.recipientTypes[code],
    })),
  };
  const research: ReceiptPurpose = {
    kind: "research",
    code: level,
    purpose: text.choices.research[level],
    purposeCategory: [DUO_IDS[level]],
    duo: { code: level, id: DUO_IDS[level] },
    ...(scope.research.level === "DS"
      ? {
          diseases: DISEASE_CODES.filter((d) => (scope.research as { diseases: string[] }).diseases.includes(d)).map((code) => ({
            code,
            label: text.choices.diseases[code],
          })),
        }
      : {}),
    dataUseModifiers: duoRestrictions(scope).map((r) => ({ code: r.code, id: r.id, label: r.label })),
    ...common,
  };
  const ai: ReceiptPurpose[] = AI_USES.filter((u) => scope.aiUses.includes(u)).map((code) => ({
    kind: "ai",
    code,
    purpose: text.choices.aiUses[code],
    purposeCategory: [code, DUO_IDS[level]],
    ...common,
  }));
  return [research, ...ai];
}

export function buildConsentReceipt(input: BuildReceiptInput): ConsentReceipt {
  const { consent, change, form, issuedAt, controller } = input;
  const publicUrl = input.publicUrl.replace(/\/+$/, "");
  if (!Number.isFinite(issuedAt.getTime())) throw new ReceiptInputError("issuedAt is not a valid time");
  if (change.version < 1 || change.version > consent.version) {
    throw new ReceiptInputError(`change ${change.version} is not in the history of consent version ${consent.version}`);
  }
  const latest = change.version === consent.version;
  if (latest && change.status !== consent.status) {
    throw new ReceiptInputError(`the latest change says ${change.status}, the consent says ${consent.status}`);
  }

  // The text the citizen was shown: the change's own, or for a withdrawal or opt-out, the one the
  // consent had been given on (kept on the consent for the record).
  const ref = change.form ?? (latest ? consent.form : null);
  if (ref && (ref.formId !== form.formId || ref.version !== form.version)) {
    throw new ReceiptInputError(`the consent refers to ${ref.formId} v${ref.version}, the form given is ${form.formId} v${form.version}`);
  }
  const language = ref?.language ?? (input.language && form.texts[input.language] ? input.language : form.defaultLanguage);
  const text = form.texts[language];
  if (!text) throw new ReceiptInputError(`${form.formId} v${form.version} has no text in "${language}"`);
  if (ref && form.textHashes[language] !== ref.textHash) {
    // Never attest to a text the stored form no longer hashes to: the store or the form was altered.
    throw new ReceiptInputError(`the text hash recorded with the consent does not match ${form.formId} v${form.version} (${language})`);
  }
  const notice: ReceiptNotice | null = ref
    ? { formId: ref.formId, version: ref.version, language: ref.language, textHash: ref.textHash, url: formVersionUrl(publicUrl, ref) }
    : null;

  const scope = change.scope;
  // An earlier change is superseded; the latest one has the consent's status as of the time of
  // issue (an active consent past its end date reads as expired).
  const status: ReceiptStatus = latest ? effectiveStatus(consent, issuedAt) : "superseded";
  const genomics = scope?.dataCategories.includes("genomics") ?? false;
  const org = form.organisation;

  return {
    version: KANTARA_RECEIPT_VERSION,
    jurisdiction: controller.jurisdiction,
    consentTimestamp: Math.floor(Date.parse(change.at) / 1000),
    collectionMethod: change.method,
    consentReceiptID: receiptId(consent.id, change.version, issuedAt),
    publicKey: publicJwk(controller.publicKey) as ConsentReceipt["publicKey"],
    language,
    piiPrincipalId: consent.id,
    piiControllers: [
      {
        piiController: org.name,
        onBehalf: false,
        contact: org.dpoEmail,
        address: org.address,
        email: org.contactEmail,
        piiControllerUrl: org.website,
        registration: org.registration,
      },
    ],
    policyUrl: notice?.url ?? formVersionUrl(publicUrl, { formId: form.formId, version: form.version, language }),
    services: scope ? [{ service: text.title, purposes: purposes(scope, text) }] : [],
    sensitive: true,
    spiCat: genomics ? ["health", "genetic"] : ["health"],

    iss: publicUrl,
    iat: Math.floor(issuedAt.getTime() / 1000),

    profile: DONUM_RECEIPT_PROFILE,
    notice,
    status,
    consentId: consent.id,
    consentVersion: consent.version,
    change: {
      position: change.version,
      of: consent.version,
      latest,
      action: change.action,
      at: change.at,
      method: change.method,
    },
    geography: scope
      ? { code: scope.geography, label: text.choices.geography[scope.geography], countries: geographyCountries(scope.geography) }
      : null,
    validUntil: scope?.validUntil ?? null,
    conditions: scope
      ? {
          mayRecontact: { value: scope.conditions.mayRecontact, label: text.choices.mayRecontact },
          wantsFindings: { value: scope.conditions.wantsFindings, label: text.choices.wantsFindings },
        }
      : null,
    manageUrl: `${publicUrl}/me`,
    jwksUrl: `${publicUrl}/.well-known/jwks.json`,
  };
}
