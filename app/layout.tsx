import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "./_components/SiteFooter";
import { SiteHeader } from "./_components/SiteHeader";
import { I18nProvider } from "../lib/i18n/client";
import { getTranslator } from "../lib/i18n/server";
import "./globals.css";

/** The title and description follow the citizen's language; pages with their own title override it. */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("meta.title"), description: t("meta.description"), applicationName: "Donum" };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0a4850",
};

export default async function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  const { locale, t } = await getTranslator();
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col antialiased">
        <a
          href="#main"
          className="sr-only rounded-md border-2 border-brand-700 bg-white font-semibold focus:not-sr-only focus:absolute focus:left-3 focus:top-3 focus:z-50 focus:px-4 focus:py-2 focus:shadow-lg"
        >
          {t("common.skipToContent")}
        </a>
        <SiteHeader locale={locale} t={t} />
        <main id="main" tabIndex={-1} className="flex-1">
          <I18nProvider locale={locale}>{children}</I18nProvider>
        </main>
        <SiteFooter t={t} />
      </body>
    </html>
  );
}
