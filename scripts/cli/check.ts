/**
 * `donum check | check-batch | verify | feed | whoami`: the command line of an imaging node, on
 * top of the SDK (lib/client). Works against the embedded default with the demo node out of the
 * box: Donum's address defaults to the portal's own (DONUM_PUBLIC_URL, else
 * http://localhost:$PORT), the node to demo-node and its key to <data dir>/keys/<node>.private.jwk,
 * the file the embedded default writes on first start.
 *
 * Every answer is verified before anything is printed about it: the signature against Donum's
 * JWK Set, the audience (this node), the issuer (Donum's URL), the expiry, and that it answers the
 * request sent. National identifiers are never printed: a person is shown by the subject
 * reference Donum gave this node (and, in a batch, by the line of the subjects file).
 *
 * The group is `client`; scripts/donum.ts also takes each command on its own (`donum check …`).
 * No container is opened: these commands talk to Donum over HTTP, as a node would.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  DonumApiError,
  DonumClient,
  DonumVerificationError,
  DonumVerifier,
  NodeKeyFileError,
  readPrivateJwkFile,
  type BatchClaims,
  type BatchItem,
  type BatchLeaf,
  type DecisionClaims,
  type FeedClaims,
  type VerifyError,
} from "../../lib/client";
import { getConfig } from "../../lib/config";
import { AI_USES, DATA_CATEGORIES, RECIPIENT_TYPES } from "../../lib/consent/vocabulary";
import { BatchCheckRequest, MAX_BATCH_SUBJECTS, MAX_FEED_LIMIT, SingleCheckRequest, type BatchCheckRequestInput } from "../../lib/decisions/schemas";
import { BATCH_TYP, DECISION_TYP, FEED_TYP } from "../../lib/decisions/tokens";
import { CliError, UsageError, type CliIO, type CommandGroup, type CommandSpec, type OptionSpec, type Options } from "./framework";
import { loadJwks, networkCause } from "./jwks";

const DEMO_NODE = "demo-node";

// ---------------------------------------------------------------------------------------------
// Options shared by the commands

const CONNECTION_OPTIONS: OptionSpec[] = [
  { name: "url", type: "string", value: "<url>", description: "Donum's address (default: DONUM_PUBLIC_URL, else http://localhost:$PORT)" },
  { name: "node", type: "string", value: "<id>", description: `This node's registered id (default: ${DEMO_NODE}, the embedded default's demo node)` },
  { name: "key", type: "string", value: "<file>", description: "This node's private JWK, mode 0600 (default: <data dir>/keys/<node>.private.jwk)" },
];

const REQUEST_OPTIONS: OptionSpec[] = [
  { name: "categories", type: "string", value: "<a,b,…>", description: `Data categories, comma-separated: ${DATA_CATEGORIES.join(", ")}` },
  { name: "purpose", type: "string", value: "<GRU|HMB|DS:<MONDO>>", description: "The purpose in DUO terms, e.g. HMB or DS:MONDO:0008903 (lung cancer)" },
  { name: "ai", type: "string", value: `<${AI_USES.join("|")}>`, description: "The data will train or validate an AI model (default: neither)" },
  { name: "recipient", type: "string", value: "<organisation>", description: "The organisation that receives the data" },
  { name: "recipient-type", type: "string", value: `<${RECIPIENT_TYPES.join("|")}>`, description: "The recipient's type" },
  { name: "recipient-country", type: "string", value: "<CC>", description: "The recipient's country, ISO 3166-1 alpha-2 (e.g. BE)" },
  { name: "recontact", type: "boolean", description: "The project intends to re-contact the person" },
  { name: "permit", type: "string", value: "<reference>", description: "The data permit or project the release is made under" },
];

const JSON_OPTION: OptionSpec = { name: "json", type: "boolean", description: "Print the verified answer as JSON (token included: keep it as evidence)" };

const str = (o: Options, name: string): string | undefined => (typeof o[name] === "string" ? (o[name] as string) : undefined);

function required(o: Options, name: string): string {
  const v = str(o, name);
  if (v === undefined || v.trim() === "") throw new UsageError(`missing --${name}`);
  return v;
}

interface Target {
  /** Donum's address, without a trailing slash. */
  url: string;
  nodeId: string;
}

