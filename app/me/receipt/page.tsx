import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { actorFor, requirePageUser } from "../../../lib/auth/with-session";
import { isAppError } from "../../../lib/errors";
import type { ConsentReceipt, ReceiptPurpose } from "../../../lib/receipts/schema";
import { getContainer } from "../../../lib/server/container";
import { getConsentReceipt } from "../../../lib/usecases/receipts";
import { PrintButton } from "./PrintButton";

/** Every word this page shows, in one place, ready to move into the i18n catalogues. */
const TEXT = {
  /** Dates and times are written in this locale, in UTC. */
  locale: "en-GB",
  metaTitle: "Consent receipt — Donum",
  back: "My consent",
  title: "Your consent receipt",
  intro:
    "This receipt records what you chose, when, and exactly which text of the consent form you read. " +
    "Donum has signed it, so anyone can check that it has not been changed since.",
  print: "Print or save as PDF",
  download: "Download signed receipt (JWS)",
  downloadHelp: "The signed receipt is a file that a computer can check. Keep it with your records.",
  none: "You have not given or recorded any consent yet, so there is no receipt to show.",
  giveConsent: "Give consent",
  labelsLanguageNote: "The choices below are shown in the words of the form you read.",
  status: {
    heading: "Status",
    value: {
      active: "Your consent is active",
      expired: "Your consent has ended: its end date has passed",
      withdrawn: "You withdrew your consent",
      opted_out: "You opted out of all secondary use of your health data",
      superseded: "This change was replaced by a later one",
    } satisfies Record<ConsentReceipt["status"], string>,
    action: {
      granted: "You gave consent",
      amended: "You changed your consent",
      withdrawn: "You withdrew your consent",
      opted_out: "You opted out",
    } satisfies Record<ConsentReceipt["change"]["action"], string>,
    what: "What this receipt records",
    when: "When",
    position: (position: number, of: number) => `Change ${position} of ${of} in your history`,
    how: "How",
    method: {
      web: "Online, in the Donum portal",
      "operator-assisted": "With the help of Donum staff",
    } satisfies Record<ConsentReceipt["collectionMethod"], string>,
  },
  scope: {
    heading: "What you agreed to",
    nothing: "Nothing: this receipt records that no data may be shared on the basis of your consent.",
    service: "Consent form",
    research: "Kind of research",
    diseases: "Only research on",
    ai: "Artificial intelligence (AI)",
    noAi: "No AI uses",
    data: "Data that may be shared",
    recipients: "Who may receive it",
    where: "Where the recipients may be",
    countries: "Countries",
    until: "Until when",
    untilWithdrawn: "Until you withdraw it",
    conditions: "Other choices",
    yes: "Yes",
    no: "No",
    codes: "Codes",
    consentType: "Type of consent: explicit (GDPR Article 9(2)(a))",
  },
  withdraw: {
    heading: "How to withdraw or change your consent",
    manage: "Change or withdraw your consent",
  },
  controller: {
    heading: "Who holds your consent",
    name: "Organisation",
    address: "Address",
    registration: "Registration",
    email: "Contact",
    dpo: "Data protection officer",
    website: "Website",
  },
  notice: {
    heading: "The text you agreed to",
    none: "You recorded this without reading a consent form, so no form text is linked to it.",
    form: "Form",
    version: "Version",
    language: "Language",
    hash: "Fingerprint of the text (SHA-256)",
    hashHelp: "The fingerprint changes if even one character of the text changes, so it proves which words you read.",
    read: "Read this version of the form",
  },
  about: {
    heading: "About this receipt",
    receiptId: "Receipt number",
    consentReference: "Consent reference",
    consentReferenceHelp: "Quote this reference if you contact us. It does not reveal who you are.",
    issued: "Issued",
    jurisdiction: "Law that applies",
    sensitive: "Special categories of data (GDPR Article 9)",
    spi: { health: "Health data", genetic: "Genetic data" } satisfies Record<ConsentReceipt["spiCat"][number], string>,
    standard: "Format",
    standardValue: "Kantara Consent Receipt v1.1 / ISO/IEC TS 27560",
    key: "Signing key",
    keys: "Donum's public keys",
  },
  jws: {
    heading: "Signed receipt",
    show: "Show the signed receipt (JWS)",
  },
} as const;

export const metadata: Metadata = { title: TEXT.metaTitle };

const dateTime = (iso: string) =>
  `${new Date(iso).toLocaleString(TEXT.locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" })} UTC`;
const date = (iso: string) => new Date(iso).toLocaleDateString(TEXT.locale, { dateStyle: "long", timeZone: "UTC" });
const fromSeconds = (s: number) => new Date(s * 1000).toISOString();

