/**
 * The consent forms the federation starts with. A form's text is published and hashed; a change
 * to any text is a new version in a new file, added here, never an edit of an existing one.
 */
import type { ConsentFormDraft } from "../form";
import { cancerImagingFormV1 } from "./cancer-imaging-v1";

export { cancerImagingFormV1 };

/** The form versions to publish on a fresh installation, oldest first. */
export const FIRST_FORMS: readonly ConsentFormDraft[] = [cancerImagingFormV1];

/** The form a citizen is shown when none is named. */
export const DEFAULT_FORM_ID = "cancer-imaging-altruism";
