"use client";
/** Suspend or reactivate one node: one button, the node named in its accessible name. */
import { useRouter } from "next/navigation";
import { useState } from "react";

export interface NodeStatusButtonText {
  suspend: string;
  activate: string;
  working: string;
  failed: string;
}

export function NodeStatusButton({ nodeId, status, text }: { nodeId: string; status: "active" | "suspended"; text: NodeStatusButtonText }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const next = status === "active" ? "suspended" : "active";
  const label = status === "active" ? text.suspend : text.activate;

  async function act() {
    setBusy(true);
    setFailure(null);
    try {
      const res = await fetch(`/api/operator/nodes/${encodeURIComponent(nodeId)}/status`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ status: next }),
      });
      if (res.ok) {
        router.refresh();
        return;
      }
      const problem = (await res.json().catch(() => ({}))) as { title?: string };
      setFailure(`${text.failed} ${problem.title ?? res.status}`);
    } catch {
      setFailure(`${text.failed} network`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <button type="button" onClick={act} disabled={busy} aria-busy={busy} className={status === "active" ? "btn-danger" : "btn-secondary"}>
        {busy ? text.working : label}
        <span className="sr-only"> {nodeId}</span>
      </button>
      {failure ? (
        <p role="alert" className="mt-2 text-sm font-semibold text-red-800">
          {failure}
        </p>
      ) : null}
    </div>
  );
}
