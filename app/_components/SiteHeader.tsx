import Link from "next/link";
import { unstable_rethrow } from "next/navigation";
import { getSessionUser, type SessionUser } from "../../lib/auth/session";
import type { Locale } from "../../lib/i18n/locales";
import type { MessageKey, Translate } from "../../lib/i18n/translate";
import { AccountMenu } from "./AccountMenu";
import { Icon } from "./Icon";
import { LanguageSwitcher } from "./LanguageSwitcher";

/** Each role's pages; a signed-out visitor sees the citizen's (they lead to sign-in). */
function linksFor(user: SessionUser | null): { href: string; key: MessageKey }[] {
  const roles = user?.roles ?? ["citizen"];
  return [
    ...(roles.includes("citizen")
      ? [
          { href: "/me", key: "nav.myConsent" as const },
          { href: "/me/history", key: "nav.history" as const },
          { href: "/me/lookups", key: "nav.lookups" as const },
        ]
      : []),
    ...(roles.includes("regulator") ? [{ href: "/regulator", key: "nav.regulator" as const }] : []),
    ...(roles.includes("operator")
      ? [
          { href: "/operator/forms", key: "nav.operatorForms" as const },
          { href: "/operator/nodes", key: "nav.operatorNodes" as const },
        ]
      : []),
  ];
}

/** The site header: the Donum wordmark, the pages of the signed-in role, language and account. */
export async function SiteHeader({ locale, t }: { locale: Locale; t: Translate }) {
  let user: SessionUser | null = null;
  try {
    user = await getSessionUser();
  } catch (error) {
    unstable_rethrow(error);
    // Sign-in unavailable: show the public navigation; the sign-in page reports the problem.
  }
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
            {linksFor(user).map((l) => (
              <li key={l.href} className="list-none">
                <Link href={l.href}>{t(l.key)}</Link>
              </li>
            ))}
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
