import Link from "next/link";
import { unstable_rethrow } from "next/navigation";
import { getSessionUser, type SessionUser } from "../../lib/auth/session";
import { getTranslator } from "../../lib/i18n/server";
import { SignOutButton } from "./SignOutButton";

/**
 * The header's account corner: a sign-in link, or who is signed in and a sign-out button. The
 * header is outside the client-side I18nProvider, so the button gets its words from here.
 */
export async function AccountMenu() {
  const { t } = await getTranslator();
  let user: SessionUser | null = null;
  try {
    user = await getSessionUser();
  } catch (error) {
    unstable_rethrow(error); // Next's own control flow (dynamic rendering, redirects) passes through
    // Sign-in is misconfigured or unavailable: the rest of the page still renders; the sign-in
    // page itself reports the problem.
    user = null;
  }
  if (!user) {
    return (
      <Link href="/signin" className="btn-secondary">
        {t("account.signIn")}
      </Link>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3" role="group" aria-label={t("account.regionLabel")}>
      <p className="text-sm">
        <span className="text-muted">{t("account.signedInAs")} </span>
        <span className="font-semibold">{user.name}</span>
      </p>
      <SignOutButton label={t("account.signOut")} />
    </div>
  );
}
