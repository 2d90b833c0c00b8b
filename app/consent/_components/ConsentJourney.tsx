"use client";
/**
 * The consent journey: read the form, choose, review exactly what is and is not allowed, then
 * give consent with one explicit action. Validation uses the form schema derived from the
 * server's (lib/consent/scope-form.ts); the server validates the same scope again.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useForm, type DefaultValues } from "react-hook-form";
import type { FormReference } from "../../../lib/consent/consent";
import type { FormText } from "../../../lib/consent/form";
import { FORM_MODULES } from "../../../lib/consent/form-modules";
import { errorKeyFor, ScopeFormValues, toScope, type ScopeFormStart, type ScopeFormValues as Values } from "../../../lib/consent/scope-form";
import { useLocale, useT } from "../../../lib/i18n/client";
import type { MessageKey } from "../../../lib/i18n/translate";
import { ScopeOverview } from "../../_components/ScopeOverview";
import { ScopeFields } from "./ScopeFields";

const STEPS = ["read", "choose", "review", "confirm"] as const;
type Step = (typeof STEPS)[number] | "done";

interface Props {
  mode: "grant" | "amend" | "reconsent";
  text: FormText;
  form: FormReference;
  expectedVersion: number | null;
  initial: ScopeFormStart;
  fallbackLanguage: string | null;
}

type FieldErrorLink = { field: string; key: MessageKey };

function collectErrors(errors: object, path: string[] = []): FieldErrorLink[] {
  return Object.entries(errors).flatMap(([k, v]) => {
    if (!v || typeof v !== "object") return [];
    if ("message" in v || "type" in v) {
      const p = [...path, k];
      return [{ field: p[0] === "research" && p[1] === "diseases" ? "field-diseases" : `field-${p[0] === "endDate" ? "period" : p[0]}`, key: `consent.errors.${errorKeyFor(p)}` as MessageKey }];
    }
    return collectErrors(v, [...path, k]);
  });
}

export function ConsentJourney({ mode, text, form, expectedVersion, initial, fallbackLanguage }: Props) {
  const t = useT();
  const locale = useLocale();
  const [step, setStep] = useState<Step>(mode === "amend" ? "choose" : "read");
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const { register, watch, handleSubmit, getValues, formState } = useForm<Values>({
    resolver: zodResolver(ScopeFormValues),
    defaultValues: initial as DefaultValues<Values>,
  });

  // Moving between steps moves focus to the new step's heading, so screen readers follow.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const title = t(mode === "grant" ? "consent.title" : mode === "amend" ? "consent.amendTitle" : "consent.reconsentTitle");
  const stepIndex = STEPS.indexOf(step as (typeof STEPS)[number]);
  const errorLinks = collectErrors(formState.errors);

  async function submit() {
    setSubmitting(true);
    setFailure(null);
    try {
      const scope = toScope(ScopeFormValues.parse(getValues()));
      const res = await fetch("/api/me/consent", {
        method: mode === "grant" ? "POST" : "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scope, form, ...(mode === "grant" ? {} : { expectedVersion }) }),
      });
      if (res.ok) {
        setStep("done");
        return;
      }
      const problem = (await res.json().catch(() => ({}))) as { code?: string; title?: string };
      // The API's titles are English; the citizen is told in their language, by code.
      setFailure(
        problem.code === "CONFLICT"
          ? t("consent.confirm.conflict")
          : problem.code === "FORM_VERSION_OUTDATED"
            ? t("consent.confirm.outdated")
            : t("consent.confirm.unexpected", { code: problem.code ?? String(res.status) }),
      );
    } catch {
      setFailure(t("consent.confirm.failed", { message: t("common.networkError") }));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold text-brand-800">{title}</h1>
      <p className="mt-1 text-sm text-muted">{t("consent.read.formVersion", { version: form.version })}</p>
      {fallbackLanguage ? <p className="mt-3 rounded-md border-2 border-line bg-white p-3">{t("consent.read.languageFallback", { language: fallbackLanguage })}</p> : null}

      {step !== "done" ? (
        <nav aria-label={t("consent.stepsLabel")} className="mt-6">
          <ol className="flex flex-wrap gap-2 p-0 text-sm">
            {STEPS.map((s, i) => (
              <li
                key={s}
                aria-current={s === step ? "step" : undefined}
                className={`list-none rounded-full border-2 px-3 py-1 ${s === step ? "border-brand-700 bg-brand-700 font-semibold text-white" : i < stepIndex ? "border-brand-700 text-brand-800" : "border-line text-muted"}`}
              >
                {i + 1}. {t(`consent.step.${s}`)}
              </li>
            ))}
          </ol>
          <p className="sr-only">{t("consent.stepCounter", { current: stepIndex + 1, total: STEPS.length })}</p>
        </nav>
      ) : null}

      {step === "read" ? (
        <section aria-labelledby="step-heading" className="mt-6">
          <h2 id="step-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold">
            {text.title}
          </h2>
          <p className="mt-2">{text.introduction}</p>
          <p className="mt-2 text-sm text-muted">{t("consent.read.intro")}</p>
          <div className="mt-4 space-y-4">
            {FORM_MODULES.map((m) => (
              <article key={m} className="rounded-lg border-2 border-line bg-white p-4">
                <h3 className="text-lg font-semibold">{text.modules[m].heading}</h3>
                <p className="mt-1">{text.modules[m].summary}</p>
                <details className="mt-2">
                  <summary className="cursor-pointer font-semibold text-brand-700">{t("consent.read.fullText")}</summary>
                  <div className="mt-2 space-y-2 text-sm">
                    {text.modules[m].fullText.split("\n\n").map((para, i) => (
                      <p key={i}>{para}</p>
                    ))}
                  </div>
                </details>
              </article>
            ))}
          </div>
          <button type="button" onClick={() => setStep("choose")} className="btn-primary mt-6">
            {t("consent.read.continue")}
          </button>
        </section>
      ) : null}

      {step === "choose" ? (
        <form noValidate onSubmit={handleSubmit(() => setStep("review"))} aria-labelledby="step-heading" className="mt-6">
          <h2 id="step-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold">
            {t("consent.step.choose")}
          </h2>
          <p className="mt-2 mb-4">{t("consent.choose.intro")}</p>
          {errorLinks.length > 0 ? (
            <div role="alert" className="mb-4 rounded-lg border-2 border-red-700 bg-white p-4">
              <p className="font-semibold text-red-800">{t("consent.errors.summary")}</p>
              <ul className="mt-2 list-disc pl-6">
                {errorLinks.map((e) => (
                  <li key={e.field}>
                    <a href={`#${e.field}`}>{t(e.key)}</a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <ScopeFields register={register} watch={watch} errors={formState.errors} choices={text.choices} />
          <div className="mt-6 flex flex-wrap gap-3">
            {mode !== "amend" ? (
              <button type="button" onClick={() => setStep("read")} className="btn-secondary">
                {t("common.back")}
              </button>
            ) : null}
            <button type="submit" className="btn-primary">
              {t("consent.choose.continue")}
            </button>
          </div>
        </form>
      ) : null}

      {step === "review" ? (
        <section aria-labelledby="step-heading" className="mt-6">
          <h2 id="step-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold">
            {t("consent.step.review")}
          </h2>
          <p className="mt-2 mb-4">{t("consent.review.intro")}</p>
          <ScopeOverview scope={toScope(ScopeFormValues.parse(getValues()))} choices={text.choices} t={t} locale={locale} headingLevel="h3" />
          <div className="mt-6 flex flex-wrap gap-3">
            <button type="button" onClick={() => setStep("choose")} className="btn-secondary">
              {t("consent.review.change")}
            </button>
            <button type="button" onClick={() => setStep("confirm")} className="btn-primary">
              {t("consent.review.continue")}
            </button>
          </div>
        </section>
      ) : null}

      {step === "confirm" ? (
        <section aria-labelledby="step-heading" className="mt-6">
          <h2 id="step-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold">
            {t("consent.confirm.declarationHeading")}
          </h2>
          <blockquote className="mt-4 rounded-lg border-l-4 border-brand-700 bg-white p-4 text-lg">{text.declaration}</blockquote>
          {failure ? (
            <p role="alert" className="mt-4 rounded-md border-2 border-red-700 bg-white p-3 font-semibold text-red-800">
              {failure}
            </p>
          ) : null}
          <div className="mt-6 flex flex-wrap gap-3">
            <button type="button" onClick={() => setStep("review")} className="btn-secondary" disabled={submitting}>
              {t("common.back")}
            </button>
            <button type="button" onClick={submit} className="btn-primary" disabled={submitting} aria-busy={submitting}>
              {submitting ? t("consent.confirm.saving") : t(mode === "grant" ? "consent.confirm.give" : "consent.confirm.save")}
            </button>
          </div>
        </section>
      ) : null}

      {step === "done" ? (
        <section aria-labelledby="step-heading" className="mt-6 rounded-lg border-2 border-brand-700 bg-white p-6">
          <h2 id="step-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold text-brand-800">
            {t("consent.done.title")}
          </h2>
          <p className="mt-2">{t("consent.done.body")}</p>
          <div className="mt-4 flex flex-wrap gap-3">
            <Link href="/me/receipt" className="btn-primary">
              {t("consent.done.receipt")}
            </Link>
            <Link href="/me" className="btn-secondary">
              {t("consent.done.myConsent")}
            </Link>
          </div>
        </section>
      ) : null}
    </div>
  );
}