function target(o: Options): Target {
  const url = (str(o, "url") ?? getConfig().publicUrl).replace(/\/+$/, "");
  if (!/^https?:\/\/[^/]+$/.test(url)) throw new UsageError(`--url must be Donum's address, scheme and host (and port), e.g. http://localhost:3000 (got "${url}")`);
  return { url, nodeId: str(o, "node") ?? DEMO_NODE };
}

function clientFor(o: Options): { client: DonumClient; url: string } {
  const { url, nodeId } = target(o);
  const given = str(o, "key");
  const file = given ?? join(getConfig().keys.dir, `${nodeId}.private.jwk`);
  let key;
  try {
    key = readPrivateJwkFile(file);
  } catch (e) {
    if (!(e instanceof NodeKeyFileError)) throw e;
    const hint =
      given === undefined && nodeId === DEMO_NODE && !existsSync(file)
        ? " The embedded default writes it on its first start (npm start); or pass --key <file>."
        : given === undefined && !existsSync(file)
          ? " Pass the node's private key with --key <file>."
          : "";
    throw new CliError("KEY_FILE", `${e.message}.${hint}`);
  }
  const client = new DonumClient({ baseUrl: url, nodeId, privateJwk: key.privateJwk, ...(key.kid ? { kid: key.kid } : {}) });
  return { client, url };
}


/**
 * Runs a call to Donum and turns its failures into one CLI error line: Donum's problem code and
 * title (and each field), a verification failure under its code, or UNREACHABLE.
 */
async function calling<T>(url: string, call: () => Promise<T>, fieldName: (path: string) => string = (p) => p): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof DonumApiError) {
      const p = e.problem;
      const fields = (p?.errors ?? []).slice(0, 6).map((i) => `${fieldName(i.path)}: ${i.message}`);
      if ((p?.errors?.length ?? 0) > 6) fields.push(`and ${p!.errors!.length - 6} more`);
      const text = [p?.title ?? `Donum answered ${e.status}`, p?.detail].filter(Boolean).join(": ");
      const retry = e.retryAfterSeconds !== null ? ` (retry after ${e.retryAfterSeconds} s)` : "";
      throw new CliError(e.code ?? `HTTP_${e.status}`, `${text}${retry}${fields.length ? ` — ${fields.join("; ")}` : ""}`);
    }
    if (e instanceof DonumVerificationError) {
      throw new CliError(e.code, `Donum's answer does not verify, so it was not used: ${e.message.replace(`${e.code}: `, "")}`);
    }
    if (e instanceof TypeError && /fetch failed/i.test(e.message)) {
      throw new CliError("UNREACHABLE", `cannot reach Donum at ${url} (${networkCause(e)}). Is it running (npm start)? Otherwise pass --url.`);
    }
    throw e;
  }
}

/** The option a field of the check's body comes from, for messages about it. */
function optionOf(path: string): string {
  const options: [RegExp, string][] = [
    [/^subjects?(\.|$)/, "--subject"],
    [/^request\.dataCategories/, "--categories"],
    [/^request\.purpose/, "--purpose"],
    [/^request\.aiUse/, "--ai"],
    [/^request\.recipient\.organisation/, "--recipient"],
    [/^request\.recipient\.type/, "--recipient-type"],
    [/^request\.recipient\.country/, "--recipient-country"],
    [/^request\.requiresRecontact/, "--recontact"],
    [/^permitReference/, "--permit"],
  ];
  return options.find(([re]) => re.test(path))?.[1] ?? path;
}

function purposeOf(text: string): unknown {
  const t = text.trim();
  if (t === "GRU" || t === "HMB") return { code: t };
  const ds = /^DS:(.+)$/.exec(t);
  if (ds) return { code: "DS", disease: ds[1] };
  throw new UsageError(`--purpose must be GRU, HMB or DS:<MONDO code> (e.g. DS:MONDO:0008903), not "${t}"`);
}

