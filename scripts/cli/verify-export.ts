/**
 * `donum verify-export <bundle-dir-or.tar> [--jwks <file|url>] [--portal <url>] [--offline]`
 * (also `donum audit verify-export …`): verifies an audit export bundle with
 * lib/audit/export/verify.ts and prints every check, ✓ or ✗ with its detail, then one summary line.
 *
 * Keys: --jwks (a file kept beforehand, or a URL); default <origin>/.well-known/jwks.json, where
 * the origin is the one the bundle names — pass --jwks to pin Donum's keys instead of trusting
 * the bundle to say where they are. The later checkpoint (append-only check): fetched from
 * --portal (default: the bundle's origin), GET /api/v1/log/checkpoint and
 * /api/v1/log/proof/consistency; --offline skips it (and needs --jwks <file>).
 *
 * No container is opened: this runs anywhere, without Donum's configuration or data.
 * Exit 0: every check passed; 1: a check failed (or the keys could not be fetched); 2: usage.
 */
import { readFileSync, statSync } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { BUNDLE_FILES } from "../../lib/audit/export/format";
import { extractTar, TarError } from "../../lib/audit/export/tar";
import { verifyBundle, type Check, type VerifyBundleOptions } from "../../lib/audit/export/verify";
import { CliError, UsageError, type CliIO, type CommandGroup, type CommandSpec, type Options } from "./framework";
import { loadJwks, networkCause } from "./jwks";

const str = (o: Options, name: string): string | undefined => (typeof o[name] === "string" ? (o[name] as string) : undefined);
const isUrl = (s: string) => /^https?:\/\//.test(s);
const FETCH_TIMEOUT_MS = 30_000;


async function getJson(url: string, accept = "application/json"): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (e) {
    throw new Error(`cannot fetch ${url} (${networkCause(e)})`);
  }
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  try {
    return await res.json();
  } catch {
    throw new Error(`${url} did not answer JSON`);
  }
}


/**
 * The origin and checkpoint size the bundle claims, read WITHOUT verifying — only to know where
 * to fetch keys and the later checkpoint from. Everything is verified afterwards.
 */
function claims(dir: string): { origin: string | null; treeSize: number | null } {
  type Claimed = { origin?: unknown; checkpoint?: { treeSize?: unknown } } | null;
  let manifest: Claimed;
  // Bounded like the verifier's own reads: a manifest is a few kilobytes.
  const small = (f: string) => {
    if (statSync(join(dir, f)).size > 1 << 20) throw new Error("too large");
    return readFileSync(join(dir, f), "utf8");
  };
  try {
    const jws = small(BUNDLE_FILES.manifestJws).trim();
    manifest = JSON.parse(Buffer.from(jws.split(".")[1] ?? "", "base64url").toString("utf8")) as Claimed;
  } catch {
    try {
      manifest = JSON.parse(small(BUNDLE_FILES.manifestJson)) as Claimed;
    } catch {
      manifest = null;
    }
  }
  const origin = typeof manifest?.origin === "string" && isUrl(manifest.origin) ? manifest.origin.replace(/\/+$/, "") : null;
  const size = manifest?.checkpoint?.treeSize;
  return { origin, treeSize: typeof size === "number" && Number.isSafeInteger(size) && size >= 0 ? size : null };
}

/** The portal's latest checkpoint and the consistency proof from the bundle's size to it. */
async function fetchLater(portal: string, bundleSize: number | null): Promise<NonNullable<VerifyBundleOptions["later"]>> {
  try {
    if (bundleSize === null) throw new Error("the bundle names no checkpoint size");
    const latest = (await getJson(`${portal}/api/v1/log/checkpoint`)) as { checkpoint?: unknown; treeSize?: unknown };
    if (typeof latest.checkpoint !== "string" || typeof latest.treeSize !== "number") throw new Error(`${portal}/api/v1/log/checkpoint did not answer a checkpoint`);
    // A smaller log has no consistency proof: the verifier reports that it shrank.
    if (latest.treeSize < bundleSize) return { checkpointJws: latest.checkpoint, consistencyProof: [] };
    const answer = (await getJson(`${portal}/api/v1/log/proof/consistency?from=${bundleSize}&to=${latest.treeSize}`)) as { proof?: unknown };
    if (!Array.isArray(answer.proof) || !answer.proof.every((h) => typeof h === "string")) throw new Error(`${portal} did not answer a consistency proof`);
    return { checkpointJws: latest.checkpoint, consistencyProof: answer.proof as string[] };
  } catch (e) {
    return { unavailable: `${(e as Error).message} (use --offline --jwks <file> to verify without the portal)` };
  }
}

function print(io: CliIO, checks: readonly Check[]): void {
  const width = Math.max(...checks.map((c) => c.check.length));
  for (const c of checks) io.out(`${c.skipped ? "–" : c.ok ? "✓" : "✗"} ${c.check.padEnd(width)}  ${c.detail}`);
}

function notVerified(io: CliIO, checks: readonly Check[]): CliError {
  const failed = checks.filter((c) => !c.ok);
  io.out(`NOT VERIFIED: ${failed.length} of ${checks.length} checks failed (${failed.map((c) => c.check).join(", ")})`);
  return new CliError("NOT_VERIFIED", "the bundle did not verify; see the ✗ lines above");
}

