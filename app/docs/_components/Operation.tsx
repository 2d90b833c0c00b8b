import { Fragment } from "react";
import type { JsonSchema, OpenApiDocument, OperationObject, ParameterObject } from "../../../lib/openapi/document";
import { fieldRows } from "../../../lib/openapi/fields";
import { Inline, Prose } from "./Prose";
import { Table } from "./Table";

const METHOD_STYLE: Record<string, string> = {
  GET: "bg-brand-100 text-brand-800",
  POST: "bg-brand-800 text-white",
  PUT: "bg-brand-700 text-white",
};

const COMPONENT_PREFIX = "#/components/schemas/";
const refName = (schema: JsonSchema | undefined) =>
  typeof schema?.$ref === "string" && schema.$ref.startsWith(COMPONENT_PREFIX) ? schema.$ref.slice(COMPONENT_PREFIX.length) : null;

const bytes = (n: number) => (n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MiB` : `${n / 1024} KiB`);

/** A dotted path that breaks only after its dots: "request.<wbr>recipient.<wbr>country". */
function Path({ path }: { path: string }) {
  const parts = path.split(/(?<=\.)/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 ? <wbr /> : null}
        </Fragment>
      ))}
    </>
  );
}

/** The members of a schema as a table: field, type, required, description and constraints. */
export function FieldTable({ caption, schema, doc, maxDepth }: { caption: string; schema: JsonSchema; doc: OpenApiDocument; maxDepth?: number }) {
  const rows = fieldRows(schema, doc.components.schemas, maxDepth !== undefined ? { maxDepth } : {});
  if (rows.length === 0) return <p className="mt-2">Any JSON value.</p>;
  return (
    <Table
      caption={caption}
      headers={["Field", "Type", "Required", "Description"]}
      rows={rows.map((r) => ({
        key: r.path,
        cells: [
          <code key="p" className="inline-block min-w-[8rem] font-mono text-xs">
            <Path path={r.path} />
          </code>,
          r.type,
          r.required ? "yes" : "no",
          <>
            {r.description ? <Inline text={r.description} /> : null}
            {r.constraints.length ? (
              <span className="mt-1 block text-xs text-muted [overflow-wrap:anywhere]">{r.constraints.join(" · ")}</span>
            ) : null}
          </>,
        ],
      }))}
    />
  );
}

function ParameterTable({ caption, parameters }: { caption: string; parameters: ParameterObject[] }) {
  return (
    <Table
      caption={caption}
      headers={["Parameter", "In", "Required", "Description"]}
      rows={parameters.map((p) => ({
        key: `${p.in}-${p.name}`,
        cells: [
          <code key="n" className="font-mono text-xs">
            {p.name}
          </code>,
          p.in,
          p.required ? "yes" : "no",
          <>
            {p.description ? <Inline text={p.description} /> : null}
            {typeof p.schema.pattern === "string" ? <span className="mt-1 block text-xs text-muted">pattern: {p.schema.pattern}</span> : null}
          </>,
        ],
      }))}
    />
  );
}

/** One operation: what it does, how it is authenticated, its parameters, body, answers and problem codes. */
export function Operation({ doc, method, path, op, portal }: { doc: OpenApiDocument; method: string; path: string; op: OperationObject; portal: boolean }) {
  const verb = method.toUpperCase();
  const headingId = `${op.operationId}-heading`;
  const bodySchema = op.requestBody?.content["application/json"]?.schema;
  const success = Object.entries(op.responses).filter(([status]) => status.startsWith("2"));
  const firstSchema = success.map(([, r]) => Object.values(r.content ?? {})[0]?.schema).find((s) => refName(s) !== null);
  const auth = op.security.length === 0 ? "None (public)." : op.security.some((s) => "DonumNode" in s) ? "DonumNode: a request token signed by the node (see Authentication)." : "The portal's session cookie (a signed-in citizen or operator).";
  const depth = portal ? 1 : undefined;

  return (
    <section id={op.operationId} aria-labelledby={headingId} className="scroll-mt-4 rounded-lg border-2 border-line bg-white p-4 sm:p-6">
      <h3 id={headingId} className="flex flex-wrap items-center gap-2 text-lg font-semibold text-ink">
        <span className={`rounded px-2 py-0.5 font-mono text-sm ${METHOD_STYLE[verb] ?? "bg-brand-100 text-brand-800"}`}>{verb}</span>
        <code className="font-mono [overflow-wrap:anywhere]">{path}</code>
      </h3>
      <p className="mt-2 font-semibold">
        <Inline text={op.summary} />
      </p>
      <Prose text={op.description} className="mt-2" />
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Authentication</dt>
        <dd>{auth}</dd>
        {op["x-max-body-bytes"] !== undefined ? (
          <>
            <dt className="font-semibold">Body limit</dt>
            <dd>{bytes(op["x-max-body-bytes"])} (more is 413 PAYLOAD_TOO_LARGE)</dd>
          </>
        ) : null}
        <dt className="font-semibold">Operation id</dt>
        <dd>
          <code className="font-mono">{op.operationId}</code>
        </dd>
      </dl>

      {op.parameters?.length ? (
        <>
          <h4 className="mt-5 font-semibold text-brand-700">Parameters</h4>
          <ParameterTable caption={`Parameters of ${verb} ${path}`} parameters={op.parameters} />
        </>
      ) : null}

      {bodySchema ? (
        <>
          <h4 className="mt-5 font-semibold text-brand-700">Request body{refName(bodySchema) ? ` (${refName(bodySchema)})` : ""}</h4>
          {op.requestBody?.description ? <p className="mt-1">{op.requestBody.description}</p> : null}
          <FieldTable caption={`Request body of ${verb} ${path}`} schema={bodySchema} doc={doc} {...(depth !== undefined ? { maxDepth: depth } : {})} />
        </>
      ) : null}

      <h4 className="mt-5 font-semibold text-brand-700">Responses</h4>
      <Table
        caption={`Responses of ${verb} ${path}`}
        headers={["Status", "Content", "Meaning"]}
        rows={Object.entries(op.responses).map(([status, r]) => ({
          key: status,
          cells: [
            <span key="s" className="font-mono">
              {status}
            </span>,
            <>
              {Object.entries(r.content ?? {}).map(([type, media]) => (
                <span key={type} className="block [overflow-wrap:anywhere]">
                  <code className="font-mono text-xs">{type}</code>
                  {refName(media.schema) ? ` (${refName(media.schema)})` : ""}
                </span>
              ))}
            </>,
            r["x-problem-codes"] ? (
              <ul className="space-y-1">
                {r["x-problem-codes"].map((code) => (
                  <li key={code}>
                    <a href={`#problem-${code}`} className="font-mono text-xs">
                      {code}
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              <Inline text={r.description} />
            ),
          ],
        }))}
      />

      {firstSchema ? (
        <>
          <h4 className="mt-5 font-semibold text-brand-700">Response body ({refName(firstSchema)})</h4>
          <FieldTable caption={`Response body of ${verb} ${path}`} schema={firstSchema} doc={doc} {...(depth !== undefined ? { maxDepth: depth } : {})} />
        </>
      ) : null}
    </section>
  );
}