/** The request shared by check and check-batch, from the options. */
function requestOf(o: Options): { request: unknown; permitReference: string } {
  const ai = str(o, "ai");
  return {
    request: {
      dataCategories: required(o, "categories")
        .split(",")
        .map((c) => c.trim())
        .filter(Boolean),
      purpose: purposeOf(required(o, "purpose")),
      aiUse: ai === undefined ? null : ai,
      recipient: { organisation: required(o, "recipient"), type: required(o, "recipient-type"), country: required(o, "recipient-country") },
      requiresRecontact: o.recontact === true,
    },
    permitReference: required(o, "permit"),
  };
}

/** zod issues as a usage error naming the options (never the values: an identifier is never echoed). */
function invalidOptions(issues: readonly { path: PropertyKey[]; message: string }[], fieldName: (path: string) => string = optionOf): UsageError {
  const lines = issues.slice(0, 6).map((i) => `${fieldName(i.path.map(String).join("."))}: ${i.message}`);
  if (issues.length > 6) lines.push(`and ${issues.length - 6} more`);
  return new UsageError(lines.join("; "));
}

// ---------------------------------------------------------------------------------------------
// Printing

const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace(".000Z", "Z");

function rows(io: CliIO, pairs: [string, string][]): void {
  const w = Math.max(...pairs.map(([k]) => k.length));
  for (const [k, v] of pairs) io.out(`  ${k.padEnd(w)}  ${v}`);
}

function reasonsText(reasons: DecisionClaims["reasons"]): string {
  return reasons.map((r) => (r.values?.length ? `${r.code} (${r.values.join(", ")})` : r.code)).join(", ");
}

function consentText(d: Pick<DecisionClaims, "consentId" | "consentVersion" | "formVersion">): string {
  return d.consentId === null ? "none" : `${d.consentId} version ${d.consentVersion ?? "?"} (consent form version ${d.formVersion ?? "?"})`;
}

function printDecision(io: CliIO, d: DecisionClaims): void {
  io.out(d.decision === "PERMIT" ? "PERMIT" : `DENY  ${reasonsText(d.reasons)}`);
  rows(io, [
    ["subject ref", `${d.sub}  (this node's reference for the person; Donum never returns the identifier)`],
    ["decision id", d.jti],
    ["issued", `${iso(d.iat)}, valid until ${iso(d.exp)}`],
    ["consent", consentText(d)],
    ["permit", d.permitReference],
    ["request hash", d.requestHash],
    ["issuer", `${d.iss}, to node ${d.aud}`],
  ]);
}

const verifiedLine = (source: string, v: { kid: string; alg: string }) => `signature verified against ${source} (kid ${v.kid}, ${v.alg})`;

