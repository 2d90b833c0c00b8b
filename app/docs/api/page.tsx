/**
 * /docs/api: the API reference for developers of imaging nodes, rendered on the server from the
 * same OpenAPI document as GET /api/v1/openapi.json (lib/openapi/document.ts): the endpoints with
 * their fields, how requests are authenticated, a worked example with the CLI, and every problem
 * code.
 *
 * English only, on purpose: this is a developer reference, like the OpenAPI document, the CLI and
 * docs/node-api.md, and is not part of the citizen-facing portal that is translated. Its content
 * carries lang="en" so that it is read in English whatever language the portal's frame is in.
 */
import type { Metadata } from "next";
import { connection } from "next/server";
import { getConfig } from "../../../lib/config";
import { NODE_TOKEN_CLAIMS, NODE_TOKEN_HEADER, openApiDocument, type HttpMethod, type OpenApiDocument, type OperationObject } from "../../../lib/openapi/document";
import { HTTP_METHODS } from "../../../lib/openapi/document";
import { CodeBlock, Inline, Prose } from "../_components/Prose";
import { Operation } from "../_components/Operation";
import { Table } from "../_components/Table";

export const metadata: Metadata = {
  title: "API reference — Donum",
  description: "Donum's consent-check API for imaging nodes: endpoints, signed requests, signed answers, and every problem code.",
};

interface Entry {
  method: HttpMethod;
  path: string;
  op: OperationObject;
}

function operationsByTag(doc: OpenApiDocument): Map<string, Entry[]> {
  const byTag = new Map<string, Entry[]>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags[0] ?? "other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }
  return byTag;
}

/** The worked example of the README, against this Donum. */
function cliExample(url: string) {
  const local = url === "http://localhost:3000";
  const urlOption = local ? "" : ` --url ${url}`;
  return {
    command: `npm run -s donum -- check --subject BE/BE/85073003328 --categories imaging.ct,report.radiology --purpose DS:MONDO:0008903 --ai AI_TRAINING --recipient "Uni Leuven" --recipient-type public --recipient-country BE --permit P-2026-001${urlOption}`,
    output: [
      "DENY  NO_CONSENT",
      "  subject ref   7Ly-VfAZkDQZA_7vf8u5Zpk_EwNRpY4f  (this node's reference for the person; Donum never returns the identifier)",
      "  decision id   48afeda0-d0df-4d7a-823a-8c5ff12dbbb0",
      "  issued        2026-06-01T10:00:00Z, valid until 2026-06-01T10:15:00Z",
      "  consent       none",
      "  permit        P-2026-001",
      "  request hash  sha256:91469c0350e24f8cc25b3f1c88858945bab84f8ff8380b3353974c8a94c98957",
      `  issuer        ${url}, to node demo-node`,
      `signature verified against ${url}/.well-known/jwks.json (kid qxNih5vxMv6zaIhrdW7q8tiNox4dvPun4O3BRS0rIJ0, ES256)`,
    ].join("\n"),
    more: [
      `npm run -s donum -- check … --json > decision.json        # keep the token as evidence`,
      `npm run -s donum -- verify decision.json --jwks donum-jwks.json --at 2026-06-01T10:05:00Z`,
      `npm run -s donum -- check-batch --subjects-file ids.txt --categories imaging.ct --purpose HMB --recipient "Uni Leuven" --recipient-type public --recipient-country BE --permit P-2026-001`,
      `npm run -s donum -- feed --after 41 --follow`,
    ].join("\n"),
  };
}

const TAG_SECTIONS: { tag: string; id: string; title: string }[] = [
  { tag: "node", id: "node-api", title: "Node API" },
  { tag: "keys", id: "keys", title: "Donum's keys" },
  { tag: "service", id: "service", title: "Service" },
  { tag: "portal", id: "portal", title: "Portal calls (cookie-authenticated)" },
];

const h2 = "text-2xl font-semibold tracking-tight text-brand-700";

