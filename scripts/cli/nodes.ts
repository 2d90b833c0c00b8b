/**
 * `donum nodes …`: the registry of imaging nodes. Register a node with its public key (or
 * generate a key pair for testing), list the nodes, suspend and reactivate one, rotate its key,
 * and list the requests that were refused. The use cases live in lib/nodes/registry.ts.
 */
import { readFileSync, unlinkSync } from "node:fs";
import { userInfo } from "node:os";
import { resolve } from "node:path";
import type { Actor, AuditEntry } from "../../lib/audit/events";
import { writePrivateJwkFile } from "../../lib/client/node-key";
import { AppError } from "../../lib/errors";
import { generateNodeKey, NODE_KEY_ALGORITHMS, type NodeKeyAlgorithm } from "../../lib/nodes/keys";
import type { ImagingNode } from "../../lib/nodes/node";
import { keyState, listNodes, MAX_KEY_GRACE_SECONDS, registerNode, rotateNodeKey, setNodeStatus } from "../../lib/nodes/registry";
import { RECIPIENT_TYPES } from "../../lib/consent/vocabulary";
import { CliError, UsageError, type CliContext, type CommandGroup, type CommandSpec, type Options } from "./framework";

/** The operator who runs the CLI, as the audit trail records them (as `forms` does). */
function operatorActor(): Actor {
  let name: string;
  try {
    name = userInfo().username || `uid-${process.getuid?.() ?? "unknown"}`;
  } catch {
    name = `uid-${process.getuid?.() ?? "unknown"}`;
  }
  return { kind: "operator", id: `cli:${name}`.slice(0, 200) };
}

const str = (o: Options, name: string): string | undefined => (typeof o[name] === "string" ? (o[name] as string) : undefined);

function required(o: Options, name: string): string {
  const v = str(o, name);
  if (v === undefined || v === "") throw new UsageError(`missing --${name}`);
  return v;
}