function countsOf<T extends string>(values: readonly T[]): [T, number][] {
  const m = new Map<T, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

const n = (x: number) => x.toLocaleString("en-GB");

function printBatchSummary(io: CliIO, claims: BatchClaims, leaves: readonly BatchLeaf[] | null): void {
  if (leaves) {
    const permits = leaves.filter((l) => l.decision === "PERMIT").length;
    io.out(`${n(leaves.length)} subject${leaves.length === 1 ? "" : "s"}, one signature: ${n(permits)} PERMIT, ${n(leaves.length - permits)} DENY`);
  } else {
    io.out(`batch of ${n(claims.batch.treeSize)} decisions under one signature`);
  }
  const reasons = leaves ? countsOf(leaves.flatMap((l) => l.reasons.map((r) => r.code))) : [];
  rows(io, [
    ...(reasons.length ? ([["DENY reasons", reasons.map(([code, count]) => `${code} ${n(count)}`).join(", ")]] as [string, string][]) : []),
    ["batch id", claims.jti],
    ["issued", `${iso(claims.iat)}, valid until ${iso(claims.exp)}`],
    ["Merkle root", `${claims.batch.rootHash} (RFC 9162, ${n(claims.batch.treeSize)} items)`],
    ["permit", claims.batch.permitReference],
    ["request hash", claims.batch.requestHash],
    ["issuer", `${claims.iss}, to node ${claims.aud}`],
  ]);
}

function itemLine(leaf: BatchLeaf, lineOf?: (index: number) => number): string {
  const where = lineOf ? `line ${lineOf(leaf.index)}` : `item ${leaf.index}`;
  return `  ${where.padEnd(11)} ${leaf.decision.padEnd(6)}  ${leaf.sub}  ${reasonsText(leaf.reasons)}`.trimEnd();
}

function printFeedItems(io: CliIO, page: FeedClaims): void {
  for (const i of page.items) io.out(`  seq ${String(i.seq).padEnd(8)} ${i.change.padEnd(10)} ${i.sub}  ${i.at}  consent v${i.consentVersion}`);
}

function feedSummary(page: FeedClaims): string {
  const from = page.cursor === null ? "from the start" : `after cursor ${page.cursor}`;
  const count = page.items.length === 0 ? "no changes" : `${n(page.items.length)} change${page.items.length === 1 ? "" : "s"}`;
  const next = page.nextCursor === null ? "the feed is empty" : `next cursor ${page.nextCursor}${page.hasMore ? " (more waiting: ask again at once)" : ""}`;
  return `${count} ${from}; ${next}`;
}

// ---------------------------------------------------------------------------------------------
// Commands

const EXIT_LINES = [
  "Exit code 0 when Donum answered and the answer verified: PERMIT and DENY alike. A DENY is an",
  "answer, not a failure of the command; read the first word printed (or .decision.decision with",
  "--json), or add --fail-on-deny. Exit code 1 when there is no verified answer: Donum refused the",
  "request (its problem code: NODE_UNKNOWN, INVALID_SUBJECT_IDENTIFIER, RATE_LIMITED, …), could not",
  "be reached (UNREACHABLE), or answered with something that does not verify (BAD_SIGNATURE,",
  "REQUEST_MISMATCH, …); and DENIED with --fail-on-deny. Exit code 2: usage or configuration error.",
];

const check: CommandSpec = {
  name: "check",
  summary: "Ask Donum whether one person's consent allows a release; prints the verified decision",
  description: [
    "Sends a signed POST /api/v1/decisions as the node, verifies the signed decision (signature",
    "against Donum's /.well-known/jwks.json, issuer, audience, expiry, and the request hash of the",
    "request sent) and prints PERMIT or DENY with its reasons and references. The national",
    "identifier is sent once and never printed; the person is shown by this node's subject reference.",
    "",
    ...EXIT_LINES,
  ],
  args: [],
  options: [
    { name: "subject", type: "string", value: "<CC/CC/ID>", description: "The person's national identifier (eIDAS PersonIdentifier), e.g. BE/BE/85073003328" },
    ...REQUEST_OPTIONS,
    { name: "fail-on-deny", type: "boolean", description: "Exit with code 1 (error DENIED) when the answer is DENY" },
    JSON_OPTION,
    ...CONNECTION_OPTIONS,
  ],
  examples: [
    'npm run -s donum -- check --subject BE/BE/85073003328 --categories imaging.ct,report.radiology --purpose DS:MONDO:0008903 --ai AI_TRAINING --recipient "KU Leuven" --recipient-type public --recipient-country BE --permit P-2026-001',
    "npm run -s donum -- check --subject ES/ES/02635542Y --categories imaging.mr --purpose HMB --recipient 'Erasmus MC' --recipient-type public --recipient-country NL --permit P-2026-002 --json > decision.json",
  ],
  async run(ctx, _args, o) {
    const body = SingleCheckRequest.safeParse({ subject: { nationalId: required(o, "subject") }, ...requestOf(o) });
    if (!body.success) throw invalidOptions(body.error.issues);
    const { client, url } = clientFor(o);
    const result = await calling(url, () => client.check(body.data), optionOf);
    if (o.json) {
      ctx.io.out(JSON.stringify({ token: result.token, decision: result.decision, verified: { jwks: client.jwksUrl, kid: result.kid, alg: result.alg } }, null, 2));
    } else {
      printDecision(ctx.io, result.decision);
      ctx.io.out(verifiedLine(client.jwksUrl, result));
    }
    if (o["fail-on-deny"] === true && result.decision.decision === "DENY") {
      throw new CliError("DENIED", `the decision is DENY (${reasonsText(result.decision.reasons)})`);
    }
  },
};

/** The identifiers of a subjects file (one a line; blank lines and # comments skipped), with their line numbers. */
function readSubjects(file: string): { ids: string[]; lines: number[] } {
  let text: string;
  try {
    text = file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const ids: string[] = [];
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const id = raw.trim();
    if (id === "" || id.startsWith("#")) return;
    ids.push(id);
    lines.push(i + 1);
  });
  if (ids.length === 0) throw new UsageError(`${file} holds no identifier (one per line)`);
  return { ids, lines };
}