export default async function ApiReferencePage() {
  await connection(); // the examples name the running portal's public URL
  const url = getConfig().publicUrl;
  const doc = openApiDocument(url);
  const byTag = operationsByTag(doc);
  const example = cliExample(url);
  const tagInfo = new Map(doc.tags.map((t) => [t.name, t.description]));

  return (
    <div lang="en" className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold text-brand-800">Donum API reference</h1>
      <Prose text={doc.info.description} className="mt-3 max-w-3xl" />
      <p className="mt-3">
        API version {doc.info.version}. Machine-readable: <a href="/api/v1/openapi.json">the OpenAPI {doc.openapi} document</a> (generated from the same
        schemas the API validates with).
      </p>

      <nav aria-labelledby="toc-heading" className="mt-6 rounded-lg border-2 border-line bg-white p-4">
        <h2 id="toc-heading" className="text-lg font-semibold">
          On this page
        </h2>
        <ul className="mt-2 space-y-1">
          <li>
            <a href="#authentication">Authentication</a>
          </li>
          <li>
            <a href="#cli">Try it with the CLI</a>
          </li>
          {TAG_SECTIONS.filter((s) => byTag.has(s.tag)).map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
              <ul className="ml-5 list-disc">
                {byTag.get(s.tag)!.map((e) => (
                  <li key={e.op.operationId}>
                    <a href={`#${e.op.operationId}`}>
                      <span className="font-mono text-sm">
                        {e.method.toUpperCase()} {e.path}
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          <li>
            <a href="#problems">Problem codes</a>
          </li>
        </ul>
      </nav>

      <section id="authentication" aria-labelledby="authentication-heading" className="mt-10 scroll-mt-4">
        <h2 id="authentication-heading" className={h2}>
          Authentication
        </h2>
        <p className="mt-3 max-w-3xl">
          Every call of the node API carries <code className="font-mono">Authorization: DonumNode &lt;compact JWS&gt;</code>: a token the node signs
          with its private key for that one request. Donum registers only the node&apos;s public key. The token is bound to Donum&apos;s address, the
          method, the path and query, and a SHA-256 digest of the exact body bytes; it is valid for at most 60 seconds and accepted once.
        </p>
        <h3 className="mt-5 text-lg font-semibold">Token header</h3>
        <Table
          caption="Header of the request token"
          headers={["Member", "Value"]}
          rows={NODE_TOKEN_HEADER.map((m) => ({ key: m.name, cells: [<code key="n" className="font-mono">{m.name}</code>, <Inline key="v" text={m.value} />] }))}
        />
        <h3 className="mt-5 text-lg font-semibold">Token claims</h3>
        <Table
          caption="Claims of the request token"
          headers={["Claim", "What it must be"]}
          rows={NODE_TOKEN_CLAIMS.map((m) => ({ key: m.name, cells: [<code key="n" className="font-mono">{m.name}</code>, <Inline key="v" text={m.value} />] }))}
        />
        <p className="mt-3 max-w-3xl">
          A refused request is answered 401 with its own problem code (listed under <a href="#problems">Problem codes</a>) and{" "}
          <code className="font-mono">WWW-Authenticate: DonumNode</code>, and is recorded in the audit trail. Donum&apos;s answers are signed too:
          verify each one against <a href="/.well-known/jwks.json">/.well-known/jwks.json</a> before relying on it. The SDK (
          <code className="font-mono">lib/client</code>, <code className="font-mono">DonumClient</code>) and the CLI below sign every request and
          verify every answer for you.
        </p>
        <p className="mt-3 max-w-3xl">
          The portal&apos;s own calls (<code className="font-mono">/api/me/…</code>, <code className="font-mono">/api/operator/…</code>) use the
          session cookie of a citizen or operator signed in with their national eID; they are listed for completeness and are not meant for
          machine clients.
        </p>
      </section>

      <section id="cli" aria-labelledby="cli-heading" className="mt-10 scroll-mt-4">
        <h2 id="cli-heading" className={h2}>
          Try it with the CLI
        </h2>
        <p className="mt-3 max-w-3xl">
          On the machine that runs Donum with its embedded defaults, the CLI acts as the demo imaging node (<code className="font-mono">demo-node</code>,
          whose key Donum wrote to <code className="font-mono">data/keys/demo-node.private.jwk</code> on its first start). Elsewhere, pass{" "}
          <code className="font-mono">--url</code>, <code className="font-mono">--node</code> and <code className="font-mono">--key</code>. It prints
          the decision only once its signature has been verified, and never prints the national identifier.
        </p>
        <CodeBlock label="Ask whether a release is allowed">{example.command}</CodeBlock>
        <CodeBlock label="Output (the references, ids and key differ on every installation)">{example.output}</CodeBlock>
        <p className="mt-3 max-w-3xl">
          The exit code is 0 for PERMIT and DENY alike (a DENY is an answer; add <code className="font-mono">--fail-on-deny</code> to make it exit 1)
          and 1 when there is no verified answer. More:
        </p>
        <CodeBlock label="Keep evidence, verify it offline, check a batch, follow the withdrawal feed">{example.more}</CodeBlock>
      </section>

      {TAG_SECTIONS.filter((s) => byTag.has(s.tag)).map((s) => (
        <section key={s.id} id={s.id} aria-labelledby={`${s.id}-heading`} className="mt-10 scroll-mt-4">
          <h2 id={`${s.id}-heading`} className={h2}>
            {s.title}
          </h2>
          {tagInfo.get(s.tag) ? <Prose text={tagInfo.get(s.tag)!} className="mt-3 max-w-3xl" /> : null}
          <div className="mt-4 space-y-6">
            {byTag.get(s.tag)!.map((e) => (
              <Operation key={e.op.operationId} doc={doc} method={e.method} path={e.path} op={e.op} portal={s.tag === "portal"} />
            ))}
          </div>
        </section>
      ))}

      <section id="problems" aria-labelledby="problems-heading" className="mt-10 scroll-mt-4">
        <h2 id="problems-heading" className={h2}>
          Problem codes
        </h2>
        <p className="mt-3 max-w-3xl">
          Every error is RFC 9457 <code className="font-mono">application/problem+json</code> with a stable <code className="font-mono">code</code>,
          its <code className="font-mono">title</code>, and often a <code className="font-mono">detail</code>; invalid fields are listed in{" "}
          <code className="font-mono">errors</code>. An unexpected error never shows internals: its detail carries a correlation id.
        </p>
        <Table
          caption="Problem codes"
          headers={["Code", "Status", "Title", "When, and what to do"]}
          rows={doc["x-problem-codes"].map((p) => ({
            key: p.code,
            cells: [
              <code key="c" id={`problem-${p.code}`} className="scroll-mt-4 font-mono text-xs">
                {p.code}
              </code>,
              p.status,
              p.title,
              <Inline key="w" text={p.when} />,
            ],
          }))}
        />
      </section>
    </div>
  );
}
