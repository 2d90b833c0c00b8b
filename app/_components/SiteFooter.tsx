import type { Translate } from "../../lib/i18n/translate";

/** The site footer: who operates Donum, and a link to the service's health status. */
export function SiteFooter({ t }: { t: Translate }) {
  return (
    <footer className="mt-16 border-t border-line bg-white px-4 sm:px-6">
      <div className="mx-auto max-w-5xl space-y-3 py-8 text-sm text-muted">
        <p>{t("footer.operator")}</p>
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <a href="/api/health">{t("footer.status")}</a>
          </li>
        </ul>
      </div>
    </footer>
  );
}
