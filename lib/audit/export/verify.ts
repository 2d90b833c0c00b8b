/**
 * Offline verification of an audit export bundle (format donum-audit-export/1, see format.ts for
 * the files). Written to be read top to bottom by a regulator: it trusts nothing in the bundle
 * and only the JWK Set it is given (Donum's published keys, kept or fetched by the caller).
 *
 * verifyBundle() answers a report: every check performed, in order, with its result and a precise
 * message, and `ok` when every check passed. The checks:
 *
 *  1. manifest.jws     a compact JWS, typ donum-export+jwt, signed by a key of the JWK Set, whose
 *                      payload is an ExportManifest of format donum-audit-export/1.
 *  2. manifest.json    the same manifest (compared as canonical JSON).
 *  3. files            each file the manifest lists has its byte length and SHA-256; every file a
 *                      bundle needs is listed; nothing else is in the bundle.
 *  4. checkpoint.jws   its SHA-256 is the manifest's; typ donum-checkpoint+jwt, signed by a key of
 *                      the JWK Set; origin, size, root and time are the manifest's.
 *  5. entries.ndjson   read once, streaming, together with entries.csv and proof.ndjson:
 *                      - each line is the canonical JSON of a valid audit entry with its seq;
 *                      - seq strictly increasing, within the manifest's range, below the
 *                        checkpoint's size; unfiltered: no gap, the whole range;
 *                      - the period and the filters; the counts of the manifest;
 *                      - entries.csv is exactly the CSV rebuilt from the entries;
 *                      - proof.ndjson: well-formed lines, as many as the manifest says; its
 *                        subtrees and the entries' leaf hashes, merged by position, rebuild the
 *                        checkpoint's root hash — which proves every entry is in the signed log.
 *  6. consistency      when a later checkpoint and a consistency proof are given (the portal's
 *                      latest), that the log only grew since the bundle's checkpoint; otherwise the
 *                      report says it was not checked.
 *
 * Memory: O(log n) in the number of entries (a line, a CSV row and the RootBuilder's stack at a
 * time); no file but the two small JWS and manifest.json is read whole.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { canonicalJson } from "../../canonical-json";
import { verifyCompactJws, type VerificationJwks } from "../../crypto/jws";
import { validateAuditEvent, type AuditEntry } from "../events";
import { CHECKPOINT_TYP } from "../log";
import { hashFromBase64, hashFromHex, hashToBase64, leafHash } from "../merkle/hash";
import { verifyConsistency } from "../merkle/verify";
import {
  BUNDLE_FILES,
  csvHeader,
  csvRow,
  EXPORT_FORMAT,
  ExportManifest,
  HASHED_FILES,
  inPeriod,
  isComplete,
  matchesFilters,
  MANIFEST_TYP,
  ProofError,
  ProofLine,
  proofLine,
  RootBuilder,
  type ProofNode,
} from "./format";

// ── The report ───────────────────────────────────────────────────────────────────────────────

export interface Check {
  check: string;
  ok: boolean;
  detail: string;
  /** True for a check that was not performed (ok stays true; the detail says why). */
  skipped?: boolean;
}

export interface VerificationReport {
  /** True when every check passed. */
  ok: boolean;
  checks: Check[];
  /** The signed manifest, when it verified. */
  manifest: ExportManifest | null;
}

/** A checkpoint of the log later than the bundle's, with the consistency proof between the two. */
export interface LaterCheckpoint {
  checkpointJws: string;
  /** PROOF(bundle size, D[later size]), base64 (GET /api/v1/log/proof/consistency). */
  consistencyProof: string[];
}

export interface VerifyBundleOptions {
  jwks: VerificationJwks;
  /** The later checkpoint; `{ unavailable }` when fetching it failed (a failed check); null/absent: not checked. */
  later?: LaterCheckpoint | { unavailable: string } | null;
}

/** At most this many problems are spelled out per check; the rest are counted. */
const MAX_PROBLEMS = 5;
/** A JWS or manifest.json larger than this is refused (a manifest is a few kB). */
const MAX_SMALL_FILE = 1 << 20;
/** A line of entries.ndjson or proof.ndjson longer than this is refused (an entry is < 10 kB). */
const MAX_LINE_BYTES = 1 << 20;

class Problems {
  private readonly list: string[] = [];
  private more = 0;
  add(problem: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(problem);
    else this.more++;
  }
  get count(): number {
    return this.list.length + this.more;
  }
  text(): string {
    return `${this.list.join("; ")}${this.more ? `; and ${this.more} more` : ""}`;
  }
}

const n = (x: number) => x.toLocaleString("en-US");
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

