import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { actorFor, requirePageUser } from "../../../lib/auth/with-session";
import { isAppError } from "../../../lib/errors";
import type { Locale } from "../../../lib/i18n/locales";
import { getTranslator } from "../../../lib/i18n/server";
import type { MessageKey, Translate } from "../../../lib/i18n/translate";
import type { ConsentReceipt, ReceiptPurpose } from "../../../lib/receipts/schema";
import { getContainer } from "../../../lib/server/container";
import { getConsentReceipt } from "../../../lib/usecases/receipts";
import { PrintButton } from "./PrintButton";

/** The receipt format's name: a standard's title, the same in every language. */
const STANDARD = "Kantara Consent Receipt v1.1 / ISO/IEC TS 27560";

const METHOD_KEYS = {
  web: "receipt.status.method.web",
  "operator-assisted": "receipt.status.method.operatorAssisted",
} as const satisfies Record<ConsentReceipt["collectionMethod"], MessageKey>;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("meta.receipt") };
}

/** Dates and times in the page's language, in UTC; English as written in Europe (day month year, 24-hour clock). */
function formatters(locale: Locale) {
  const tag = locale === "en" ? "en-GB" : locale;
  return {
    dateTime: (iso: string) => `${new Date(iso).toLocaleString(tag, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" })} UTC`,
    date: (iso: string) => new Date(iso).toLocaleDateString(tag, { dateStyle: "long", timeZone: "UTC" }),
  };
}
const fromSeconds = (s: number) => new Date(s * 1000).toISOString();


