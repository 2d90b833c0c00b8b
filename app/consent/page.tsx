import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { actorFor, requirePageUser } from "../../lib/auth/with-session";
import { DEFAULT_FORM_ID } from "../../lib/consent/forms";
import { fromScope } from "../../lib/consent/scope-form";
import { LOCALE_NAMES, isLocale } from "../../lib/i18n/locales";
import { getTranslator } from "../../lib/i18n/server";
import { getContainer } from "../../lib/server/container";
import { getCurrentConsent } from "../../lib/usecases/consent-reads";
import { textFor } from "../me/_lib/form-text";
import { ConsentJourney } from "./_components/ConsentJourney";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("meta.consent") };
}

export default async function ConsentPage() {
  const user = await requirePageUser("citizen", "/consent");
  const [{ locale }, container] = await Promise.all([getTranslator(), getContainer()]);
  const form = await container.stores.forms.latest(DEFAULT_FORM_ID);
  if (!form) notFound();
  const current = await getCurrentConsent(container.deps, actorFor(user, "citizen"), DEFAULT_FORM_ID);
  const active = current.status === "active" && current.consent !== null;
  const mode = !active ? "grant" : current.reconsentRequired ? "reconsent" : "amend";
  const { text, language, fallback } = textFor(form, locale);

  return (
    <ConsentJourney
      mode={mode}
      text={text}
      form={{ formId: form.formId, version: form.version, language, textHash: form.textHashes[language]! }}
      expectedVersion={active ? current.consent!.version : null}
      initial={fromScope(active ? current.consent!.scope : null)}
      fallbackLanguage={fallback && isLocale(language) ? LOCALE_NAMES[language] : fallback ? language : null}
    />
  );
}