// ── Reading files ────────────────────────────────────────────────────────────────────────────

class BundleReadError extends Error {}

function errno(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
}

/** A regular file (not a link, not a directory) of the bundle, or null. */
async function regularFile(path: string): Promise<{ size: number } | null> {
  try {
    const s = await lstat(path);
    return s.isFile() ? { size: s.size } : null;
  } catch {
    return null;
  }
}

/** A small file (a JWS, manifest.json), whole, as UTF-8; throws BundleReadError with the reason. */
async function readSmall(dir: string, name: string): Promise<string> {
  const path = join(dir, name);
  const file = await regularFile(path);
  if (!file) throw new BundleReadError(`${name} is missing (or not a regular file)`);
  if (file.size > MAX_SMALL_FILE) throw new BundleReadError(`${name} is ${n(file.size)} bytes, more than a ${name} can be`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await readFile(path));
  } catch (e) {
    throw new BundleReadError(`${name} cannot be read as UTF-8 (${errno(e)})`);
  }
}

/** SHA-256 (hex) and length of a file, streaming. */
async function sha256File(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest("hex"), bytes };
}

interface Line {
  /** 1-based line number. */
  n: number;
  /** The line's bytes, without its "\n". */
  bytes: Buffer;
  /** False for a last line with no "\n" (a file cut off mid-line). */
  terminated: boolean;
}

/**
 * The lines of a file, split at "\n" only, as raw bytes (the leaf hash is over the exact bytes;
 * readline would also split at "\r" and replace invalid UTF-8). One line in memory at a time.
 */
async function* readLines(path: string): AsyncGenerator<Line> {
  let held: Buffer[] = [];
  let heldBytes = 0;
  let count = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl);
      const bytes = heldBytes === 0 ? piece : Buffer.concat([...held, piece]);
      held = [];
      heldBytes = 0;
      start = nl + 1;
      if (bytes.length > MAX_LINE_BYTES) throw new BundleReadError(`line ${n(count + 1)} is longer than ${n(MAX_LINE_BYTES)} bytes`);
      yield { n: ++count, bytes, terminated: true };
    }
    if (start < chunk.length) {
      held.push(chunk.subarray(start));
      heldBytes += chunk.length - start;
      if (heldBytes > MAX_LINE_BYTES) throw new BundleReadError(`line ${n(count + 1)} is longer than ${n(MAX_LINE_BYTES)} bytes`);
    }
  }
  if (heldBytes > 0) yield { n: ++count, bytes: Buffer.concat(held), terminated: false };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The payload of a compact JWS, decoded without verifying (only to go on checking after a bad signature). */
function unverifiedPayload(jws: string): unknown {
  try {
    return JSON.parse(utf8.decode(Buffer.from(jws.split(".")[1] ?? "", "base64url")));
  } catch {
    return undefined;
  }
}

function zodProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  const path = issue.path.length ? issue.path.join(".") : "(root)";
  return `${path}: ${issue.message}${error.issues.length > 1 ? ` (and ${plural(error.issues.length - 1, "more problem")})` : ""}`;
}

// ── 1–2. The manifest ────────────────────────────────────────────────────────────────────────

async function checkManifest(dir: string, jwks: VerificationJwks, checks: Check[]): Promise<{ manifest: ExportManifest | null; signed: boolean }> {
  let jws: string;
  try {
    jws = (await readSmall(dir, BUNDLE_FILES.manifestJws)).trim();
  } catch (e) {
    checks.push({ check: "manifest signature", ok: false, detail: (e as Error).message });
    return { manifest: null, signed: false };
  }
  const v = verifyCompactJws(jws, jwks, { typ: MANIFEST_TYP });
  checks.push(
    v.ok
      ? { check: "manifest signature", ok: true, detail: `manifest.jws (typ ${MANIFEST_TYP}) is signed by key ${v.header.kid} (${v.header.alg}) of the key set` }
      : { check: "manifest signature", ok: false, detail: `manifest.jws does not verify: ${v.error.message} (${v.error.code})` },
  );
  const payload = v.ok ? v.payload : unverifiedPayload(jws);
  const parsed = ExportManifest.safeParse(payload);
  if (!parsed.success) {
    const format = (payload as { format?: unknown } | undefined)?.format;
    const detail =
      format !== undefined && format !== EXPORT_FORMAT
        ? `the manifest's format is ${JSON.stringify(format)}, this verifier reads ${EXPORT_FORMAT}`
        : `the manifest is not a ${EXPORT_FORMAT} manifest: ${zodProblem(parsed.error)}`;
    checks.push({ check: "manifest format", ok: false, detail });
    return { manifest: null, signed: false };
  }
  const manifest = parsed.data;
  checks.push({
    check: "manifest format",
    ok: true,
    detail: `${EXPORT_FORMAT}, export ${manifest.exportId} of ${manifest.origin}, period ${manifest.period.from} to ${manifest.period.to}${isComplete(manifest.filters) ? ", unfiltered" : `, filtered by ${canonicalJson(manifest.filters)}`}`,
  });

  try {
    const json: unknown = JSON.parse(await readSmall(dir, BUNDLE_FILES.manifestJson));
    const same = canonicalJson(json) === canonicalJson(payload);
    checks.push({
      check: "manifest.json",
      ok: same,
      detail: same ? "manifest.json is the signed manifest" : "manifest.json differs from the manifest signed in manifest.jws",
    });
  } catch (e) {
    checks.push({ check: "manifest.json", ok: false, detail: e instanceof BundleReadError ? e.message : "manifest.json is not JSON" });
  }
  return { manifest, signed: v.ok };
}

