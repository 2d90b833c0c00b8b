/**
 * Re-checks stored consent-form versions: each must still be a valid form version whose text
 * hashes match its texts (verifyFormHashes), and a form's versions must run 1, 2, 3… without a
 * gap. A mismatch means a store row was altered after publication. Pure: the caller reads the
 * versions from the store.
 */
import { ConsentFormVersion, formTextHash, verifyFormHashes } from "../consent/form";

export interface VersionProblem {
  /** The language concerned, when the problem is in one language. */
  language: string | null;
  message: string;
}

export interface VersionCheck {
  formId: string;
  /** The position in the store's list (1-based) when the stored version number cannot be read. */
  version: number;
  languages: string[];
  problems: VersionProblem[];
}

const short = (h: string | undefined) => (h ? `${h.slice(0, 19)}…` : "none");

/** Checks one stored version (as read from the store, not trusted to have any shape). */
export function checkStoredVersion(formId: string, position: number, stored: unknown): VersionCheck {
  const parsed = ConsentFormVersion.safeParse(stored);
  if (!parsed.success) {
    const version = typeof (stored as { version?: unknown } | null)?.version === "number" ? (stored as { version: number }).version : position;
    const first = parsed.error.issues[0];
    return {
      formId,
      version,
      languages: [],
      problems: [
        {
          language: null,
          message: `not a valid form version (${parsed.error.issues.length} problem(s); first: ${first ? `${first.path.join(".") || "(root)"}: ${first.message}` : "unknown"})`,
        },
      ],
    };
  }
  const form = parsed.data;
  const languages = Object.keys(form.texts).sort();
  const problems: VersionProblem[] = [];
  if (form.formId !== formId) problems.push({ language: null, message: `stored under ${formId} but names form ${form.formId}` });
  if (!verifyFormHashes(form)) {
    for (const language of languages) {
      const stored = form.textHashes[language];
      const recomputed = formTextHash(form, form.texts[language]!);
      if (stored !== recomputed) {
        problems.push({ language, message: `text hash mismatch (stored ${short(stored)}, recomputed ${short(recomputed)})` });
      }
    }
    for (const language of Object.keys(form.textHashes).sort()) {
      if (!languages.includes(language)) problems.push({ language, message: "a hash is stored for a language that has no text" });
    }
    if (problems.length === 0) problems.push({ language: null, message: "the stored hashes do not match the texts" });
  }
  return { formId, version: form.version, languages, problems };
}

/** Checks every stored version of one form, oldest first, including that versions run 1..n. */
export function checkStoredVersions(formId: string, stored: readonly unknown[]): VersionCheck[] {
  const checks = stored.map((s, i) => checkStoredVersion(formId, i + 1, s));
  checks.forEach((c, i) => {
    if (c.version !== i + 1) c.problems.push({ language: null, message: `expected version ${i + 1} at this position (a version is missing or out of order)` });
  });
  return checks;
}

export const failedChecks = (checks: readonly VersionCheck[]) => checks.filter((c) => c.problems.length > 0);