const verifyExport: CommandSpec = {
  name: "verify-export",
  summary: "Verify an audit export bundle (a directory or a .tar) offline: signatures, hashes, every entry's inclusion",
  description: [
    "Checks the signed manifest, every file's length and SHA-256, the signed checkpoint, that",
    "entries.ndjson holds exactly the entries the manifest describes (sequence, period, filters,",
    "counts), that entries.csv is their CSV, and that the entries with proof.ndjson rebuild the",
    "checkpoint's signed root hash (every entry is in Donum's log). Then, unless --offline, that the",
    "portal's latest checkpoint extends the bundle's (the log was only appended to since).",
    "",
    "Keys: --jwks, Donum's JWK Set as a file kept beforehand (recommended) or a URL; default",
    "<origin>/.well-known/jwks.json, the origin named by the bundle itself.",
    "",
    "Exit code 0: every check passed; 1: a check failed (tampering, or a key or the portal could not",
    "be reached); 2: usage error.",
  ],
  args: [{ name: "bundle", description: "The bundle: its directory, or the .tar downloaded from the portal" }],
  options: [
    { name: "jwks", type: "string", value: "<file|url>", description: "Donum's JWK Set (default: <origin>/.well-known/jwks.json, origin from the bundle)" },
    { name: "portal", type: "string", value: "<url>", description: "Where to fetch the latest checkpoint and consistency proof (default: the bundle's origin)" },
    { name: "offline", type: "boolean", description: "No network: needs --jwks <file>; the later checkpoint is not checked" },
  ],
  examples: [
    "npm run -s donum -- verify-export donum-export-3f2c….tar",
    "npm run -s donum -- verify-export ./donum-export-3f2c… --jwks donum-jwks.json --offline",
  ],
  async run(ctx, [bundleArg], o) {
    const offline = o.offline === true;
    const jwksOpt = str(o, "jwks");
    const portalOpt = str(o, "portal")?.replace(/\/+$/, "");
    if (offline && jwksOpt === undefined) throw new UsageError("--offline needs --jwks <file>: Donum's published keys, kept beforehand");
    if (offline && isUrl(jwksOpt ?? "")) throw new UsageError("--offline needs --jwks to be a file, not a URL");
    if (offline && portalOpt !== undefined) throw new UsageError("--offline and --portal exclude each other");
    if (portalOpt !== undefined && !/^https?:\/\/[^/]+$/.test(portalOpt)) throw new UsageError(`--portal must be the portal's address, e.g. https://donum.example.eu (got "${portalOpt}")`);

    const bundle = resolve(bundleArg!);
    let kind: "dir" | "file";
    try {
      const s = await stat(bundle);
      if (!s.isDirectory() && !s.isFile()) throw new Error("not a file");
      kind = s.isDirectory() ? "dir" : "file";
    } catch {
      throw new UsageError(`${bundleArg} is neither a bundle directory nor a .tar file`);
    }

    let temp: string | null = null;
    try {
      let dir = bundle;
      const pre: Check[] = [];
      if (kind === "file") {
        temp = await mkdtemp(join(tmpdir(), "donum-verify-export-"));
        try {
          const x = await extractTar(bundle, temp);
          dir = x.dir;
          pre.push({ check: "tar", ok: true, detail: `a well-formed tar of one directory (${x.files.length} files), extracted to a temporary directory` });
        } catch (e) {
          if (!(e instanceof TarError)) throw e;
          const failed = [{ check: "tar", ok: false, detail: `${e.message.replace(/^tar: /, "")}: the archive was refused, nothing else was checked` }];
          print(ctx.io, failed);
          throw notVerified(ctx.io, failed);
        }
      }

      const claimed = claims(dir);
      let jwksSource = jwksOpt;
      if (jwksSource === undefined) {
        if (!claimed.origin) throw new CliError("NO_KEYS", "the bundle names no origin to fetch Donum's keys from; pass --jwks <file|url>");
        jwksSource = `${claimed.origin}/.well-known/jwks.json`;
      }
      const jwks = await loadJwks(jwksSource, "; pass Donum's keys with --jwks <file>");
      const portal = offline ? null : (portalOpt ?? claimed.origin);
      const later: VerifyBundleOptions["later"] = offline
        ? null
        : portal
          ? await fetchLater(portal, claimed.treeSize)
          : { unavailable: "the bundle names no origin to fetch the latest checkpoint from; pass --portal <url>" };

      ctx.io.out(`bundle: ${bundleArg}`);
      ctx.io.out(`keys:   ${jwksSource}${jwksOpt === undefined ? " (named by the bundle; pass --jwks to pin Donum's keys)" : ""}`);
      if (portal && !offline) ctx.io.out(`portal: ${portal}`);
      const report = await verifyBundle(dir, { jwks, later });
      const checks = [...pre, ...report.checks];
      print(ctx.io, checks);
      if (!report.ok) throw notVerified(ctx.io, checks);
      const m = report.manifest;
      const skipped = checks.filter((c) => c.skipped).map((c) => c.check);
      ctx.io.out(
        `VERIFIED: all ${checks.length - skipped.length} checks passed — export ${m?.exportId} of ${m?.origin}, ${m?.counts.entries} entries from ${m?.period.from} to ${m?.period.to}${skipped.length ? ` (not checked: ${skipped.join(", ")})` : ""}`,
      );
    } finally {
      if (temp) await rm(temp, { recursive: true, force: true });
    }
  },
};

export const auditCommands: CommandGroup = {
  name: "audit",
  summary: "Audit export bundles: verify one offline (also: donum verify-export …)",
  commands: [verifyExport],
};

/** `donum verify-export …` is `donum audit verify-export …`. */
export const AUDIT_SHORTHANDS: readonly string[] = auditCommands.commands.map((c) => c.name);