// ── 3. The files ─────────────────────────────────────────────────────────────────────────────

/** A plain file name: no directory, no hidden file, nothing a path could be made of. */
const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

async function checkFiles(dir: string, manifest: ExportManifest, checks: Check[]): Promise<void> {
  const listed = new Set<string>();
  for (const file of manifest.files) {
    const check = `file ${file.name}`;
    if (!PLAIN_NAME.test(file.name) || file.name === BUNDLE_FILES.manifestJws || file.name === BUNDLE_FILES.manifestJson) {
      checks.push({ check, ok: false, detail: `the manifest lists ${JSON.stringify(file.name)}, which is not a file a bundle can hold` });
      continue;
    }
    if (listed.has(file.name)) {
      checks.push({ check, ok: false, detail: `the manifest lists ${file.name} twice` });
      continue;
    }
    listed.add(file.name);
    const path = join(dir, file.name);
    if (!(await regularFile(path))) {
      checks.push({ check, ok: false, detail: `${file.name} is missing (or not a regular file); the manifest lists it with ${plural(file.bytes, "byte")}` });
      continue;
    }
    const actual = await sha256File(path);
    const problems: string[] = [];
    if (actual.bytes !== file.bytes) problems.push(`it is ${plural(actual.bytes, "byte")}, the manifest says ${n(file.bytes)}`);
    if (actual.sha256 !== file.sha256) problems.push(`its SHA-256 is ${actual.sha256}, the manifest says ${file.sha256}`);
    checks.push(
      problems.length
        ? { check, ok: false, detail: `${file.name} was changed: ${problems.join("; ")}` }
        : { check, ok: true, detail: `${plural(file.bytes, "byte")}, SHA-256 ${file.sha256}` },
    );
  }

  const problems = new Problems();
  for (const name of HASHED_FILES) if (!listed.has(name)) problems.add(`the manifest does not list ${name}`);
  let present: string[] = [];
  try {
    present = (await readdir(dir)).sort();
  } catch (e) {
    problems.add(`the bundle directory cannot be read (${errno(e)})`);
  }
  for (const name of present) {
    if (name !== BUNDLE_FILES.manifestJws && name !== BUNDLE_FILES.manifestJson && !listed.has(name)) {
      problems.add(`${JSON.stringify(name)} is in the bundle but not in the manifest`);
    }
  }
  checks.push(
    problems.count
      ? { check: "bundle contents", ok: false, detail: problems.text() }
      : { check: "bundle contents", ok: true, detail: `the manifest lists every file of the bundle (${[...listed].join(", ")}) and nothing else is in it` },
  );
}

// ── 4. The checkpoint ────────────────────────────────────────────────────────────────────────

const CheckpointShape = z.object({
  origin: z.string().min(1),
  treeSize: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  rootHash: z.string(),
  timestamp: z.iso.datetime(),
});

interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: string;
  timestamp: string;
  root: Buffer;
}

function parseCheckpoint(payload: unknown): Checkpoint | string {
  const p = CheckpointShape.safeParse(payload);
  if (!p.success) return `the payload is not a checkpoint: ${zodProblem(p.error)}`;
  try {
    return { ...p.data, root: hashFromBase64(p.data.rootHash) };
  } catch {
    return "the checkpoint's rootHash is not a base64 SHA-256 hash";
  }
}

