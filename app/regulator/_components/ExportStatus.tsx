"use client";
/**
 * One export's state: a progress bar while it runs (polled once a second), then the download
 * and the command that verifies it, or why it failed.
 */
import { useEffect, useState } from "react";
import type { ExportJob } from "../../../lib/audit/export/job";
import { useT } from "../../../lib/i18n/client";

const POLL_MS = 1000;

export function ExportStatus({ initial }: { initial: ExportJob }) {
  const t = useT();
  const [job, setJob] = useState(initial);
  const active = job.state === "queued" || job.state === "running";

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const res = await fetch(`/api/regulator/exports/${job.id}`, { cache: "no-store" });
        if (!res.ok || stopped) return;
        const body = (await res.json()) as { export: ExportJob };
        setJob(body.export);
      } catch {
        // The next poll tries again.
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [active, job.id]);

  const { scanned, total } = job.progress;
  const base = `/api/regulator/exports/${job.id}`;
  return (
    <div className="mt-3">
      <p className="font-semibold" aria-live="polite">
        {t(`regulator.exports.state.${job.state}`)}
        {job.state === "running" ? ` — ${total === null ? t("regulator.exports.progressUnknown") : t("regulator.exports.progress", { scanned: scanned.toLocaleString(), total: total.toLocaleString() })}` : ""}
      </p>
      {active ? (
        <progress className="mt-2 h-3 w-full" max={total ?? undefined} value={total === null ? undefined : scanned} aria-label={t(`regulator.exports.state.${job.state}`)} />
      ) : null}
      {job.state === "done" && job.result ? (
        <div className="mt-2 space-y-2">
          <p>{t("regulator.exports.done", { entries: job.result.entries.toLocaleString(), treeSize: job.result.treeSize.toLocaleString() })}</p>
          <p>
            <a href={`${base}/bundle`} className="btn-primary" download>
              {t("regulator.exports.download")}
            </a>
          </p>
          <details>
            <summary className="min-h-11 cursor-pointer py-2">{t("regulator.exports.files")}</summary>
            <ul className="mt-1 space-y-1">
              {job.result.files.map((f) => (
                <li key={f.name}>
                  <a href={`${base}/files/${f.name}`} download>
                    {f.name}
                  </a>{" "}
                  <span className="text-sm">({f.bytes.toLocaleString()} B, SHA-256 {f.sha256.slice(0, 16)}…)</span>
                </li>
              ))}
            </ul>
          </details>
          <p className="text-sm">{t("regulator.exports.verify")}</p>
          <pre className="whitespace-pre-wrap break-all rounded-md bg-slate-100 p-2 text-sm">
            <code>npm run donum -- verify-export donum-export-{job.id}.tar</code>
          </pre>
        </div>
      ) : null}
      {job.state === "failed" && job.error ? (
        <p className="mt-2 text-red-800">{t("regulator.exports.failure", { code: job.error.code, message: job.error.message, correlationId: job.error.correlationId })}</p>
      ) : null}
    </div>
  );
}
