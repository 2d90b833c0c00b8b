/** Operators: the published versions of the consent form, and publication of the next one. */
import type { Metadata } from "next";
import { actorFor, requirePageUser } from "../../../lib/auth/with-session";
import { DEFAULT_FORM_ID } from "../../../lib/consent/forms";
import { getTranslator } from "../../../lib/i18n/server";
import { getContainer } from "../../../lib/server/container";
import { nextDraft } from "../../../lib/usecases/form-publication";
import { PublishForm, type PublishFormText } from "./PublishForm";

export const metadata: Metadata = { title: "Consent form versions — Donum operator" };

const TEXT = {
  title: "Consent form versions",
  intro: "Each version is published once and never changed. Consents record the exact text (and its SHA-256) they were given on.",
  version: "Version",
  published: "Published (UTC)",
  material: "Material",
  languages: "Languages",
  yes: "yes",
  no: "no",
  publishHeading: "Publish the next version",
  form: {
    draftLabel: "Draft of the next version (JSON)",
    draftHint: "Prefilled from the latest version with the version number raised. Edit the texts, then review.",
    material: "This is a material change",
    materialHint: "Existing consents keep covering only the old terms; citizens are asked to renew.",
    force: "I confirm that this change of what consent covers is not material, and that existing consents may cover it.",
    review: "Review changes",
    publish: "Publish this version",
    reviewHeading: "What changes",
    noChanges: "No text changes.",
    languagesAdded: "Languages added:",
    languagesRemoved: "Languages removed:",
    changedIn: "Changed in",
    verdict: {
      "first-version": "The first version of this form.",
      material: "Marked material: citizens will be asked to renew their consent.",
      "non-material": "Not material: no part that defines what consent covers has changed.",
      "non-material-but-scope-changed": "Marked not material, but parts that define what consent covers have changed.",
    },
    scopeChanges: "Parts that define what consent covers:",
    published: "Version {version} is published.",
    invalidJson: "The draft is not valid JSON.",
    failed: "Not published:",
  } satisfies PublishFormText,
};

export default async function OperatorFormsPage() {
  const user = await requirePageUser("operator", "/operator/forms");
  const [{ locale }, container] = await Promise.all([getTranslator(), getContainer()]);
  const versions = await container.stores.forms.list(DEFAULT_FORM_ID);
  const draft = await nextDraft(container.deps, actorFor(user, "operator"), DEFAULT_FORM_ID);

  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold text-brand-800">{TEXT.title}</h1>
      <p className="mt-2">{TEXT.intro}</p>
      <div className="mt-6 overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{TEXT.title}</caption>
          <thead>
            <tr>
              {[TEXT.version, TEXT.published, TEXT.material, TEXT.languages].map((h) => (
                <th key={h} scope="col" className="border-2 border-line p-2">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <th scope="row" className="border-2 border-line p-2">
                  {v.version}
                </th>
                <td className="border-2 border-line p-2">{new Date(v.publishedAt).toLocaleString(locale, { timeZone: "UTC" })}</td>
                <td className="border-2 border-line p-2">{v.material ? TEXT.yes : TEXT.no}</td>
                <td className="border-2 border-line p-2">{Object.keys(v.texts).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="publish" className="mt-8">
        <h2 id="publish" className="text-2xl font-semibold">
          {TEXT.publishHeading}
        </h2>
        <div className="mt-4">
          <PublishForm initialDraft={JSON.stringify(draft, null, 2)} text={TEXT.form} />
        </div>
      </section>
    </div>
  );
}
