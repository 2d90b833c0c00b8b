import Link from "next/link";
import type { Translate } from "../../lib/i18n/translate";
import { Icon } from "./Icon";

/** The landing page's call to action: sign in, then give, change or withdraw consent. */
export function GetStarted({ t }: { t: Translate }) {
  return (
    <div className="mt-8 max-w-xl">
      <Link
        href="/me"
        className="inline-flex min-h-12 items-center gap-2 rounded-lg bg-white px-5 py-3 text-lg font-semibold text-brand-800 no-underline hover:bg-brand-100"
      >
        <Icon name="lock" className="h-5 w-5 shrink-0" />
        {t("home.getStarted.signIn")}
      </Link>
      <p className="mt-3 text-brand-200">{t("home.getStarted.help")}</p>
    </div>
  );
}