const checkBatch: CommandSpec = {
  name: "check-batch",
  summary: "Check many people under one request (a dataset release): one signature, every item verified",
  description: [
    `Sends a signed POST /api/v1/decisions/batch for the identifiers in --subjects-file (one per line,`,
    `at most ${n(MAX_BATCH_SUBJECTS)}; blank lines and lines starting with # are skipped; - reads standard`,
    "input), verifies the one signature and every item against the signed Merkle root, and prints the",
    "counts. --items lists each decision by its line in the file and this node's subject reference;",
    "identifiers are never printed. A malformed identifier refuses the whole batch",
    "(INVALID_SUBJECT_IDENTIFIER), named by its line.",
    "",
    "Exit code 0 when Donum answered and every item verified, whatever the decisions (a DENY is an",
    "answer, not a failure of the command); 1 when there is no verified answer (Donum's problem code,",
    "UNREACHABLE, or a verification code such as NOT_INCLUDED); 2: usage or configuration error.",
  ],
  args: [],
  options: [
    { name: "subjects-file", type: "string", value: "<file>", description: "National identifiers, one per line (- for standard input)" },
    ...REQUEST_OPTIONS,
    { name: "items", type: "boolean", description: "Also list every item: line, decision, subject reference, reasons" },
    JSON_OPTION,
    ...CONNECTION_OPTIONS,
  ],
  examples: [
    "npm run -s donum -- check-batch --subjects-file ids.txt --categories imaging.ct --purpose HMB --recipient 'KU Leuven' --recipient-type public --recipient-country BE --permit P-2026-001",
    "npm run -s donum -- check-batch --subjects-file ids.txt … --json > batch.json   # keep token and items as evidence",
  ],
  async run(ctx, _args, o) {
    const file = required(o, "subjects-file");
    const { ids, lines } = readSubjects(file);
    const lineOf = (index: number) => lines[index] ?? index + 1;
    // A field of the batch, named by the option or by the line of the subjects file it came from.
    const fieldName = (path: string) => {
      const m = /^subjects\.(\d+)\.nationalId$/.exec(path);
      return m ? `${file} line ${lineOf(Number(m[1]))}` : optionOf(path);
    };
    const raw = { subjects: ids.map((nationalId) => ({ nationalId })), ...requestOf(o) } as BatchCheckRequestInput;
    const body = BatchCheckRequest.safeParse(raw);
    // More than the limit is sent anyway, so that Donum's own 413 answers in its own words.
    const issues = body.success ? [] : body.error.issues.filter((i) => !(i.path.length === 1 && i.path[0] === "subjects" && i.code === "too_big"));
    if (issues.length > 0) throw invalidOptions(issues, fieldName);
    const input = body.success ? body.data : raw;
    const { client, url } = clientFor(o);
    const result = await calling(url, () => client.checkBatch(input), fieldName);
    if (o.json) {
      ctx.io.out(
        JSON.stringify(
          { token: result.token, batch: result.claims.batch, items: result.items, verified: { jwks: client.jwksUrl, kid: result.kid, alg: result.alg, items: result.items.length } },
          null,
          2,
        ),
      );
      return;
    }
    printBatchSummary(ctx.io, result.claims, result.leaves);
    if (o.items) for (const leaf of result.leaves) ctx.io.out(itemLine(leaf, lineOf));
    ctx.io.out(`every item verified against the signed root; ${verifiedLine(client.jwksUrl, result)}`);
  },
};


