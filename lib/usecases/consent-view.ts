/**
 * What the browser is told about a consent: everything but the subject key. The key is a
 * pepper-derived pseudonym that only the server needs; a page or a log never should.
 */
import type { Consent } from "../consent/consent";

export type ConsentView = Omit<Consent, "subjectKey">;

export function toConsentView(consent: Consent): ConsentView {
  const { subjectKey: _omitted, ...view } = consent;
  return view;
}