/** Verifies a checkpoint JWS: its signature and shape, and that it is a checkpoint of `origin`. */
function verifyCheckpointJws(jws: string, jwks: VerificationJwks, origin: string): { cp: Checkpoint | null; problem: string | null; kid: string | null } {
  const v = verifyCompactJws(jws, jwks, { typ: CHECKPOINT_TYP });
  const payload = v.ok ? v.payload : unverifiedPayload(jws);
  const parsed = parseCheckpoint(payload);
  const cp = typeof parsed === "string" ? null : parsed;
  if (!v.ok) return { cp, problem: `the signature does not verify: ${v.error.message} (${v.error.code})`, kid: null };
  if (typeof parsed === "string") return { cp: null, problem: parsed, kid: v.header.kid };
  if (parsed.origin !== origin) return { cp, problem: `it is a checkpoint of ${parsed.origin}, not of ${origin}`, kid: v.header.kid };
  return { cp, problem: null, kid: v.header.kid };
}

async function checkCheckpoint(dir: string, manifest: ExportManifest, jwks: VerificationJwks, checks: Check[]): Promise<Checkpoint | null> {
  let jws: string;
  try {
    jws = await readSmall(dir, BUNDLE_FILES.checkpoint);
  } catch (e) {
    checks.push({ check: "checkpoint signature", ok: false, detail: (e as Error).message });
    return null;
  }
  const sha256 = createHash("sha256").update(jws, "utf8").digest("hex");
  checks.push(
    sha256 === manifest.checkpoint.sha256
      ? { check: "checkpoint hash", ok: true, detail: `checkpoint.jws has the SHA-256 the manifest signs (${sha256})` }
      : { check: "checkpoint hash", ok: false, detail: `checkpoint.jws is not the checkpoint the manifest signs: its SHA-256 is ${sha256}, the manifest's ${manifest.checkpoint.sha256}` },
  );
  const { cp, problem, kid } = verifyCheckpointJws(jws.trim(), jwks, manifest.origin);
  checks.push(
    problem
      ? { check: "checkpoint signature", ok: false, detail: `checkpoint.jws: ${problem}` }
      : { check: "checkpoint signature", ok: true, detail: `checkpoint.jws (typ ${CHECKPOINT_TYP}) of ${manifest.origin} is signed by key ${kid} of the key set` },
  );
  if (!cp) return null;
  const differs: string[] = [];
  const m = manifest.checkpoint;
  if (cp.treeSize !== m.treeSize) differs.push(`size ${n(cp.treeSize)}, the manifest says ${n(m.treeSize)}`);
  if (cp.rootHash !== m.rootHash) differs.push(`root ${cp.rootHash}, the manifest says ${m.rootHash}`);
  if (cp.timestamp !== m.timestamp) differs.push(`time ${cp.timestamp}, the manifest says ${m.timestamp}`);
  if (cp.origin !== manifest.origin) differs.push(`origin ${cp.origin}, the manifest says ${manifest.origin}`);
  checks.push(
    differs.length
      ? { check: "checkpoint matches manifest", ok: false, detail: `checkpoint.jws is not the manifest's checkpoint: ${differs.join("; ")}` }
      : { check: "checkpoint matches manifest", ok: true, detail: `the log of ${n(cp.treeSize)} entries at ${cp.timestamp}, root ${cp.rootHash}` },
  );
  return cp;
}

// ── 5. Entries, CSV and proof, in one streaming pass ─────────────────────────────────────────

/** Compares a byte stream with expected text given piece by piece, holding one piece at a time. */
class StreamComparer {
  private pending: Buffer = Buffer.alloc(0);
  private done = false;
  private readonly source: AsyncIterator<Buffer>;

