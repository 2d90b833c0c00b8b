"use client";
/**
 * An entry's inclusion proof and the "Check in this browser" button: the browser itself recomputes
 * the entry's hash, folds the proof to the root and verifies Donum's signature on the checkpoint
 * with the keys published at /.well-known/jwks.json (lib/audit/verify-in-browser.ts). Used by the
 * citizen's "who looked me up" and the regulator's entry detail alike.
 */
import { useId, useState } from "react";
import type { CheckpointView, IncludedProof } from "../../lib/audit/proofs";
import { CHECK_STEPS, checkInclusion, type CheckStep, type InclusionCheck } from "../../lib/audit/verify-in-browser";
import { useLocale, useT } from "../../lib/i18n/client";
import type { MessageKey } from "../../lib/i18n/translate";

export interface ProofCheckProps {
  /** The entry's canonical JSON; null when it is not shown (the leaf hash is then taken as given). */
  entryJson: string | null;
  proof: IncludedProof;
  checkpoint: Pick<CheckpointView, "rootHash" | "jws">;
  /** The checkpoint's signing time, already formatted for the page. */
  checkpointTime: string;
}

type State = { kind: "idle" } | { kind: "checking" } | { kind: "done"; result: InclusionCheck } | { kind: "error" };

const plural = (locale: string, n: number) => (new Intl.PluralRules(locale).select(n) === "one" ? "one" : "other");

function Hash({ value }: { value: string }) {
  return <code className="break-all font-mono text-xs">{value}</code>;
}

export function ProofCheck({ entryJson, proof: { seq, treeSize, leafHash, proof }, checkpoint, checkpointTime }: ProofCheckProps) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const [state, setState] = useState<State>({ kind: "idle" });
  const number = (n: number) => n.toLocaleString(locale === "en" ? "en-GB" : locale);

  async function run() {
    setState({ kind: "checking" });
    let jwks: unknown = null;
    try {
      const res = await fetch("/.well-known/jwks.json", { cache: "no-store", credentials: "omit" });
      if (res.ok) jwks = await res.json();
    } catch {
      jwks = null;
    }
    try {
      const result = await checkInclusion({
        entryJson,
        leafHash,
        seq,
        treeSize,
        proof,
        checkpoint: checkpoint.jws,
        jwks,
      });
      setState({ kind: "done", result });
    } catch {
      setState({ kind: "error" });
    }
  }

  const stepStatus = (result: InclusionCheck, step: CheckStep): MessageKey => {
    if (step === "entry" && !result.leafRecomputed && (result.ok || result.step !== "entry")) return "proof.stepStatus.given";
    if (result.ok) return "proof.stepStatus.passed";
    const at = CHECK_STEPS.indexOf(result.step);
    const here = CHECK_STEPS.indexOf(step);
    return here < at ? "proof.stepStatus.passed" : here === at ? "proof.stepStatus.failed" : "proof.stepStatus.skipped";
  };

  let summary: string | null = null;
  if (state.kind === "done") {
    const r = state.result;
    const hashes = t(`proof.hashes.${plural(locale, r.proofLength)}` as MessageKey, { count: number(r.proofLength) });
    if (r.ok) {
      const entries = t(`proof.entries.${plural(locale, r.checkpoint.treeSize)}` as MessageKey, { count: number(r.checkpoint.treeSize) });
      summary = t(r.leafRecomputed ? "proof.result.ok" : "proof.result.okGiven", { hashes, entries });
    } else {
      summary = t("proof.result.failed", { step: t(`proof.step.${r.step}` as MessageKey), reason: t(`proof.failure.${r.failure}` as MessageKey) });
    }
  } else if (state.kind === "error") {
    summary = t("proof.result.error");
  }

  return (
    <div className="mt-3 text-sm">
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_minmax(0,1fr)]">
        <dt className="font-semibold">{t("proof.seq")}</dt>
        <dd className="m-0">{number(seq)}</dd>
        <dt className="font-semibold">{t("proof.leafHash")}</dt>
        <dd className="m-0">
          <Hash value={leafHash} />
        </dd>
        <dt className="font-semibold">{t("proof.path")}</dt>
        <dd className="m-0">
          {proof.length === 0 ? (
            t("proof.noPath")
          ) : (
            <ol className="m-0 list-decimal pl-6" data-testid="proof-hashes">
              {proof.map((h, i) => (
                <li key={`${i}-${h}`}>
                  <Hash value={h} />
                </li>
              ))}
            </ol>
          )}
        </dd>
        <dt className="font-semibold">{t("proof.treeSize")}</dt>
        <dd className="m-0">{number(treeSize)}</dd>
        <dt className="font-semibold">{t("proof.rootHash")}</dt>
        <dd className="m-0">
          <Hash value={checkpoint.rootHash} />
        </dd>
        <dt className="font-semibold">{t("proof.time")}</dt>
        <dd className="m-0">{checkpointTime}</dd>
      </dl>
      {entryJson !== null ? (
        <details className="mt-2">
          <summary className="cursor-pointer font-semibold text-brand-700">{t("proof.entry")}</summary>
          <pre className="mt-2 whitespace-pre-wrap break-all rounded bg-surface p-2 text-xs" data-testid="proof-entry-json">
            {entryJson}
          </pre>
        </details>
      ) : null}
      <details className="mt-2">
        <summary className="cursor-pointer font-semibold text-brand-700">{t("proof.jws")}</summary>
        <pre className="mt-2 whitespace-pre-wrap break-all rounded bg-surface p-2 text-xs" data-testid="proof-checkpoint-jws">
          {checkpoint.jws}
        </pre>
      </details>
      <p className="mt-3">
        <button type="button" className="btn-secondary" onClick={run} disabled={state.kind === "checking"} aria-describedby={`${id}-result`}>
          {state.kind === "checking" ? t("proof.checking") : t("proof.check")}
        </button>
      </p>
      <div id={`${id}-result`} role="status" aria-live="polite" className="mt-2">
        {summary ? (
          <p className={`m-0 font-semibold ${state.kind === "done" && state.result.ok ? "text-brand-800" : "text-red-800"}`} data-testid="proof-result">
            {summary}
          </p>
        ) : null}
        {state.kind === "done" ? (
          <ol className="mt-1 list-none p-0" aria-label={t("proof.steps")}>
            {CHECK_STEPS.map((step) => (
              <li key={step}>
                {t(`proof.step.${step}` as MessageKey)}: {t(stepStatus(state.result, step))}
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </div>
  );
}