const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The token (and any batch items) from the argument: a compact JWS, or a file holding one or a saved answer. */
function readEvidence(arg: string): { token: string; items: unknown[] | null; from: string } {
  if (COMPACT_JWS.test(arg) && !existsSync(arg)) return { token: arg, items: null, from: "the command line" };
  let text: string;
  try {
    text = readFileSync(arg, "utf8").trim();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`"${arg.length > 60 ? `${arg.slice(0, 60)}…` : arg}" is neither a compact JWS nor a readable file${code ? ` (${code})` : ""}`);
  }
  if (!text.startsWith("{")) return { token: text, items: null, from: arg };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`${arg} is not JSON (expected a token, or an answer saved with --json)`);
  }
  const token = (json as { token?: unknown }).token;
  if (typeof token !== "string") throw new UsageError(`${arg} has no "token" (expected an answer saved with --json)`);
  const items = (json as { items?: unknown }).items;
  return { token, items: Array.isArray(items) ? items : null, from: arg };
}

/** The `typ` of a token's header, read without verifying (only to choose the verification). */
function typOf(token: string): string | null {
  try {
    const header = JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString("utf8")) as { typ?: unknown };
    return typeof header.typ === "string" ? header.typ.toLowerCase().replace(/^application\//, "") : null;
  } catch {
    return null;
  }
}

function notVerified(error: VerifyError, source: string, index: number | null = null): CliError {
  return new CliError(error.code, `${index !== null ? `item ${index}: ` : ""}${error.message} (checked against ${source})`);
}