function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError("INVALID_INPUT", `${path} is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

function algOption(o: Options): NodeKeyAlgorithm {
  const alg = str(o, "alg") ?? "ES256";
  if (!(NODE_KEY_ALGORITHMS as readonly string[]).includes(alg)) throw new UsageError(`--alg must be one of ${NODE_KEY_ALGORITHMS.join(", ")} (got "${alg}")`);
  return alg as NodeKeyAlgorithm;
}

/**
 * The public key to register: read from --public-key, or generated with --generate-key (the
 * private key written to that path first, never over an existing file). `undo` removes a
 * generated file again when the registration fails.
 */
function keyFromOptions(o: Options): { publicJwk: unknown; generated: { path: string; kid: string } | null; undo(): void } {
  const file = str(o, "public-key");
  const out = str(o, "generate-key");
  if ((file === undefined) === (out === undefined)) throw new UsageError("give exactly one of --public-key <file> and --generate-key <out>");
  if (file !== undefined) {
    if (o.alg !== undefined) throw new UsageError("--alg goes with --generate-key only (a key file says its own type)");
    return { publicJwk: readJsonFile(file), generated: null, undo: () => undefined };
  }
  const path = resolve(out!);
  const key = generateNodeKey(algOption(o));
  if (!writePrivateJwkFile(path, key.privateJwk)) {
    throw new CliError("KEY_FILE_EXISTS", `${path} already exists; a key file is never overwritten. Choose another path.`);
  }
  return { publicJwk: key.publicJwk, generated: { path, kid: key.kid }, undo: () => unlinkSync(path) };
}

const KEY_OPTIONS = [
  { name: "public-key", type: "string", value: "<file>", description: "The node's public key, a JWK file (ES256: EC P-256; EdDSA: OKP Ed25519)" },
  { name: "generate-key", type: "string", value: "<out>", description: "Instead: generate a key pair, write the private JWK to <out> (mode 0600) and register its public key" },
  { name: "alg", type: "string", value: "<ES256|EdDSA>", description: "With --generate-key: the key type (default ES256)" },
  { name: "kid", type: "string", value: "<kid>", description: "The key id (default: the JWK's kid, else its RFC 7638 thumbprint)" },
] as const satisfies CommandSpec["options"];

function keySummary(node: ImagingNode, now: Date): string {
  return node.keys
    .map((k) => {
      const s = keyState(k, now);
      return `${k.kid} (${k.jwk.kty === "EC" ? "ES256" : "EdDSA"}, ${s.state === "retiring" ? `active until ${s.until}` : s.state})`;
    })
    .join(", ");
}

function nodeJson(node: ImagingNode, now: Date): object {
  return {
    ...node,
    keys: node.keys.map((k) => ({ ...k, alg: k.jwk.kty === "EC" ? "ES256" : "EdDSA", state: keyState(k, now).state })),
  };
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd());
}

async function registered(ctx: CliContext, node: ImagingNode, verb: string, json: boolean, extra: string[] = []): Promise<void> {
  const { deps } = await ctx.container();
  if (json) {
    ctx.io.out(JSON.stringify(nodeJson(node, deps.now()), null, 2));
    return;
  }
  ctx.io.out(`${verb} node ${node.id} (${node.organisation}, ${node.country}, ${node.organisationType}): ${node.status}`);
  ctx.io.out(`Keys: ${keySummary(node, deps.now())}`);
  for (const line of extra) ctx.io.out(line);
}

const add: CommandSpec = {
  name: "add",
  summary: "Register a node with its public key (or a generated key pair, for testing)",
  description: [
    "The node id is lower-case letters, digits and dashes (3–63). The public key is a JWK: EC P-256",
    "(ES256) or OKP Ed25519 (EdDSA); a file that holds a private key (\"d\") is refused. With",
    "--generate-key, the private key is written to the path given (mode 0600, never over an existing",
    "file) and only the public key is registered. Relative paths are resolved from the project",
    "directory (npm runs scripts there).",
  ],
  args: [],
  options: [
    { name: "id", type: "string", value: "<id>", description: "The node id, e.g. uzleuven-pacs" },
    { name: "organisation", type: "string", value: "<name>", description: "The organisation that runs the node" },
    { name: "country", type: "string", value: "<CC>", description: "ISO 3166-1 alpha-2 country code, e.g. BE" },
    { name: "type", type: "string", value: `<${RECIPIENT_TYPES.join("|")}>`, description: "The organisation type" },
    ...KEY_OPTIONS,
    { name: "json", type: "boolean", description: "Print the registered node as JSON" },
  ],
  examples: [
    "npm run -s donum -- nodes add --id uzleuven-pacs --organisation 'UZ Leuven' --country BE --type public --public-key node.public.jwk",
    "npm run -s donum -- nodes add --id test-node --organisation 'Test' --country NL --type non_profit --generate-key ./test-node.private.jwk",
  ],
  async run(ctx, _args, o) {
    const input = {
      id: required(o, "id"),
      organisation: required(o, "organisation"),
      country: required(o, "country"),
      organisationType: required(o, "type"),
      ...(str(o, "kid") ? { kid: str(o, "kid") } : {}),
    };
    const key = keyFromOptions(o);
    let node: ImagingNode;
    try {
      const { deps } = await ctx.container();
      node = await registerNode(deps, operatorActor(), { ...input, publicJwk: key.publicJwk });
    } catch (e) {
      key.undo();
      throw e;
    }
    await registered(ctx, node, "Registered", o.json === true, key.generated ? [`Private key written to ${key.generated.path} (mode 0600). Keep it at the node; Donum keeps only the public key.`] : []);
  },
};

const list: CommandSpec = {
  name: "list",
  summary: "List the registered nodes: id, status, country, type, organisation and keys",
  args: [],
  options: [{ name: "json", type: "boolean", description: "Print JSON instead of a table" }],
  examples: ["npm run -s donum -- nodes list", "npm run -s donum -- nodes list --json"],
  async run(ctx, _args, o) {
    const { deps } = await ctx.container();
    const nodes = await listNodes(deps, operatorActor());
    const now = deps.now();
    if (o.json) {
      ctx.io.out(JSON.stringify(nodes.map((n) => nodeJson(n, now)), null, 2));
      return;
    }
    if (nodes.length === 0) {
      ctx.io.out("No node is registered.");
      return;
    }
    const rows = [["ID", "STATUS", "COUNTRY", "TYPE", "ORGANISATION", "KEYS"], ...nodes.map((n) => [n.id, n.status, n.country, n.organisationType, n.organisation, keySummary(n, now)])];
    ctx.io.out(table(rows).join("\n"));
  },
};

function statusCommand(name: "suspend" | "activate", status: "suspended" | "active"): CommandSpec {
  return {
    name,
    summary: name === "suspend" ? "Suspend a node: its requests are refused (401 NODE_SUSPENDED) until it is activated" : "Reactivate a suspended node",
    args: [{ name: "id", description: "The node id" }],
    options: [],
    examples: [`npm run -s donum -- nodes ${name} uzleuven-pacs`],
    async run(ctx, [id]) {
      const { deps } = await ctx.container();
      const { node, changed } = await setNodeStatus(deps, operatorActor(), { id, status });
      ctx.io.out(changed ? `Node ${node.id} is now ${node.status}.` : `Node ${node.id} was already ${node.status}; nothing changed.`);
    },
  };
}

const rotateKey: CommandSpec = {
  name: "rotate-key",
  summary: "Add a new key to a node and retire the previous one (at once, or after --grace seconds)",
  description: [
    "The new key is active at once. The keys accepted until now are retired: immediately, or with",
    `--grace <seconds> (up to ${MAX_KEY_GRACE_SECONDS}) they stay accepted until then, so that the node can switch`,
    "without refused requests. A retired key is kept in the record but never accepted again.",
  ],
  args: [{ name: "id", description: "The node id" }],
  options: [
    ...KEY_OPTIONS,
    { name: "grace", type: "string", value: "<seconds>", description: "Keep accepting the previous keys for this long (default 0: retire at once)" },
    { name: "json", type: "boolean", description: "Print the node as JSON" },
  ],
  examples: [
    "npm run -s donum -- nodes rotate-key uzleuven-pacs --public-key new.public.jwk --grace 3600",
    "npm run -s donum -- nodes rotate-key test-node --generate-key ./test-node.2.private.jwk",
  ],
  async run(ctx, [id], o) {
    const graceArg = str(o, "grace") ?? "0";
    if (!/^\d{1,9}$/.test(graceArg)) throw new UsageError(`--grace must be a whole number of seconds (got "${graceArg}")`);
    const key = keyFromOptions(o);
    let result;
    try {
      const { deps } = await ctx.container();
      result = await rotateNodeKey(deps, operatorActor(), {
        id,
        publicJwk: key.publicJwk,
        graceSeconds: Number(graceArg),
        ...(str(o, "kid") ? { kid: str(o, "kid") } : {}),
      });
    } catch (e) {
      key.undo();
      throw e;
    }
    const retired = result.retiredKeyIds.length
      ? `Previous key(s) ${result.retiredKeyIds.join(", ")} ${result.retiresAt ? `accepted until ${result.retiresAt}, retired afterwards` : "retired"}.`
      : "No previous key was active.";
    await registered(ctx, result.node, "Rotated the key of", o.json === true, [
      `Added key ${result.addedKeyId}. ${retired}`,
      ...(key.generated ? [`Private key written to ${key.generated.path} (mode 0600).`] : []),
    ]);
  },
};

type Refusal = Extract<AuditEntry, { type: "node.request_refused" }>;
const isRefusal = (e: AuditEntry): e is Refusal => e.type === "node.request_refused";

/** "24h", "30m", "7d" back from now, or an ISO time. */
function parseSince(value: string, now: Date): Date {
  const rel = /^(\d{1,6})([smhd])$/.exec(value);
  if (rel) {
    const unit = { s: 1, m: 60, h: 3600, d: 86400 }[rel[2] as "s" | "m" | "h" | "d"];
    return new Date(now.getTime() - Number(rel[1]) * unit * 1000);
  }
  const t = Date.parse(value);
  if (!/^\d{4}-\d\d-\d\d/.test(value) || Number.isNaN(t)) throw new UsageError(`--since must be a duration such as 30m, 24h or 7d, or an ISO time (got "${value}")`);
  return new Date(t);
}

const refusals: CommandSpec = {
  name: "refusals",
  summary: "List refused node requests (the node.request_refused audit entries), oldest first",
  description: ["Each entry: time, code, the node the request claimed to be from (if readable), method and path."],
  args: [],
  options: [
    { name: "node", type: "string", value: "<id>", description: "Only refusals of requests that claimed to be from this node" },
    { name: "since", type: "string", value: "<time>", description: "From this long ago (30m, 24h, 7d) or this ISO time (default 24h)" },
    { name: "limit", type: "string", value: "<n>", description: "At most the newest n (default 100)" },
    { name: "json", type: "boolean", description: "Print JSON" },
  ],
  examples: ["npm run -s donum -- nodes refusals --since 1h", "npm run -s donum -- nodes refusals --node uzleuven-pacs --json"],
  async run(ctx, _args, o) {
    const limitArg = str(o, "limit") ?? "100";
    if (!/^[1-9]\d{0,5}$/.test(limitArg)) throw new UsageError(`--limit must be a whole number from 1 (got "${limitArg}")`);
    const { deps, stores } = await ctx.container();
    const now = deps.now();
    const from = parseSince(str(o, "since") ?? "24h", now);
    const nodeId = str(o, "node");
    const found: Refusal[] = [];
    let cursor: string | null = null;
    do {
      const page = await stores.audit.listByTime(from, new Date(now.getTime() + 1000), { limit: 500, cursor });
      for (const e of page.items) if (isRefusal(e) && (nodeId === undefined || e.data.nodeId === nodeId)) found.push(e);
      cursor = page.cursor;
    } while (cursor);
    const shown = found.slice(-Number(limitArg));
    const rows = shown.map((e) => ({ at: e.at, code: e.data.code, nodeId: e.data.nodeId, method: e.data.method, path: e.data.path }));
    if (o.json) {
      ctx.io.out(JSON.stringify(rows, null, 2));
      return;
    }
    if (rows.length === 0) {
      ctx.io.out(`No refused request since ${from.toISOString()}.`);
      return;
    }
    ctx.io.out(table([["TIME", "CODE", "NODE", "METHOD", "PATH"], ...rows.map((r) => [r.at, r.code, r.nodeId ?? "-", r.method, r.path])]).join("\n"));
  },
};

export const nodesCommands: CommandGroup = {
  name: "nodes",
  summary: "Imaging nodes: add, list, suspend, activate, rotate-key, refusals",
  commands: [add, list, statusCommand("suspend", "suspended"), statusCommand("activate", "active"), rotateKey, refusals],
};