function Section({ id, title, noPrint, children }: { id: string; title: string; noPrint?: boolean; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={`mt-6 rounded-lg border-2 border-line bg-white p-4${noPrint ? " receipt-noprint" : ""}`}>
      <h2 id={id} className="text-xl font-semibold text-brand-800">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

function Fields({ children }: { children: ReactNode }) {
  return <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[minmax(10rem,max-content)_1fr]">{children}</dl>;
}

/** `lang`: the value is in the words of the form (the consent's language), not the page's. */
function Field({ label, lang, children }: { label: string; lang?: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-semibold">{label}</dt>
      <dd className="m-0" lang={lang}>
        {children}
      </dd>
    </>
  );
}

function List({ items }: { items: readonly string[] }) {
  return (
    <ul className="m-0 list-disc pl-5">
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  );
}

function Scope({ receipt, t, locale }: { receipt: ConsentReceipt; t: Translate; locale: Locale }) {
  const service = receipt.services[0];
  if (!service) return <p>{t("receipt.scope.nothing")}</p>;
  const { date } = formatters(locale);
  const research = service.purposes.find((p): p is Extract<ReceiptPurpose, { kind: "research" }> => p.kind === "research");
  const ai = service.purposes.filter((p) => p.kind === "ai");
  const first = service.purposes[0]!;
  const lang = receipt.language;
  return (
    <div>
      <Fields>
        <Field label={t("receipt.scope.service")} lang={lang}>
          {service.service}
        </Field>
        {research ? (
          <Field label={t("receipt.scope.research")} lang={lang}>
            {research.purpose}
            <span className="block text-sm text-muted">
              {t("receipt.scope.codes", { codes: [research.duo.id, ...research.dataUseModifiers.map((m) => `${m.id} (${m.code})`)].join(", ") })}
            </span>
          </Field>
        ) : null}
        {research?.diseases ? (
          <Field label={t("receipt.scope.diseases")} lang={lang}>
            <List items={research.diseases.map((d) => d.label)} />
          </Field>
        ) : null}
        <Field label={t("receipt.scope.ai")} lang={ai.length ? lang : undefined}>
          {ai.length ? <List items={ai.map((p) => p.purpose)} /> : t("receipt.scope.noAi")}
        </Field>
        <Field label={t("receipt.scope.data")} lang={lang}>
          <List items={first.piiCategory.map((c) => c.label)} />
        </Field>
        <Field label={t("receipt.scope.recipients")} lang={lang}>
          <List items={first.thirdPartyName.map((r) => r.label)} />
        </Field>
        {receipt.geography ? (
          <Field label={t("receipt.scope.where")}>
            <span lang={lang}>{receipt.geography.label}</span>
            <span className="block text-sm text-muted">
              {t("receipt.scope.countries", { countries: receipt.geography.countries.join(", ") })}
            </span>
          </Field>
        ) : null}
        <Field label={t("receipt.scope.until")}>{receipt.validUntil ? date(receipt.validUntil) : t("receipt.scope.untilWithdrawn")}</Field>
        {receipt.conditions ? (
          <Field label={t("receipt.scope.conditions")}>
            <ul className="m-0 list-none p-0">
              {[receipt.conditions.mayRecontact, receipt.conditions.wantsFindings].map((c) => (
                <li key={c.label}>
                  <strong>{c.value ? t("receipt.scope.yes") : t("receipt.scope.no")}</strong> — <span lang={lang}>{c.label}</span>
                </li>
              ))}
            </ul>
          </Field>
        ) : null}
      </Fields>
      <p className="mt-3 text-sm text-muted">{t("receipt.scope.consentType")}</p>
    </div>
  );
}

export default async function ReceiptPage() {
  const user = await requirePageUser("citizen", "/me/receipt");
  const [{ t, locale }, container] = await Promise.all([getTranslator(), getContainer()]);
  let signed: Awaited<ReturnType<typeof getConsentReceipt>> | null = null;
  try {
    signed = await getConsentReceipt(
      { ...container.deps, signer: container.signer, publicUrl: container.config.publicUrl },
      actorFor(user, "citizen"),
    );
  } catch (error) {
    if (!isAppError(error) || error.code !== "CONSENT_NOT_FOUND") throw error;
  }

  return (
    <div className="receipt mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <p className="receipt-noprint">
        <Link href="/me">← {t("me.title")}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-brand-800">{t("receipt.title")}</h1>

      {!signed ? (
        <>
          <p className="mt-6 rounded-lg border-2 border-line bg-white p-4">{t("receipt.none")}</p>
          <Link href="/consent" className="btn-primary receipt-noprint mt-4">
            {t("me.give")}
          </Link>
        </>
      ) : (
        <ReceiptBody receipt={signed.receipt} jws={signed.jws} t={t} locale={locale} />
      )}
    </div>
  );
}

function ReceiptBody({ receipt, jws, t, locale }: { receipt: ConsentReceipt; jws: string; t: Translate; locale: Locale }) {
  const { dateTime } = formatters(locale);
  const controller = receipt.piiControllers[0]!;
  const termination = receipt.services[0]?.purposes[0]?.termination;
  return (
    <>
      <p className="mt-2">{t("receipt.intro")}</p>

      <div className="receipt-noprint mt-4 flex flex-wrap items-start gap-3">
        <PrintButton label={t("receipt.print")} />
        <a href="/api/me/receipt?format=jws" download className="btn-secondary">
          {t("receipt.download")}
        </a>
      </div>
      <p className="receipt-noprint mt-2 text-sm text-muted">{t("receipt.downloadHelp")}</p>

      <Section id="receipt-status" title={t("receipt.status.heading")}>
        <p className="text-2xl font-semibold" data-testid="receipt-status">
          {t(`receipt.status.value.${receipt.status}`)}
        </p>
        <div className="mt-3">
          <Fields>
            <Field label={t("receipt.status.what")}>
              {t(`receipt.status.action.${receipt.change.action}`)}
              <span className="block text-sm text-muted">{t("receipt.status.position", { position: receipt.change.position, of: receipt.change.of })}</span>
            </Field>
            <Field label={t("receipt.status.when")}>{dateTime(receipt.change.at)}</Field>
            <Field label={t("receipt.status.how")}>{t(METHOD_KEYS[receipt.collectionMethod])}</Field>
          </Fields>
        </div>
      </Section>

      <Section id="receipt-scope" title={t("receipt.scope.heading")}>
        {receipt.services.length ? <p className="mb-3 text-sm text-muted">{t("receipt.labelsLanguageNote")}</p> : null}
        <Scope receipt={receipt} t={t} locale={locale} />
      </Section>

      <Section id="receipt-withdraw" title={t("receipt.withdraw.heading")}>
        {termination ? <p lang={receipt.language}>{termination}</p> : null}
        <p className="mt-2">
          <a href={receipt.manageUrl} data-print-url>
            {t("receipt.withdraw.manage")}
          </a>
        </p>
      </Section>

      <Section id="receipt-controller" title={t("receipt.controller.heading")}>
        <Fields>
          <Field label={t("receipt.controller.name")}>{controller.piiController}</Field>
          <Field label={t("receipt.controller.address")}>{controller.address}</Field>
          <Field label={t("receipt.controller.registration")}>{controller.registration}</Field>
          <Field label={t("receipt.controller.email")}>
            <a href={`mailto:${controller.email}`}>{controller.email}</a>
          </Field>
          <Field label={t("receipt.controller.dpo")}>
            <a href={`mailto:${controller.contact}`}>{controller.contact}</a>
          </Field>
          <Field label={t("receipt.controller.website")}>
            <a href={controller.piiControllerUrl}>{controller.piiControllerUrl}</a>
          </Field>
        </Fields>
      </Section>

      <Section id="receipt-notice" title={t("receipt.notice.heading")}>
        {receipt.notice ? (
          <Fields>
            <Field label={t("receipt.notice.form")}>{receipt.notice.formId}</Field>
            <Field label={t("receipt.notice.version")}>{receipt.notice.version}</Field>
            <Field label={t("receipt.notice.language")}>{receipt.notice.language}</Field>
            <Field label={t("receipt.notice.hash")}>
              <code className="break-all text-sm">{receipt.notice.textHash}</code>
              <span className="block text-sm text-muted">{t("receipt.notice.hashHelp")}</span>
              <a href={receipt.notice.url} className="mt-1 inline-block" data-print-url>
                {t("receipt.notice.read")}
              </a>
            </Field>
          </Fields>
        ) : (
          <p>{t("receipt.notice.none")}</p>
        )}
      </Section>

      <Section id="receipt-about" title={t("receipt.about.heading")}>
        <Fields>
          <Field label={t("receipt.about.receiptId")}>
            <code className="break-all text-sm">{receipt.consentReceiptID}</code>
          </Field>
          <Field label={t("receipt.about.consentReference")}>
            <code className="break-all text-sm">{receipt.piiPrincipalId}</code>
            <span className="block text-sm text-muted">{t("receipt.about.consentReferenceHelp")}</span>
          </Field>
          <Field label={t("receipt.about.issued")}>{dateTime(fromSeconds(receipt.iat))}</Field>
          <Field label={t("receipt.about.jurisdiction")}>{receipt.jurisdiction}</Field>
          <Field label={t("receipt.about.sensitive")}>{receipt.spiCat.map((c) => t(`receipt.about.spi.${c}`)).join(", ")}</Field>
          <Field label={t("receipt.about.standard")}>
            {STANDARD} <span className="text-sm text-muted">({receipt.version})</span>
          </Field>
          <Field label={t("receipt.about.key")}>
            <code className="break-all text-sm">{receipt.publicKey.kid}</code>
          </Field>
          <Field label={t("receipt.about.keys")}>
            <a href={receipt.jwksUrl} className="break-all">
              {receipt.jwksUrl}
            </a>
          </Field>
        </Fields>
      </Section>

      {/* On paper a JWS cannot be checked; the printout names the key and where it is published instead. */}
      <Section id="receipt-jws" title={t("receipt.jws.heading")} noPrint>
        <details>
          <summary className="cursor-pointer font-semibold text-brand-700">{t("receipt.jws.show")}</summary>
          <pre className="mt-2 whitespace-pre-wrap break-all rounded bg-surface p-2 text-xs" data-testid="receipt-jws">
            {jws}
          </pre>
        </details>
      </Section>
    </>
  );
}