const verify: CommandSpec = {
  name: "verify",
  summary: "Verify a decision, a batch item or a feed page offline, against Donum's JWK Set",
  description: [
    "<token-or-file> is a compact JWS, a file holding one, or an answer saved with --json (a batch",
    "answer's items are then all verified). With --item, one batch item (a JSON file holding one",
    "item of a batch answer, with its proof) is verified on its own against the batch token.",
    "The keys: --jwks, a JWK Set file kept by the node (no network) or a URL; default",
    "<url>/.well-known/jwks.json. The token must be issued by <url> to --node. A decision expires 15",
    "minutes after it is issued: check stored evidence as of the time of the release with --at.",
    "",
    "Exit code 0: verified; 1: not verified (the reason's code: BAD_SIGNATURE, NOT_INCLUDED, EXPIRED,",
    "WRONG_AUDIENCE, UNKNOWN_KID, …); 2: usage or configuration error.",
  ],
  args: [{ name: "token-or-file", description: "A compact JWS, or a file with one or with an answer saved with --json" }],
  options: [
    { name: "item", type: "string", value: "<file>", description: "A batch item (JSON, with its proof) to verify against the batch token" },
    { name: "jwks", type: "string", value: "<file|url>", description: "Donum's JWK Set: a file (offline) or a URL (default: <url>/.well-known/jwks.json)" },
    { name: "at", type: "string", value: "<time>", description: "Check validity as of this ISO 8601 time (the release), not now" },
    JSON_OPTION,
    CONNECTION_OPTIONS[0]!,
    CONNECTION_OPTIONS[1]!,
  ],
  examples: [
    "npm run -s donum -- verify decision.json",
    "npm run -s donum -- verify batch.json --item item-17.json --jwks donum-jwks.json --at 2026-06-01T10:05:00Z",
  ],
  async run(ctx, [arg], o) {
    const { url, nodeId } = target(o);
    const evidence = readEvidence(arg!);
    const at = str(o, "at");
    const now = at === undefined ? undefined : new Date(at);
    if (now && Number.isNaN(now.getTime())) throw new UsageError(`--at must be an ISO 8601 time, e.g. 2026-06-01T10:05:00Z (got "${at}")`);
    const itemFile = str(o, "item");
    let item: unknown = undefined;
    if (itemFile !== undefined) {
      try {
        item = JSON.parse(readFileSync(itemFile, "utf8"));
      } catch (e) {
        throw new UsageError(`--item: cannot read ${itemFile} as JSON (${(e as NodeJS.ErrnoException).code ?? "not JSON"})`);
      }
    }
    const source = str(o, "jwks") ?? `${url}/.well-known/jwks.json`;
    const verifier = new DonumVerifier({ nodeId, issuer: url, keys: await loadJwks(source) });
    const when = now ? { now } : {};
    const asOf = now ? ` (valid as of ${now.toISOString()})` : "";
    const typ = typOf(evidence.token);

    if (typ === BATCH_TYP) {
      if (item !== undefined) {
        const v = await verifier.verifyBatchItem(evidence.token, item, when);
        if (!v.ok) throw notVerified(v.error, source);
        if (o.json) return ctx.io.out(JSON.stringify({ verified: true, kid: v.header.kid, batch: v.claims, item: v.leaf }, null, 2));
        ctx.io.out(`batch item ${v.leaf.index} of ${n(v.claims.batch.treeSize)}: ${v.leaf.decision}${v.leaf.reasons.length ? `  ${reasonsText(v.leaf.reasons)}` : ""}`);
        rows(ctx.io, [
          ["subject ref", v.leaf.sub],
          ["consent", consentText(v.leaf)],
          ["request hash", v.leaf.requestHash],
          ["batch id", v.claims.jti],
          ["issued", `${iso(v.claims.iat)}, valid until ${iso(v.claims.exp)}`],
          ["permit", v.claims.batch.permitReference],
        ]);
        ctx.io.out(`item included in the signed root ${v.claims.batch.rootHash}; ${verifiedLine(source, { kid: v.header.kid, alg: v.header.alg })}${asOf}`);
        return;
      }
      if (evidence.items) {
        const v = await verifier.verifyBatchItems(evidence.token, evidence.items, when);
        if (!v.ok) throw notVerified(v.error, source, v.index);
        if (o.json) return ctx.io.out(JSON.stringify({ verified: true, kid: v.header.kid, batch: v.claims, items: v.leaves.length }, null, 2));
        printBatchSummary(ctx.io, v.claims, v.leaves);
        ctx.io.out(`every item verified against the signed root; ${verifiedLine(source, { kid: v.header.kid, alg: v.header.alg })}${asOf}`);
        return;
      }
      const v = await verifier.verifyBatchToken(evidence.token, when);
      if (!v.ok) throw notVerified(v.error, source);
      if (o.json) return ctx.io.out(JSON.stringify({ verified: true, kid: v.header.kid, batch: v.claims }, null, 2));
      printBatchSummary(ctx.io, v.claims, null);
      ctx.io.out(`${verifiedLine(source, { kid: v.header.kid, alg: v.header.alg })}${asOf}`);
      ctx.io.out("No item was given: add --item <file> to verify one item against this root.");
      return;
    }
    if (itemFile !== undefined) throw new UsageError("--item goes with a batch token (typ donum-decision-batch+jwt)");

    if (typ === FEED_TYP) {
      const v = await verifier.verifyFeedPage(evidence.token, { maxAgeSeconds: Number.POSITIVE_INFINITY, ...when });
      if (!v.ok) throw notVerified(v.error, source);
      if (o.json) return ctx.io.out(JSON.stringify({ verified: true, kid: v.header.kid, page: v.claims }, null, 2));
      ctx.io.out(`feed page issued ${iso(v.claims.iat)} to node ${v.claims.aud}: ${feedSummary(v.claims)}`);
      printFeedItems(ctx.io, v.claims);
      ctx.io.out(verifiedLine(source, { kid: v.header.kid, alg: v.header.alg }));
      return;
    }

    // A decision, or anything else (refused as UNEXPECTED_TYPE by the decision's verification).
    const v = await verifier.verifyDecision(evidence.token, when);
    if (!v.ok) throw notVerified(v.error, source);
    if (o.json) return ctx.io.out(JSON.stringify({ verified: true, kid: v.header.kid, decision: v.claims }, null, 2));
    printDecision(ctx.io, v.claims);
    ctx.io.out(`${verifiedLine(source, { kid: v.header.kid, alg: v.header.alg })}${asOf}`);
  },
};

function positiveInt(o: Options, name: string, max: number): number | undefined {
  const v = str(o, name);
  if (v === undefined) return undefined;
  if (!/^[0-9]+$/.test(v) || Number(v) < 1 || Number(v) > max) throw new UsageError(`--${name} must be a whole number from 1 to ${n(max)} (got "${v}")`);
  return Number(v);
}

