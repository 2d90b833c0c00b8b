import Link from "next/link";
import type { Locale } from "../../lib/i18n/locales";
import type { Translate } from "../../lib/i18n/translate";
import { AccountMenu } from "./AccountMenu";
import { Icon } from "./Icon";
import { LanguageSwitcher } from "./LanguageSwitcher";

/** The site header: the Donum wordmark, the citizen's pages, language and account. */
export function SiteHeader({ locale, t }: { locale: Locale; t: Translate }) {
  return (
    <header className="border-b border-line bg-white px-4 sm:px-6">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-3 py-3">
        <Link href="/" className="flex items-center gap-2 text-ink no-underline">
          <span className="flex h-9 w-9 items-center justify-center rounded-full bg-brand-700 text-white">
            <Icon name="heart" className="h-5 w-5" />
          </span>
          <span className="text-2xl font-semibold tracking-tight">Donum</span>
          <span className="sr-only"> — {t("common.home")}</span>
        </Link>
        <nav aria-label={t("common.mainNavigation")}>
          <ul className="flex flex-wrap gap-x-5 gap-y-1 p-0 text-sm font-medium">
            <li className="list-none">
              <Link href="/me">{t("nav.myConsent")}</Link>
            </li>
            <li className="list-none">
              <Link href="/me/history">{t("nav.history")}</Link>
            </li>
            <li className="list-none">
              <Link href="/me/lookups">{t("nav.lookups")}</Link>
            </li>
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <LanguageSwitcher locale={locale} t={t} />
          <AccountMenu />
        </div>
      </div>
    </header>
  );
}
