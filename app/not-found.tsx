import Link from "next/link";
import { getTranslator } from "../lib/i18n/server";

/** Not found, in the citizen's language (Next's default page is English only). */
export default async function NotFound() {
  const { t } = await getTranslator();
  return (
    <div className="mx-auto max-w-3xl px-4 py-16 sm:px-6">
      <h1 className="text-3xl font-bold text-brand-800">{t("notFound.title")}</h1>
      <p className="mt-3">{t("notFound.body")}</p>
      <Link href="/" className="btn-primary mt-6">
        {t("notFound.home")}
      </Link>
    </div>
  );
}