const feed: CommandSpec = {
  name: "feed",
  summary: "Read this node's withdrawal feed: consent changes of the people it has checked, verified",
  description: [
    "Reads GET /api/v1/feed as the node and verifies each page (signature, audience, freshness, and",
    "that it starts at the cursor asked for). Each change names the person by this node's subject",
    "reference: stop using the data of each withdrawn or opted_out reference, then keep the next",
    "cursor and pass it as --after next time. --follow keeps polling (every --interval seconds once",
    "caught up) until Ctrl-C, and prints where to resume.",
  ],
  args: [],
  options: [
    { name: "after", type: "string", value: "<cursor>", description: "Read the changes after this cursor (the next cursor printed last time); default: from the start" },
    { name: "limit", type: "string", value: "<n>", description: `Changes per page, 1–${MAX_FEED_LIMIT} (default 100)` },
    { name: "follow", type: "boolean", description: "Keep following the feed until interrupted" },
    { name: "interval", type: "string", value: "<seconds>", description: "With --follow: seconds between polls once caught up (default 5)" },
    { name: "json", type: "boolean", description: "Print each verified page as one line of JSON: { token, page }" },
    ...CONNECTION_OPTIONS,
  ],
  examples: ["npm run -s donum -- feed", "npm run -s donum -- feed --after 41 --follow"],
  async run(ctx, _args, o) {
    const after = str(o, "after") ?? null;
    if (after !== null && !/^(0|[1-9][0-9]{0,14})$/.test(after)) throw new UsageError(`--after must be a cursor as printed by this command (a whole number), not "${after}"`);
    const limit = positiveInt(o, "limit", MAX_FEED_LIMIT);
    const interval = positiveInt(o, "interval", 3600) ?? 5;
    const { client, url } = clientFor(o);

    if (!o.follow) {
      const { token, page, kid, alg } = await calling(url, () => client.feed({ after, ...(limit !== undefined ? { limit } : {}) }));
      if (o.json) return ctx.io.out(JSON.stringify({ token, page }));
      ctx.io.out(`feed of node ${page.aud}: ${feedSummary(page)}`);
      printFeedItems(ctx.io, page);
      ctx.io.out(verifiedLine(client.jwksUrl, { kid, alg }));
      return;
    }

    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    if (!o.json) {
      ctx.io.out(`following the feed of node ${client.nodeId} at ${url} ${after === null ? "from the start" : `after cursor ${after}`}; every page verified against ${client.jwksUrl}. Ctrl-C to stop.`);
    }
    let last = after;
    try {
      last = await calling(url, () =>
        client.followFeed(
          (page, result) => {
            if (o.json) return ctx.io.out(JSON.stringify({ token: result.token, page }));
            printFeedItems(ctx.io, page);
            last = page.nextCursor ?? last;
          },
          { after, signal: controller.signal, intervalMs: interval * 1000, ...(limit !== undefined ? { limit } : {}) },
        ),
      );
    } finally {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      if (!o.json) ctx.io.out(last === null ? "stopped; nothing read yet." : `stopped at cursor ${last}; resume with --after ${last}`);
    }
  },
};

const whoami: CommandSpec = {
  name: "whoami",
  summary: "Which node Donum takes this key for: checks the key, the clock and the request signing",
  args: [],
  options: [JSON_OPTION, ...CONNECTION_OPTIONS],
  examples: ["npm run -s donum -- whoami", "npm run -s donum -- whoami --node uzleuven-pacs --key ./uzleuven-pacs.private.jwk --url https://donum.example.eu"],
  async run(ctx, _args, o) {
    const { client, url } = clientFor(o);
    const who = await calling(url, () => client.whoami());
    if (o.json) return ctx.io.out(JSON.stringify(who, null, 2));
    ctx.io.out(`${who.nodeId} (${who.organisation}): ${who.status}; request signed with key ${client.kid}, accepted by ${url}`);
  },
};

export const clientCommands: CommandGroup = {
  name: "client",
  summary: "As an imaging node: check consent, verify Donum's answers, follow the withdrawal feed (also: donum check …)",
  commands: [check, checkBatch, verify, feed, whoami],
};

/** `donum check …` is `donum client check …`; likewise every command of the group. */
export const CLIENT_SHORTHANDS: readonly string[] = clientCommands.commands.map((c) => c.name);
