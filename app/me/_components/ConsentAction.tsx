"use client";
/** One-step withdrawal and opt-out: one button, its consequence stated beside it, no detour. */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useT } from "../../../lib/i18n/client";

interface Props {
  endpoint: "/api/me/consent/withdraw" | "/api/me/opt-out";
  expectedVersion: number | null;
  label: string;
  help: string;
  variant: "danger" | "secondary";
}

export function ConsentAction({ endpoint, expectedVersion, label, help, variant }: Props) {
  const t = useT();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const helpId = `${endpoint.replaceAll("/", "-")}-help`;

  async function act() {
    setBusy(true);
    setFailure(null);
    try {
      const res = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ expectedVersion }),
      });
      if (res.ok) {
        router.refresh();
        return;
      }
      const problem = (await res.json().catch(() => ({}))) as { code?: string };
      setFailure(problem.code === "CONFLICT" ? t("consent.confirm.conflict") : t("consent.confirm.unexpected", { code: problem.code ?? String(res.status) }));
    } catch {
      setFailure(t("me.actionFailed", { message: t("common.networkError") }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="rounded-lg border-2 border-line bg-white p-4">
      <p id={helpId} className="mb-3 text-sm">
        {help}
      </p>
      <button type="button" onClick={act} disabled={busy} aria-busy={busy} aria-describedby={helpId} className={variant === "danger" ? "btn-danger" : "btn-secondary"}>
        {busy ? t("consent.confirm.saving") : label}
      </button>
      {failure ? (
        <p role="alert" className="mt-3 font-semibold text-red-800">
          {failure}
        </p>
      ) : null}
    </div>
  );
}
