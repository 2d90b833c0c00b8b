"use client";
/**
 * The form that starts an export: whole UTC days like the workspace's filter (the last day
 * included; today ends now), optional filters, errors beside the field they concern.
 */
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useT } from "../../../lib/i18n/client";
import type { MessageKey } from "../../../lib/i18n/translate";

interface Props {
  initial: { from: string; to: string; type: string; node: string; decision: string };
  today: string;
  types: { value: string; label: string }[];
}

type FieldErrors = Partial<Record<"from" | "to", MessageKey>>;

const field = "min-h-11 w-full rounded-md border-2 border-line bg-white px-2";
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();

export function ExportForm({ initial, today, types }: Props) {
  const t = useT();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Props["initial"]) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  function validate(): FieldErrors {
    const out: FieldErrors = {};
    if (!values.from) out.from = "regulator.exports.error.required";
    if (!values.to) out.to = "regulator.exports.error.required";
    if (values.from && values.from > today) out.from = "regulator.exports.error.future";
    if (values.from && values.to && values.from > values.to) out.to = "regulator.exports.error.order";
    return out;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setStatus(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const filters = {
        ...(values.type ? { types: [values.type] } : {}),
        ...(values.node.trim() ? { nodeId: values.node.trim() } : {}),
        ...(values.decision ? { decision: values.decision } : {}),
      };
      const res = await fetch("/api/regulator/exports", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ from: `${values.from}T00:00:00Z`, to: nextDay(values.to), filters }),
      });
      if (res.ok) {
        setStatus({ ok: true, text: t("regulator.exports.form.started") });
        router.refresh();
        return;
      }
      const problem = (await res.json().catch(() => ({}))) as { title?: string; detail?: string; code?: string };
      setStatus({ ok: false, text: t("regulator.exports.form.failed", { message: problem.detail ?? problem.title ?? String(res.status) }) });
    } catch {
      setStatus({ ok: false, text: t("regulator.exports.form.failed", { message: t("common.networkError") }) });
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (k: "from" | "to") =>
    errors[k] ? (
      <span id={`ex-${k}-error`} className="text-sm font-semibold text-red-800">
        {t(errors[k])}
      </span>
    ) : null;

  return (
    <section aria-labelledby="ex-form-h" className="mt-6 rounded-lg border-2 border-line bg-white p-4">
      <h2 id="ex-form-h" className="text-xl font-semibold">
        {t("regulator.exports.form.heading")}
      </h2>
      <form onSubmit={submit} noValidate className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <label className="flex min-w-0 flex-col gap-1">
          <span className="font-semibold">{t("regulator.exports.form.from")}</span>
          <input type="date" name="from" value={values.from} max={today} onChange={set("from")} className={field} aria-invalid={errors.from ? true : undefined} aria-describedby={errors.from ? "ex-from-error" : undefined} />
          {errorOf("from")}
        </label>
        <label className="flex min-w-0 flex-col gap-1">
          <span className="font-semibold">{t("regulator.exports.form.to")}</span>
          <input type="date" name="to" value={values.to} onChange={set("to")} className={field} aria-invalid={errors.to ? true : undefined} aria-describedby={errors.to ? "ex-to-error" : undefined} />
          {errorOf("to")}
        </label>
        <label className="flex min-w-0 flex-col gap-1">
          <span className="font-semibold">{t("regulator.filter.type")}</span>
          <select name="type" value={values.type} onChange={set("type")} className={field}>
            <option value="">{t("regulator.filter.any")}</option>
            {types.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 flex-col gap-1">
          <span className="font-semibold">{t("regulator.filter.node")}</span>
          <input type="text" name="node" value={values.node} maxLength={100} onChange={set("node")} className={field} />
        </label>
        <label className="flex min-w-0 flex-col gap-1">
          <span className="font-semibold">{t("regulator.filter.decision")}</span>
          <select name="decision" value={values.decision} onChange={set("decision")} className={field}>
            <option value="">{t("regulator.filter.any")}</option>
            <option value="PERMIT">{t("regulator.decision.PERMIT")}</option>
            <option value="DENY">{t("regulator.decision.DENY")}</option>
          </select>
        </label>
        <div className="flex items-end">
          <button type="submit" disabled={busy} className="btn-primary">
            {busy ? t("regulator.exports.form.busy") : t("regulator.exports.form.submit")}
          </button>
        </div>
      </form>
      <p className="mt-3 text-sm">{t("regulator.exports.form.note")}</p>
      <p role="status" className={`mt-2 font-semibold ${status?.ok === false ? "text-red-800" : "text-brand-800"}`}>
        {status?.text ?? ""}
      </p>
    </section>
  );
}
