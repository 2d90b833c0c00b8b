"use client";
/**
 * Publish a consent-form version: edit the draft (JSON, prefilled from the latest version),
 * review what changed and whether it is material, then publish. Two explicit steps, so nothing
 * is published by accident.
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FormReview } from "../../../lib/usecases/form-publication";

export interface PublishFormText {
  draftLabel: string;
  draftHint: string;
  material: string;
  materialHint: string;
  force: string;
  review: string;
  publish: string;
  reviewHeading: string;
  noChanges: string;
  languagesAdded: string;
  languagesRemoved: string;
  changedIn: string;
  verdict: Record<FormReview["materiality"]["verdict"], string>;
  scopeChanges: string;
  published: string;
  invalidJson: string;
  failed: string;
}

type Draft = { material?: boolean } & Record<string, unknown>;

export function PublishForm({ initialDraft, text }: { initialDraft: string; text: PublishFormText }) {
  const router = useRouter();
  const [draft, setDraft] = useState(initialDraft);
  const [material, setMaterial] = useState(false);
  const [force, setForce] = useState(false);
  const [review, setReview] = useState<FormReview | null>(null);
  const [message, setMessage] = useState<{ kind: "error" | "ok"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(publish: boolean) {
    setMessage(null);
    let parsed: Draft;
    try {
      parsed = JSON.parse(draft) as Draft;
    } catch {
      setMessage({ kind: "error", text: text.invalidJson });
      return;
    }
    setBusy(true);
    try {
      const res = await fetch("/api/operator/forms", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ draft: { ...parsed, material }, publish, forceNonMaterial: force }),
      });
      const body = (await res.json()) as { review?: FormReview; published?: { version: number } | null; title?: string; errors?: { path: string; message: string }[] };
      if (!res.ok) {
        const details = body.errors?.map((e) => `${e.path}: ${e.message}`).join("; ");
        setMessage({ kind: "error", text: `${text.failed} ${body.title ?? res.status}${details ? ` — ${details}` : ""}` });
        return;
      }
      setReview(body.review ?? null);
      if (body.published) {
        setMessage({ kind: "ok", text: text.published.replace("{version}", String(body.published.version)) });
        router.refresh();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-4">
      <label className="block">
        <span className="font-semibold">{text.draftLabel}</span>
        <span id="draft-hint" className="block text-sm text-muted">
          {text.draftHint}
        </span>
        <textarea
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            setReview(null);
          }}
          aria-describedby="draft-hint"
          spellCheck={false}
          rows={14}
          className="mt-2 w-full rounded-md border-2 border-line bg-white p-2 font-mono text-xs"
        />
      </label>
      <label className="flex items-start gap-3">
        <input type="checkbox" checked={material} onChange={(e) => { setMaterial(e.target.checked); setReview(null); }} className="mt-1 h-5 w-5 accent-brand-700" aria-describedby="material-hint" />
        <span>
          {text.material}
          <span id="material-hint" className="block text-sm text-muted">
            {text.materialHint}
          </span>
        </span>
      </label>
      <button type="button" className="btn-secondary" onClick={() => send(false)} disabled={busy}>
        {text.review}
      </button>

      {review ? (
        <section aria-labelledby="review-heading" className="rounded-lg border-2 border-line bg-white p-4">
          <h2 id="review-heading" className="text-lg font-semibold">
            {text.reviewHeading}
          </h2>
          <p className="mt-2 font-semibold">{text.verdict[review.materiality.verdict]}</p>
          {review.diff.languagesAdded.length ? <p>{text.languagesAdded} {review.diff.languagesAdded.join(", ")}</p> : null}
          {review.diff.languagesRemoved.length ? <p>{text.languagesRemoved} {review.diff.languagesRemoved.join(", ")}</p> : null}
          {review.diff.languages.length === 0 ? <p>{text.noChanges}</p> : null}
          <ul className="mt-2 list-disc pl-6 text-sm">
            {review.diff.languages.map((l) => (
              <li key={l.language}>
                {text.changedIn} {l.language}: {[...l.fields, ...l.modules.map((m) => m.module), ...l.choices.map((c) => c.group)].join(", ")}
              </li>
            ))}
          </ul>
          {review.materiality.scopeChanges.length ? (
            <>
              <p className="mt-2 font-semibold">{text.scopeChanges}</p>
              <ul className="list-disc pl-6 text-sm">
                {review.materiality.scopeChanges.map((c, i) => (
                  <li key={i}>
                    {c.language}: {c.what}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {review.materiality.requiresOverride ? (
            <label className="mt-3 flex items-start gap-3 rounded-md border-2 border-amber-700 bg-amber-50 p-3">
              <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} className="mt-1 h-5 w-5 accent-brand-700" />
              <span>{text.force}</span>
            </label>
          ) : null}
          <button type="button" className="btn-primary mt-4" onClick={() => send(true)} disabled={busy || (review.materiality.requiresOverride && !force)}>
            {text.publish}
          </button>
        </section>
      ) : null}

      {message ? (
        <p role={message.kind === "error" ? "alert" : "status"} className={`rounded-md border-2 p-3 font-semibold ${message.kind === "error" ? "border-red-700 text-red-800" : "border-brand-700 text-brand-800"} bg-white`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
