"use client";
/**
 * Register an imaging node: id, organisation, country, organisation type and its public key (a
 * JWK pasted as JSON). Each error is shown beside its field and announced; the key is checked
 * by the server as strictly as the CLI checks it (lib/nodes/registry.ts).
 */
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";

type Field = "id" | "organisation" | "country" | "organisationType" | "publicJwk";
const FIELDS: readonly Field[] = ["id", "organisation", "country", "organisationType", "publicJwk"];

export interface RegisterNodeFormText {
  id: string;
  idHint: string;
  organisation: string;
  country: string;
  countryHint: string;
  type: string;
  types: Record<"public" | "non_profit" | "commercial", string>;
  publicJwk: string;
  publicJwkHint: string;
  submit: string;
  working: string;
  required: string;
  invalidJson: string;
  summary: string;
  registered: string;
  failed: string;
}

/** Server messages are phrases ("this is a private key…"); beside a field they read as sentences. */
const sentence = (m: string) => (m ? `${m[0]!.toUpperCase()}${m.slice(1)}${/[.!?]$/.test(m) ? "" : "."}` : m);

export function RegisterNodeForm({ text }: { text: RegisterNodeFormText }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<{ kind: "error" | "ok"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  function focusFirst(found: Partial<Record<Field, string>>) {
    const first = FIELDS.find((f) => found[f]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const data = new FormData(event.currentTarget);
    const value = (f: Field) => String(data.get(f) ?? "").trim();
    const found: Partial<Record<Field, string>> = {};
    for (const f of FIELDS) if (value(f) === "") found[f] = text.required;
    let publicJwk: unknown = undefined;
    if (!found.publicJwk) {
      try {
        publicJwk = JSON.parse(value("publicJwk"));
      } catch {
        found.publicJwk = text.invalidJson;
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setMessage({ kind: "error", text: text.summary });
      focusFirst(found);
      return;
    }
    setBusy(true);
    try {
      const res = await fetch("/api/operator/nodes", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: value("id"), organisation: value("organisation"), country: value("country"), organisationType: value("organisationType"), publicJwk }),
      });
      const body = (await res.json().catch(() => ({}))) as { node?: { id: string }; code?: string; title?: string; detail?: string; errors?: { path: string; message: string }[] };
      if (res.ok && body.node) {
        formRef.current?.reset();
        setErrors({});
        setMessage({ kind: "ok", text: text.registered.replace("{id}", body.node.id) });
        router.refresh();
        return;
      }
      const fromServer: Partial<Record<Field, string>> = {};
      for (const issue of body.errors ?? []) {
        const field = (issue.path === "kid" ? "publicJwk" : issue.path) as Field;
        if (FIELDS.includes(field)) fromServer[field] ??= sentence(issue.message);
      }
      if (body.code === "NODE_EXISTS") fromServer.id = body.detail ?? body.title ?? "";
      setErrors(fromServer);
      setMessage({ kind: "error", text: Object.keys(fromServer).length ? text.summary : `${text.failed} ${body.title ?? res.status}` });
      focusFirst(fromServer);
    } catch {
      setMessage({ kind: "error", text: `${text.failed} network` });
    } finally {
      setBusy(false);
    }
  }

  const describedBy = (f: Field, hint: boolean) => [hint ? `node-${f}-hint` : "", errors[f] ? `node-${f}-error` : ""].filter(Boolean).join(" ") || undefined;
  const errorBeside = (f: Field) =>
    errors[f] ? (
      <span id={`node-${f}-error`} className="mt-1 block text-sm font-semibold text-red-800">
        {errors[f]}
      </span>
    ) : null;
  const input = "mt-1 block w-full rounded-md border-2 border-line bg-white p-2 aria-[invalid=true]:border-red-700";

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-4">
      {message ? (
        <p role={message.kind === "error" ? "alert" : "status"} className={`rounded-md border-2 bg-white p-3 font-semibold ${message.kind === "error" ? "border-red-700 text-red-800" : "border-brand-700 text-brand-800"}`}>
          {message.text}
        </p>
      ) : null}
      <div>
        <label htmlFor="node-id" className="font-semibold">
          {text.id}
        </label>
        <span id="node-id-hint" className="block text-sm text-muted">
          {text.idHint}
        </span>
        <input id="node-id" name="id" autoComplete="off" spellCheck={false} aria-invalid={errors.id ? true : undefined} aria-describedby={describedBy("id", true)} className={`${input} font-mono`} />
        {errorBeside("id")}
      </div>
      <div>
        <label htmlFor="node-organisation" className="font-semibold">
          {text.organisation}
        </label>
        <input id="node-organisation" name="organisation" autoComplete="organization" aria-invalid={errors.organisation ? true : undefined} aria-describedby={describedBy("organisation", false)} className={input} />
        {errorBeside("organisation")}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="node-country" className="font-semibold">
            {text.country}
          </label>
          <span id="node-country-hint" className="block text-sm text-muted">
            {text.countryHint}
          </span>
          <input id="node-country" name="country" maxLength={2} autoComplete="off" aria-invalid={errors.country ? true : undefined} aria-describedby={describedBy("country", true)} className={`${input} uppercase`} />
          {errorBeside("country")}
        </div>
        <div>
          <label htmlFor="node-organisationType" className="font-semibold">
            {text.type}
          </label>
          <select id="node-organisationType" name="organisationType" defaultValue="public" aria-invalid={errors.organisationType ? true : undefined} aria-describedby={describedBy("organisationType", false)} className={input}>
            {(Object.keys(text.types) as (keyof RegisterNodeFormText["types"])[]).map((t) => (
              <option key={t} value={t}>
                {text.types[t]}
              </option>
            ))}
          </select>
          {errorBeside("organisationType")}
        </div>
      </div>
      <div>
        <label htmlFor="node-publicJwk" className="font-semibold">
          {text.publicJwk}
        </label>
        <span id="node-publicJwk-hint" className="block text-sm text-muted">
          {text.publicJwkHint}
        </span>
        <textarea id="node-publicJwk" name="publicJwk" rows={6} spellCheck={false} aria-invalid={errors.publicJwk ? true : undefined} aria-describedby={describedBy("publicJwk", true)} className={`${input} font-mono text-xs`} />
        {errorBeside("publicJwk")}
      </div>
      <button type="submit" className="btn-primary" disabled={busy} aria-busy={busy}>
        {busy ? text.working : text.submit}
      </button>
    </form>
  );
}