/** The page's own print rules: the receipt alone, black on white; links spelled out. */
const PRINT_CSS = `
@media print {
  @page { margin: 15mm; }
  body > a[href="#main"], body header, body footer, body nav, .receipt-noprint { display: none !important; }
  html, body, main { background: #fff !important; color: #000 !important; }
  .receipt, .receipt * { color: #000 !important; background: transparent !important; border-color: #000 !important; box-shadow: none !important; }
  .receipt { max-width: none !important; padding: 0 !important; font-size: 11pt; }
  .receipt section { break-inside: avoid; }
  .receipt a { text-decoration: none; }
  .receipt a[data-print-url]::after { content: " (" attr(href) ")"; font-size: 9pt; word-break: break-all; }
}
`;

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

function Scope({ receipt }: { receipt: ConsentReceipt }) {
  const service = receipt.services[0];
  if (!service) return <p>{TEXT.scope.nothing}</p>;
  const research = service.purposes.find((p): p is Extract<ReceiptPurpose, { kind: "research" }> => p.kind === "research");
  const ai = service.purposes.filter((p) => p.kind === "ai");
  const first = service.purposes[0]!;
  const lang = receipt.language;
  return (
    <div>
      <Fields>
        <Field label={TEXT.scope.service} lang={lang}>
          {service.service}
        </Field>
        {research ? (
          <Field label={TEXT.scope.research} lang={lang}>
            {research.purpose}
            <span className="block text-sm text-muted">
              {TEXT.scope.codes}: {[research.duo.id, ...research.dataUseModifiers.map((m) => `${m.id} (${m.code})`)].join(", ")}
            </span>
          </Field>
        ) : null}
        {research?.diseases ? (
          <Field label={TEXT.scope.diseases} lang={lang}>
            <List items={research.diseases.map((d) => d.label)} />
          </Field>
        ) : null}
        <Field label={TEXT.scope.ai} lang={ai.length ? lang : undefined}>
          {ai.length ? <List items={ai.map((p) => p.purpose)} /> : TEXT.scope.noAi}
        </Field>
        <Field label={TEXT.scope.data} lang={lang}>
          <List items={first.piiCategory.map((c) => c.label)} />
        </Field>
        <Field label={TEXT.scope.recipients} lang={lang}>
          <List items={first.thirdPartyName.map((r) => r.label)} />
        </Field>
        {receipt.geography ? (
          <Field label={TEXT.scope.where}>
            <span lang={lang}>{receipt.geography.label}</span>
            <span className="block text-sm text-muted">
              {TEXT.scope.countries}: {receipt.geography.countries.join(", ")}
            </span>
          </Field>
        ) : null}
        <Field label={TEXT.scope.until}>{receipt.validUntil ? date(receipt.validUntil) : TEXT.scope.untilWithdrawn}</Field>
        {receipt.conditions ? (
          <Field label={TEXT.scope.conditions}>
            <ul className="m-0 list-none p-0">
              {[receipt.conditions.mayRecontact, receipt.conditions.wantsFindings].map((c) => (
                <li key={c.label}>
                  <strong>{c.value ? TEXT.scope.yes : TEXT.scope.no}</strong> — <span lang={lang}>{c.label}</span>
                </li>
              ))}
            </ul>
          </Field>
        ) : null}
      </Fields>
      <p className="mt-3 text-sm text-muted">{TEXT.scope.consentType}</p>
    </div>
  );
}

export default async function ReceiptPage() {
  const user = await requirePageUser("citizen", "/me/receipt");
  const container = await getContainer();
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
      <style>{PRINT_CSS}</style>
      <p className="receipt-noprint">
        <Link href="/me">← {TEXT.back}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold text-brand-800">{TEXT.title}</h1>

      {!signed ? (
        <>
          <p className="mt-6 rounded-lg border-2 border-line bg-white p-4">{TEXT.none}</p>
          <Link href="/consent" className="btn-primary receipt-noprint mt-4">
            {TEXT.giveConsent}
          </Link>
        </>
      ) : (
        <ReceiptBody receipt={signed.receipt} jws={signed.jws} />
      )}
    </div>
  );
}

