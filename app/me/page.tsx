import type { Metadata } from "next";
import Link from "next/link";
import { actorFor, requirePageUser } from "../../lib/auth/with-session";
import { DEFAULT_FORM_ID } from "../../lib/consent/forms";
import { isLocale, LOCALE_NAMES } from "../../lib/i18n/locales";
import { getTranslator } from "../../lib/i18n/server";
import { getContainer } from "../../lib/server/container";
import { getCurrentConsent } from "../../lib/usecases/consent-reads";
import { ScopeOverview } from "../_components/ScopeOverview";
import { ConsentAction } from "./_components/ConsentAction";
import { textFor } from "./_lib/form-text";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("meta.myConsent") };
}

export default async function MyConsentPage() {
  const user = await requirePageUser("citizen", "/me");
  const [{ t, locale }, container] = await Promise.all([getTranslator(), getContainer()]);
  const current = await getCurrentConsent(container.deps, actorFor(user, "citizen"), DEFAULT_FORM_ID);
  const { consent, status } = current;
  const form = consent?.form ? await container.stores.forms.get(consent.form.formId, consent.form.version) : await container.stores.forms.latest(DEFAULT_FORM_ID);
  const choices = form ? textFor(form, locale).text.choices : null;
  const date = (iso: string) => new Date(iso).toLocaleDateString(locale, { dateStyle: "long", timeZone: "UTC" });
  const canWithdraw = status === "active" || status === "expired";

  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("me.title")}</h1>

      <section aria-labelledby="status" className="mt-6 rounded-lg border-2 border-line bg-white p-4">
        <h2 id="status" className="text-sm font-semibold uppercase tracking-wide text-muted">
          {t("me.statusLabel")}
        </h2>
        <p className="mt-1 text-2xl font-semibold" data-testid="consent-status">
          {t(`me.status.${status}`)}
        </p>
        {consent ? <p className="text-sm text-muted">{t("me.since", { date: date(consent.updatedAt) })}</p> : null}
        {consent?.form && status === "active" ? (
          <p className="text-sm text-muted">{t("me.formVersion", { version: consent.form.version, language: isLocale(consent.form.language) ? LOCALE_NAMES[consent.form.language] : consent.form.language })}</p>
        ) : null}
      </section>

      {current.reconsentRequired ? (
        <section role="status" className="mt-4 rounded-lg border-2 border-amber-700 bg-amber-50 p-4">
          <p>{t("me.reconsent")}</p>
          <Link href="/consent" className="btn-primary mt-3">
            {t("me.reconsentAction")}
          </Link>
        </section>
      ) : null}

      {status === "none" ? <p className="mt-4">{t("me.none")}</p> : null}
      {status === "withdrawn" ? <p className="mt-4">{t("me.withdrawn")}</p> : null}
      {status === "opted_out" ? <p className="mt-4">{t("me.optedOut")}</p> : null}
      {status === "expired" ? <p className="mt-4">{t("me.expired")}</p> : null}

      {status === "active" && consent?.scope && choices ? (
        <div className="mt-6">
          <ScopeOverview scope={consent.scope} choices={choices} t={t} locale={locale} />
          <Link href="/consent" className="btn-primary mt-4">
            {t("me.amend")}
          </Link>
        </div>
      ) : null}

      {status !== "active" ? (
        <Link href="/consent" className="btn-primary mt-4">
          {status === "none" ? t("me.give") : t("me.giveAgain")}
        </Link>
      ) : null}

      <div className="mt-8 grid gap-4 md:grid-cols-2">
        {canWithdraw ? (
          <ConsentAction endpoint="/api/me/consent/withdraw" expectedVersion={consent?.version ?? null} label={t("me.withdraw")} help={t("me.withdrawHelp")} variant="danger" />
        ) : null}
        {status !== "opted_out" ? (
          <ConsentAction endpoint="/api/me/opt-out" expectedVersion={consent?.version ?? null} label={t("me.optOut")} help={t("me.optOutHelp")} variant="secondary" />
        ) : null}
      </div>

      <nav aria-label={t("me.title")} className="mt-8">
        <ul className="flex flex-wrap gap-3 p-0">
          {consent ? (
            <li className="list-none">
              <Link href="/me/receipt" className="btn-secondary">
                {t("me.receipt")}
              </Link>
            </li>
          ) : null}
          <li className="list-none">
            <Link href="/me/history" className="btn-secondary">
              {t("me.history")}
            </Link>
          </li>
          <li className="list-none">
            <Link href="/me/lookups" className="btn-secondary">
              {t("me.lookups")}
            </Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
