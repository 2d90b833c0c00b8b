/**
 * The modules of the consent form, in the order they are shown. On their own (no hashing, no
 * Node modules) so that the browser's consent journey can import them without pulling Node's
 * crypto into the page.
 */
export const FORM_MODULES = [
  "objectives",
  "organisation",
  "purposes",
  "dataCategories",
  "recipients",
  "processingLocation",
  "retention",
  "withdrawal",
  "rights",
] as const;
export type FormModuleId = (typeof FORM_MODULES)[number];