  constructor(path: string) {
    this.source = (createReadStream(path) as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  /** "same", "differs", or "short" (the file ends before the expected text does). */
  async expect(text: string): Promise<"same" | "differs" | "short"> {
    const want = Buffer.from(text, "utf8");
    while (this.pending.length < want.length && !this.done) {
      const r = await this.source.next();
      if (r.done) this.done = true;
      else this.pending = this.pending.length ? Buffer.concat([this.pending, r.value]) : r.value;
    }
    if (this.pending.length < want.length) {
      const prefix = want.subarray(0, this.pending.length).equals(this.pending);
      this.pending = Buffer.alloc(0);
      return prefix ? "short" : "differs";
    }
    const same = this.pending.subarray(0, want.length).equals(want);
    this.pending = this.pending.subarray(want.length);
    return same ? "same" : "differs";
  }

  /** The bytes left after everything expected. */
  async rest(): Promise<number> {
    let left = this.pending.length;
    this.pending = Buffer.alloc(0);
    if (this.done) return left;
    for (let r = await this.source.next(); !r.done; r = await this.source.next()) left += r.value.length;
    this.done = true;
    return left;
  }

  async close(): Promise<void> {
    await this.source.return?.();
  }
}

/** The lines of proof.ndjson, parsed one at a time, with one node of look-ahead. */
class ProofReader {
  private readonly lines: AsyncGenerator<Line>;
  private ahead: ProofNode | null | undefined = undefined;
  /** Lines read so far. */
  count = 0;
  /** The first malformed line; reading stops there (the rest is only counted). */
  problem: string | null = null;

  constructor(path: string) {
    this.lines = readLines(path);
  }

  async peek(): Promise<ProofNode | null> {
    if (this.ahead === undefined) this.ahead = await this.read();
    return this.ahead;
  }

  take(): void {
    this.ahead = undefined;
  }

  private async read(): Promise<ProofNode | null> {
    if (this.problem) return null;
    const r = await this.lines.next();
    if (r.done) return null;
    const line = r.value;
    this.count++;
    let node: ProofNode | null = null;
    try {
      const parsed = ProofLine.safeParse(JSON.parse(utf8.decode(line.bytes)));
      if (parsed.success && parsed.data.hi > parsed.data.lo) node = parsed.data;
    } catch {
      // not JSON: reported below
    }
    if (!line.terminated) this.problem = `proof.ndjson line ${n(line.n)} does not end with a newline (the file is cut off)`;
    else if (!node) this.problem = `proof.ndjson line ${n(line.n)} is not a proof node {"lo","hi","hash"}`;
    else if (proofLine(node) !== `${line.bytes.toString("utf8")}\n`) this.problem = `proof.ndjson line ${n(line.n)} is not in the canonical form`;
    return this.problem ? null : node;
  }

  /** Counts the lines not read yet. */
  async drain(): Promise<void> {
    this.ahead = null; // a node peeked and not taken is counted already
    for (let r = await this.lines.next(); !r.done; r = await this.lines.next()) this.count++;
  }

  async close(): Promise<void> {
    await this.lines.return(undefined);
  }
}

interface ParsedLine {
  /** The entry when the line is a valid one. */
  entry: AuditEntry | null;
  /** The line's seq, if it has a usable one (even if the rest is invalid). */
  seq: number | null;
  /** The JSON value, if the line parses. */
  json: Record<string, unknown> | null;
  problem: string | null;
}

function parseEntryLine(line: Line): ParsedLine {
  const at = `line ${n(line.n)}`;
  const out: ParsedLine = { entry: null, seq: null, json: null, problem: null };
  if (line.bytes.length === 0) return { ...out, problem: `${at} is blank` };
  let text: string;
  let json: unknown;
  try {
    text = utf8.decode(line.bytes);
    json = JSON.parse(text);
  } catch {
    return { ...out, problem: `${at} is not ${line.terminated ? "" : "complete "}JSON${line.terminated ? "" : " (the file is cut off mid-line)"}` };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return { ...out, problem: `${at} is not a JSON object` };
  out.json = json as Record<string, unknown>;
  const seq = out.json.seq;
  if (typeof seq === "number" && Number.isSafeInteger(seq) && seq >= 0) out.seq = seq;
  if (!line.terminated) return { ...out, problem: `${at} does not end with a newline (the file is cut off)` };
  if (canonicalJson(json) !== text) return { ...out, problem: `${at} is not canonical JSON (sorted keys, no spaces): it is not the exact bytes the log hashed` };
  if (out.seq === null) return { ...out, problem: `${at} has no seq (a non-negative integer)` };
  const { seq: _seq, ...event } = out.json;
  let valid;
  try {
    valid = validateAuditEvent(event);
  } catch (e) {
    const why = e instanceof z.ZodError ? zodProblem(e) : e instanceof Error ? e.message : String(e);
    return { ...out, problem: `${at} (seq ${out.seq}) is not a valid audit entry: ${why}` };
  }
  const entry = { ...valid, seq: out.seq } as AuditEntry;
  if (canonicalJson(entry) !== text) return { ...out, problem: `${at} (seq ${out.seq}) has fields or values its event schema does not produce` };
  return { ...out, entry };
}

function range(a: number, b: number): string {
  return a === b ? `entry ${a} is` : `entries ${a}–${b} are`;
}

async function checkContents(dir: string, manifest: ExportManifest, cp: Checkpoint | null, checks: Check[]): Promise<void> {
  const names = ["entries", "sequence", "period and filters", "counts", "entries.csv", "proof lines", "root hash"] as const;
  const missing: string[] = [];
  for (const f of [BUNDLE_FILES.entries, BUNDLE_FILES.csv, BUNDLE_FILES.proof]) if (!(await regularFile(join(dir, f)))) missing.push(f);
  if (missing.length) {
    for (const check of names) checks.push({ check, ok: false, detail: `not checked: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing` });
    return;
  }

  // The tree the proof leads to: the checkpoint's (signed); the manifest's if the checkpoint is unusable.
  const treeSize = cp?.treeSize ?? manifest.checkpoint.treeSize;
  const complete = isComplete(manifest.filters);
  const { period, filters } = manifest;
  const r = manifest.range;

  const lineProblems = new Problems();
  const seqProblems = new Problems();
  const periodProblems = new Problems();
  let csvProblem: string | null = null;
  let rootProblem: string | null = null;
  const byType = new Map<string, number>();
  let outside = 0;
  let total = 0;
  let firstSeq: number | null = null;
  let lastSeq: number | null = null;
  let prev: { seq: number; line: number } | null = null;
  let lastEntry: { entry: AuditEntry; line: number } | null = null;

  const builder = new RootBuilder(treeSize);
  const proof = new ProofReader(join(dir, BUNDLE_FILES.proof));
  const csv = new StreamComparer(join(dir, BUNDLE_FILES.csv));
  const push = (lo: number, hi: number, hash: Buffer, what: string) => {
    if (rootProblem) return;
    try {
      builder.push(lo, hi, hash);
    } catch (e) {
      if (!(e instanceof ProofError)) throw e;
      rootProblem = `the entries and the proof do not fit the tree of the checkpoint at ${what}: ${e.message}`;
    }
  };
  /** Pushes the proof's subtrees that lie before leaf `seq` (all of them when seq is null). */
  const pushProofBefore = async (seq: number | null) => {
    for (let node = await proof.peek(); node && (seq === null || node.lo < seq); node = await proof.peek()) {
      proof.take();
      push(node.lo, node.hi, hashFromHex(node.hash), `proof node [${node.lo}, ${node.hi})`);
    }
  };

  try {
    if ((await csv.expect(csvHeader())) !== "same") csvProblem = "the header row of entries.csv differs";

    for await (const line of readLines(join(dir, BUNDLE_FILES.entries))) {
      total++;
      const p = parseEntryLine(line);
      if (p.problem) lineProblems.add(p.problem);
      const at = `line ${n(line.n)}`;

      // The sequence.
      if (p.seq !== null) {
        const seq = p.seq;
        if (prev === null) {
          firstSeq = seq;
          if (complete && r && seq !== r.firstSeq) seqProblems.add(`the first entry is seq ${seq}, the range starts at ${r.firstSeq}`);
        } else if (seq === prev.seq) seqProblems.add(`${at}: seq ${seq} repeats line ${n(prev.line)}`);
        else if (seq < prev.seq) seqProblems.add(`${at}: seq ${seq} comes after ${prev.seq}`);
        else if (complete && seq > prev.seq + 1) seqProblems.add(`${range(prev.seq + 1, seq - 1)} missing between line ${n(prev.line)} and line ${n(line.n)}`);
        if (!r) seqProblems.add(`${at}: seq ${seq}, but the manifest's range is empty`);
        else if (seq < r.firstSeq || seq > r.lastSeq) seqProblems.add(`${at}: seq ${seq} is outside the range ${r.firstSeq}–${r.lastSeq}`);
        if (seq >= treeSize) seqProblems.add(`${at}: seq ${seq} is not in the checkpoint's tree of ${n(treeSize)} entries`);
        if (prev === null || seq > prev.seq) prev = { seq, line: line.n };
        lastSeq = seq;
      }

      // The period, the filters and the counts.
      if (p.entry) {
        const e = p.entry;
        const within = inPeriod(e.at, period);
        if (!within) outside++;
        byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
        if (complete) {
          if (total === 1 && !within) periodProblems.add(`the first entry (seq ${e.seq}, at ${e.at}) is not in the period`);
        } else {
          if (!within) periodProblems.add(`${at} (seq ${e.seq}, at ${e.at}) is not in the period`);
          if (!matchesFilters(e, filters)) periodProblems.add(`${at} (seq ${e.seq}, ${e.type}) does not match the filters`);
        }
        lastEntry = { entry: e, line: line.n };
      }

      // The CSV row, rebuilt from the entry.
      if (!csvProblem) {
        let row: string | null = null;
        try {
          row = p.json ? csvRow(p.json as AuditEntry) : null;
        } catch {
          row = null;
        }
        if (row === null) csvProblem = `row ${n(line.n)} cannot be rebuilt: line ${n(line.n)} of entries.ndjson is not an entry`;
        else {
          const c = await csv.expect(row);
          if (c === "differs") csvProblem = `row ${n(line.n)} differs from the entry on line ${n(line.n)} of entries.ndjson (the first difference)`;
          if (c === "short") csvProblem = `entries.csv ends before row ${n(line.n)}; entries.ndjson has more lines`;
        }
      }

      // The leaf, merged with the proof's subtrees by position.
      if (!rootProblem) {
        if (p.seq === null) rootProblem = `the root cannot be rebuilt: line ${n(line.n)} is not an entry with a seq`;
        else {
          await pushProofBefore(p.seq);
          push(p.seq, p.seq + 1, leafHash(line.bytes), `line ${n(line.n)} (seq ${p.seq})`);
        }
      }
    }

    if (complete && lastEntry && !inPeriod(lastEntry.entry.at, period)) {
      periodProblems.add(`the last entry (seq ${lastEntry.entry.seq}, at ${lastEntry.entry.at}) is not in the period`);
    }
    if (complete && r && lastSeq !== null && prev && prev.seq !== r.lastSeq) {
      seqProblems.add(prev.seq < r.lastSeq ? `the last entry is seq ${prev.seq}, the range ends at ${r.lastSeq}: ${range(prev.seq + 1, r.lastSeq)} missing` : `the last entry is seq ${prev.seq}, the range ends at ${r.lastSeq}`);
    }
    if (r && total === 0) seqProblems.add(`entries.ndjson is empty, the manifest's range is ${r.firstSeq}–${r.lastSeq}`);

    if (!csvProblem) {
      const left = await csv.rest();
      if (left > 0) csvProblem = `entries.csv has ${plural(left, "byte")} more than the ${plural(total, "row")} rebuilt from entries.ndjson`;
    }
    if (!rootProblem) await pushProofBefore(null);
    if (proof.problem) rootProblem = `the root cannot be rebuilt: ${proof.problem}`;
    await proof.drain();
  } catch (e) {
    const why = e instanceof BundleReadError ? e.message : `cannot be read (${errno(e)})`;
    await proof.close().catch(() => undefined);
    await csv.close().catch(() => undefined);
    for (const check of names) checks.push({ check, ok: false, detail: `not checked: ${why}` });
    return;
  }

  checks.push(
    lineProblems.count
      ? { check: "entries", ok: false, detail: lineProblems.text() }
      : { check: "entries", ok: true, detail: `${plural(total, "line")}, each the canonical JSON of a valid audit entry` },
  );
  const span = firstSeq === null ? "no entries" : `seq ${firstSeq}–${lastSeq}`;
  checks.push(
    seqProblems.count
      ? { check: "sequence", ok: false, detail: seqProblems.text() }
      : {
          check: "sequence",
          ok: true,
          detail: complete
            ? `${span}, strictly increasing with no gap: the whole range of the period, all in the checkpoint's tree`
            : `${span}, strictly increasing, within the range ${r ? `${r.firstSeq}–${r.lastSeq}` : "(empty)"}, all in the checkpoint's tree`,
        },
  );
  checks.push(
    periodProblems.count
      ? { check: "period and filters", ok: false, detail: periodProblems.text() }
      : {
          check: "period and filters",
          ok: true,
          detail: complete
            ? `unfiltered; the first and last entries are in the period, ${plural(outside, "entry", "entries")} of the range outside it`
            : "every entry is in the period and matches the filters",
        },
  );

  const countProblems = new Problems();
  const m = manifest.counts;
  if (total !== m.entries) countProblems.add(`entries.ndjson has ${plural(total, "line")}, the manifest counts ${n(m.entries)}`);
  for (const type of [...new Set([...byType.keys(), ...Object.keys(m.byType)])].sort()) {
    const have = byType.get(type) ?? 0;
    const want = m.byType[type] ?? 0;
    if (have !== want) countProblems.add(`${type}: ${n(have)} in entries.ndjson, ${n(want)} in the manifest`);
  }
  if (outside !== m.outsidePeriod) countProblems.add(`${n(outside)} outside the period, the manifest says ${n(m.outsidePeriod)}`);
  if (proof.count !== m.proofNodes) countProblems.add(`proof.ndjson has ${plural(proof.count, "node")}, the manifest counts ${n(m.proofNodes)}`);
  checks.push(
    countProblems.count
      ? { check: "counts", ok: false, detail: countProblems.text() }
      : { check: "counts", ok: true, detail: `${plural(total, "entry", "entries")} and ${plural(proof.count, "proof node")}, as the manifest counts them` },
  );

  checks.push(
    csvProblem
      ? { check: "entries.csv", ok: false, detail: csvProblem }
      : { check: "entries.csv", ok: true, detail: `the header and ${plural(total, "row")} are exactly the CSV of entries.ndjson` },
  );
  checks.push(
    proof.problem
      ? { check: "proof lines", ok: false, detail: proof.problem }
      : { check: "proof lines", ok: true, detail: `${plural(proof.count, "subtree hash", "subtree hashes")}, well-formed` },
  );

  if (!rootProblem) {
    let root: Buffer | null = null;
    try {
      root = builder.root();
    } catch (e) {
      if (!(e instanceof ProofError)) throw e;
      rootProblem = `the entries and the proof do not cover the checkpoint's tree: ${e.message}`;
    }
    const signed = cp?.root ?? null;
    if (root && !signed) rootProblem = "not checked: no usable signed root (see the checkpoint checks)";
    else if (root && signed && !root.equals(signed)) {
      rootProblem = `root mismatch: the entries' leaf hashes and the proof rebuild root ${hashToBase64(root)}, the signed checkpoint's root is ${cp?.rootHash}; the entry hashes no longer rebuild the signed root (an entry or a proof node was changed, added or removed)`;
    }
  }
  checks.push(
    rootProblem
      ? { check: "root hash", ok: false, detail: rootProblem }
      : {
          check: "root hash",
          ok: true,
          detail: `the ${plural(total, "entry's", "entries'")} leaf hashes and the proof rebuild the signed root ${cp?.rootHash} of ${n(treeSize)} entries: every entry is in Donum's log, at its seq`,
        },
  );
}

// ── 6. Consistency with a later checkpoint ───────────────────────────────────────────────────

function checkLater(later: VerifyBundleOptions["later"], jwks: VerificationJwks, manifest: ExportManifest, cp: Checkpoint | null): Check {
  const check = "consistency with a later checkpoint";
  if (!later) return { check, ok: true, skipped: true, detail: "not checked: no later checkpoint was given (offline), so it is not shown that the log was only appended to since this export" };
  if ("unavailable" in later) return { check, ok: false, detail: `not checked: ${later.unavailable}` };
  if (!cp) return { check, ok: false, detail: "not checked: the bundle's checkpoint is unusable" };
  const v = verifyCheckpointJws(later.checkpointJws.trim(), jwks, manifest.origin);
  if (v.problem || !v.cp) return { check, ok: false, detail: `the later checkpoint: ${v.problem ?? "unusable"}` };
  const next = v.cp;
  if (next.treeSize < cp.treeSize) {
    return { check, ok: false, detail: `the later checkpoint (${next.timestamp}) has ${n(next.treeSize)} entries, fewer than the bundle's ${n(cp.treeSize)}: the log shrank` };
  }
  let proof: Buffer[];
  try {
    proof = later.consistencyProof.map(hashFromBase64);
  } catch {
    return { check, ok: false, detail: "the consistency proof is not a list of base64 SHA-256 hashes" };
  }
  const ok = verifyConsistency({ oldSize: cp.treeSize, newSize: next.treeSize, oldRoot: cp.root, newRoot: next.root, proof });
  return ok
    ? {
        check,
        ok: true,
        detail: `the log of ${n(next.treeSize)} entries at ${next.timestamp} (signed by key ${v.kid}) extends the bundle's log of ${n(cp.treeSize)} entries: nothing in it was changed or removed since (consistency proof of ${plural(proof.length, "hash", "hashes")})`,
      }
    : {
        check,
        ok: false,
        detail: `the consistency proof does not show that the log of ${n(next.treeSize)} entries at ${next.timestamp} extends the bundle's log of ${n(cp.treeSize)} entries: the log was rewritten, or the proof is wrong`,
      };
}

// ── The whole ────────────────────────────────────────────────────────────────────────────────

/** Verifies the bundle in directory `dir`. Never throws for a bad bundle: every problem is a failed check. */
export async function verifyBundle(dir: string, options: VerifyBundleOptions): Promise<VerificationReport> {
  const checks: Check[] = [];
  const { manifest, signed } = await checkManifest(dir, options.jwks, checks);
  if (!manifest) {
    checks.push({ check: "bundle", ok: false, detail: "nothing else was checked: there is no readable manifest to check the bundle against" });
    return { ok: false, checks, manifest: null };
  }
  await checkFiles(dir, manifest, checks);
  const cp = await checkCheckpoint(dir, manifest, options.jwks, checks);
  await checkContents(dir, manifest, cp, checks);
  checks.push(checkLater(options.later, options.jwks, manifest, cp));
  const ok = checks.every((c) => c.ok);
  return { ok, checks, manifest: signed ? manifest : null };
}
