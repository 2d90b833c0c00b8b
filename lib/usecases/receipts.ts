/** The citizen's consent receipt: built from the stored consent and form, signed with Donum's key. */
import type { Actor } from "../audit/events";
import { DEFAULT_FORM_ID } from "../consent/forms";
import type { Signer } from "../crypto/signer";
import { AppError } from "../errors";
import { signConsentReceipt } from "../receipts/jws";
import { buildConsentReceipt, type ConsentReceipt } from "../receipts/receipt";
import { requireSubject, type UseCaseDeps } from "./deps";

/**
 * The law that governs a Donum consent: the GDPR, the Data Governance Act and the EHDS are all
 * EU regulations ("EU" is the ISO 3166-1 code reserved for the European Union).
 */
export const RECEIPT_JURISDICTION = "EU";

export interface ReceiptDeps extends UseCaseDeps {
  signer: Signer;
  /** Donum's public address (config.publicUrl). */
  publicUrl: string;
}

export interface SignedConsentReceipt {
  receipt: ConsentReceipt;
  /** The receipt as a compact JWS (typ "consent-receipt+jwt"), verifiable with /.well-known/jwks.json. */
  jws: string;
}

/**
 * The receipt of the acting citizen's current consent, for its latest change, on the form version
 * that consent refers to and in the language of the text they were shown. `language` only
 * chooses the labels of a receipt that has no text of its own (an opt-out recorded without ever
 * consenting).
 */
export async function getConsentReceipt(deps: ReceiptDeps, actor: Actor, language?: string): Promise<SignedConsentReceipt> {
  const subject = requireSubject(actor);
  const consent = await deps.stores.consents.getBySubject(subject.subjectKey);
  if (!consent) throw new AppError("CONSENT_NOT_FOUND", "You have no consent on record, so there is no receipt to show");

  const history = await deps.stores.consents.getHistory(subject.subjectKey);
  const change = history.find((c) => c.version === consent.version);
  if (!change) throw new Error(`consent ${consent.id} v${consent.version} has no history entry for its version`);

  const ref = change.form ?? consent.form;
  const form = ref ? await deps.stores.forms.get(ref.formId, ref.version) : await deps.stores.forms.latest(DEFAULT_FORM_ID);
  if (!form) {
    // A consent refers only to published versions, and those are never deleted: this is damage, not a user error.
    throw new Error(ref ? `form ${ref.formId} v${ref.version} referenced by consent ${consent.id} is missing` : `no version of ${DEFAULT_FORM_ID} is published`);
  }

  const receipt = buildConsentReceipt({
    consent,
    change,
    form,
    publicUrl: deps.publicUrl,
    issuedAt: deps.now(),
    controller: { jurisdiction: RECEIPT_JURISDICTION, publicKey: deps.signer.publicJwk },
    ...(language ? { language } : {}),
  });
  return { receipt, jws: await signConsentReceipt(deps.signer, receipt) };
}