function ReceiptBody({ receipt, jws }: { receipt: ConsentReceipt; jws: string }) {
  const controller = receipt.piiControllers[0]!;
  const termination = receipt.services[0]?.purposes[0]?.termination;
  return (
    <>
      <p className="mt-2">{TEXT.intro}</p>

      <div className="receipt-noprint mt-4 flex flex-wrap items-start gap-3">
        <PrintButton label={TEXT.print} />
        <a href="/api/me/receipt?format=jws" download className="btn-secondary">
          {TEXT.download}
        </a>
      </div>
      <p className="receipt-noprint mt-2 text-sm text-muted">{TEXT.downloadHelp}</p>

      <Section id="receipt-status" title={TEXT.status.heading}>
        <p className="text-2xl font-semibold" data-testid="receipt-status">
          {TEXT.status.value[receipt.status]}
        </p>
        <div className="mt-3">
          <Fields>
            <Field label={TEXT.status.what}>
              {TEXT.status.action[receipt.change.action]}
              <span className="block text-sm text-muted">{TEXT.status.position(receipt.change.position, receipt.change.of)}</span>
            </Field>
            <Field label={TEXT.status.when}>{dateTime(receipt.change.at)}</Field>
            <Field label={TEXT.status.how}>{TEXT.status.method[receipt.collectionMethod]}</Field>
          </Fields>
        </div>
      </Section>

      <Section id="receipt-scope" title={TEXT.scope.heading}>
        {receipt.services.length ? <p className="mb-3 text-sm text-muted">{TEXT.labelsLanguageNote}</p> : null}
        <Scope receipt={receipt} />
      </Section>

      <Section id="receipt-withdraw" title={TEXT.withdraw.heading}>
        {termination ? <p lang={receipt.language}>{termination}</p> : null}
        <p className="mt-2">
          <a href={receipt.manageUrl} data-print-url>
            {TEXT.withdraw.manage}
          </a>
        </p>
      </Section>

      <Section id="receipt-controller" title={TEXT.controller.heading}>
        <Fields>
          <Field label={TEXT.controller.name}>{controller.piiController}</Field>
          <Field label={TEXT.controller.address}>{controller.address}</Field>
          <Field label={TEXT.controller.registration}>{controller.registration}</Field>
          <Field label={TEXT.controller.email}>
            <a href={`mailto:${controller.email}`}>{controller.email}</a>
          </Field>
          <Field label={TEXT.controller.dpo}>
            <a href={`mailto:${controller.contact}`}>{controller.contact}</a>
          </Field>
          <Field label={TEXT.controller.website}>
            <a href={controller.piiControllerUrl}>{controller.piiControllerUrl}</a>
          </Field>
        </Fields>
      </Section>

      <Section id="receipt-notice" title={TEXT.notice.heading}>
        {receipt.notice ? (
          <Fields>
            <Field label={TEXT.notice.form}>{receipt.notice.formId}</Field>
            <Field label={TEXT.notice.version}>{receipt.notice.version}</Field>
            <Field label={TEXT.notice.language}>{receipt.notice.language}</Field>
            <Field label={TEXT.notice.hash}>
              <code className="break-all text-sm">{receipt.notice.textHash}</code>
              <span className="block text-sm text-muted">{TEXT.notice.hashHelp}</span>
              <a href={receipt.notice.url} className="mt-1 inline-block" data-print-url>
                {TEXT.notice.read}
              </a>
            </Field>
          </Fields>
        ) : (
          <p>{TEXT.notice.none}</p>
        )}
      </Section>

      <Section id="receipt-about" title={TEXT.about.heading}>
        <Fields>
          <Field label={TEXT.about.receiptId}>
            <code className="break-all text-sm">{receipt.consentReceiptID}</code>
          </Field>
          <Field label={TEXT.about.consentReference}>
            <code className="break-all text-sm">{receipt.piiPrincipalId}</code>
            <span className="block text-sm text-muted">{TEXT.about.consentReferenceHelp}</span>
          </Field>
          <Field label={TEXT.about.issued}>{dateTime(fromSeconds(receipt.iat))}</Field>
          <Field label={TEXT.about.jurisdiction}>{receipt.jurisdiction}</Field>
          <Field label={TEXT.about.sensitive}>{receipt.spiCat.map((c) => TEXT.about.spi[c]).join(", ")}</Field>
          <Field label={TEXT.about.standard}>
            {TEXT.about.standardValue} <span className="text-sm text-muted">({receipt.version})</span>
          </Field>
          <Field label={TEXT.about.key}>
            <code className="break-all text-sm">{receipt.publicKey.kid}</code>
          </Field>
          <Field label={TEXT.about.keys}>
            <a href={receipt.jwksUrl} className="break-all">
              {receipt.jwksUrl}
            </a>
          </Field>
        </Fields>
      </Section>

      {/* On paper a JWS cannot be checked; the printout names the key and where it is published instead. */}
      <Section id="receipt-jws" title={TEXT.jws.heading} noPrint>
        <details>
          <summary className="cursor-pointer font-semibold text-brand-700">{TEXT.jws.show}</summary>
          <pre className="mt-2 whitespace-pre-wrap break-all rounded bg-surface p-2 text-xs" data-testid="receipt-jws">
            {jws}
          </pre>
        </details>
      </Section>
    </>
  );
}
