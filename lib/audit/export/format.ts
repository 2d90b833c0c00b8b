/**
 * The audit export bundle, format donum-audit-export/1 (ADR 0008): what the exporter writes and
 * the verifier checks, in one place. Pure: no I/O, no store.
 *
 * A bundle is a directory (or a .tar of one) with:
 *   manifest.jws    the manifest, signed by Donum (compact JWS, typ donum-export+jwt)
 *   manifest.json   the same manifest, readable (must equal the signed payload)
 *   checkpoint.jws  the signed checkpoint of the log that covers every exported entry
 *   entries.ndjson  the entries, one per line: the canonical JSON of the stored entry (its seq
 *                   included), exactly the bytes whose RFC 9162 leaf hash is in the log
 *   entries.csv     the same entries as a table (derived: the verifier rebuilds it)
 *   proof.ndjson    the multi-proof: {"lo","hi","hash"} for every maximal subtree of the
 *                   checkpoint's tree that holds no exported entry, left to right. With the
 *                   entries' leaf hashes they rebuild the checkpoint's root hash.
 *   README.txt      how to verify
 */
import { z } from "zod";
import { canonicalJson } from "../../canonical-json";
import type { AuditEntry } from "../events";
import { leafHash, nodeHash } from "../merkle/hash";
import { splitPoint } from "../merkle/shape";

export const EXPORT_FORMAT = "donum-audit-export/1";
/** The JWS `typ` of a signed export manifest. */
export const MANIFEST_TYP = "donum-export+jwt";

export const BUNDLE_FILES = {
  manifestJws: "manifest.jws",
  manifestJson: "manifest.json",
  checkpoint: "checkpoint.jws",
  entries: "entries.ndjson",
  csv: "entries.csv",
  proof: "proof.ndjson",
  readme: "README.txt",
} as const;

/** The files whose hashes the manifest lists (all but the manifest itself), in bundle order. */
export const HASHED_FILES = [BUNDLE_FILES.checkpoint, BUNDLE_FILES.entries, BUNDLE_FILES.csv, BUNDLE_FILES.proof, BUNDLE_FILES.readme] as const;

const Iso = z.iso.datetime();
const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const ExportFilters = z
  .object({
    /** Only entries of these event types. */
    types: z.array(z.string().regex(/^[a-z_]+\.[a-z_]+$/)).min(1).max(20).optional(),
    /** Only entries about this node (the node a decision or refusal concerns, or a node actor). */
    nodeId: z.string().min(1).max(100).optional(),
    /** Only decisions with this outcome. */
    decision: z.enum(["PERMIT", "DENY"]).optional(),
  })
  .strict();
export type ExportFilters = z.infer<typeof ExportFilters>;

export const ExportManifest = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    exportId: z.uuid(),
    /** The log's identity (the portal's public URL); the checkpoint must name the same origin. */
    origin: z.string().min(1),
    createdAt: Iso,
    /** Who asked for it (an operator-kind actor: the regulator's OpenID subject). */
    requestedBy: z.string().min(1).max(200),
    /** The period, half-open: from ≤ at < to. */
    period: z.object({ from: Iso, to: Iso }).strict(),
    filters: ExportFilters,
    /**
     * The sequence range the export covers: from the lowest to the highest seq of the entries of
     * the period (null: the period has none). Unfiltered, every entry of the range is in the bundle
     * — so a few entries just outside the period may be too (writers commit out of time order),
     * counted in `counts.outsidePeriod`. Filtered, the entries of the range in the period that match.
     */
    range: z.object({ firstSeq: z.number().int().min(0), lastSeq: z.number().int().min(0) }).strict().nullable(),
    /** The checkpoint (checkpoint.jws) the proof leads to. */
    checkpoint: z.object({ treeSize: z.number().int().min(1), rootHash: z.string().min(1), timestamp: Iso, sha256: Hex64 }).strict(),
    counts: z
      .object({
        entries: z.number().int().min(0),
        byType: z.record(z.string(), z.number().int().min(1)),
        outsidePeriod: z.number().int().min(0),
        proofNodes: z.number().int().min(0),
      })
      .strict(),
    files: z.array(z.object({ name: z.string(), bytes: z.number().int().min(0), sha256: Hex64 }).strict()),
  })
  .strict();
export type ExportManifest = z.infer<typeof ExportManifest>;

/** True when the export has no filter: the bundle must then hold every entry of its range. */
export function isComplete(filters: ExportFilters): boolean {
  return !filters.types && !filters.nodeId && !filters.decision;
}

/** The node an entry concerns: the node of a decision or refusal, or the node that acted. */
export function nodeOf(e: Pick<AuditEntry, "data" | "actor">): string | null {
  const data = e.data as { nodeId?: unknown };
  if (typeof data.nodeId === "string") return data.nodeId;
  return e.actor.kind === "node" ? e.actor.nodeId : null;
}

/** Whether an entry passes the filters (the period is checked separately). */
export function matchesFilters(e: Pick<AuditEntry, "type" | "data" | "actor">, f: ExportFilters): boolean {
  if (f.types && f.types.length > 0 && !f.types.includes(e.type)) return false;
  if (f.nodeId && nodeOf(e) !== f.nodeId) return false;
  if (f.decision && (e.type !== "decision.made" || (e.data as { decision?: unknown }).decision !== f.decision)) return false;
  return true;
}

export function inPeriod(at: string, period: { from: string; to: string }): boolean {
  const t = Date.parse(at);
  return t >= Date.parse(period.from) && t < Date.parse(period.to);
}

// ── entries.ndjson and entries.csv ───────────────────────────────────────────────────────────

/** One line of entries.ndjson (with its newline). Its bytes without the newline are the leaf's data. */
export function entryLine(entry: AuditEntry): string {
  return `${canonicalJson(entry)}\n`;
}

/** The leaf hash of a line of entries.ndjson (without its newline). */
export function lineLeafHash(line: string): Buffer {
  return leafHash(Buffer.from(line, "utf8"));
}

export const CSV_COLUMNS = ["seq", "id", "at", "type", "v", "actor_kind", "actor", "subject_key", "node_id", "decision", "purpose", "data"] as const;

/**
 * A CSV cell (RFC 4180). A cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR)
 * is prefixed with an apostrophe (OWASP CSV injection); the NDJSON keeps the exact values.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(",")}\r\n`;
}

function actorId(a: AuditEntry["actor"]): string {
  switch (a.kind) {
    case "subject":
      return a.subjectKey;
    case "operator":
      return a.id;
    case "node":
      return a.nodeId;
    case "system":
      return a.component;
  }
}

/** The CSV row of an entry (with its CRLF). Deterministic: the verifier rebuilds the file from the NDJSON. */
export function csvRow(e: AuditEntry): string {
  const data = e.data as { decision?: unknown; purpose?: unknown };
  const cells = [
    e.seq,
    e.id,
    e.at,
    e.type,
    e.v,
    e.actor.kind,
    actorId(e.actor),
    e.subjectKey,
    nodeOf(e),
    typeof data.decision === "string" ? data.decision : null,
    typeof data.purpose === "string" ? data.purpose : null,
    canonicalJson(e.data),
  ];
  return `${cells.map(csvCell).join(",")}\r\n`;
}

// ── proof.ndjson: the multi-proof ────────────────────────────────────────────────────────────

export interface ProofNode {
  lo: number;
  hi: number;
  /** SHA-256 of the subtree [lo, hi) of the checkpoint's tree, hex. */
  hash: string;
}

export function proofLine(n: ProofNode): string {
  return `{"lo":${n.lo},"hi":${n.hi},"hash":"${n.hash}"}\n`;
}

/**
 * The maximal subtrees of the RFC 9162 tree of `treeSize` leaves that lie inside the gap
 * [g0, g1) (leaves no exported entry is at), left to right. Each is a node of the tree; with the
 * exported leaves they cover [0, treeSize). O(log n) per gap.
 */
export function gapNodes(g0: number, g1: number, treeSize: number): [number, number][] {
  const out: [number, number][] = [];
  if (g0 >= g1) return out;
  const visit = (s: number, e: number): void => {
    if (e <= g0 || s >= g1) return;
    if (g0 <= s && e <= g1) {
      out.push([s, e]);
      return;
    }
    const k = splitPoint(e - s);
    visit(s, s + k);
    visit(s + k, e);
  };
  visit(0, treeSize);
  return out;
}

/** Whether [lo, hi) is a node of the tree of `treeSize` leaves, and its split point if it has children. */
function nodeSplit(lo: number, hi: number, treeSize: number): number | null | undefined {
  let s = 0;
  let e = treeSize;
  for (;;) {
    if (s === lo && e === hi) return e - s === 1 ? null : s + splitPoint(e - s);
    if (e - s === 1) return undefined;
    const m = s + splitPoint(e - s);
    if (hi <= m) e = m;
    else if (lo >= m) s = m;
    else return undefined;
  }
}

export class ProofError extends Error {}

/**
 * Rebuilds the root of the tree of `treeSize` leaves from its nodes given left to right (the
 * exported leaves and the proof's subtrees, merged by position), in O(log n) memory: a stack
 * whose top two are merged whenever they are the two children of one node.
 */
export class RootBuilder {
  private readonly stack: { lo: number; hi: number; hash: Buffer }[] = [];
  private next = 0;

  constructor(readonly treeSize: number) {}

  /** Adds the node [lo, hi) with its hash; throws ProofError if it is not the next node in order. */
  push(lo: number, hi: number, hash: Buffer): void {
    if (lo !== this.next) {
      throw new ProofError(lo > this.next ? `nothing covers leaves ${this.next}..${lo - 1}` : `leaves ${lo}..${Math.min(hi, this.next) - 1} are covered twice`);
    }
    if (!(hi > lo && hi <= this.treeSize) || nodeSplit(lo, hi, this.treeSize) === undefined) {
      throw new ProofError(`[${lo}, ${hi}) is not a subtree of the tree of ${this.treeSize} entries`);
    }
    this.next = hi;
    this.stack.push({ lo, hi, hash });
    for (;;) {
      const right = this.stack.at(-1);
      const left = this.stack.at(-2);
      if (!right || !left) break;
      const split = nodeSplit(left.lo, right.hi, this.treeSize);
      if (split === undefined || split !== right.lo) break;
      this.stack.splice(-2, 2, { lo: left.lo, hi: right.hi, hash: nodeHash(left.hash, right.hash) });
    }
  }

  /** The root; throws ProofError if the leaves are not all covered. */
  root(): Buffer {
    const only = this.stack[0];
    if (this.next !== this.treeSize || this.stack.length !== 1 || !only) {
      throw new ProofError(`the entries and the proof cover leaves 0..${this.next - 1} of the ${this.treeSize} of the checkpoint`);
    }
    return only.hash;
  }
}

export const ProofLine = z.object({ lo: z.number().int().min(0), hi: z.number().int().min(1), hash: Hex64 }).strict();

export function readmeText(manifest: Pick<ExportManifest, "exportId" | "origin" | "period">): string {
  return [
    `Donum audit export ${manifest.exportId}`,
    `Log: ${manifest.origin}`,
    `Period: ${manifest.period.from} to ${manifest.period.to} (UTC, end excluded)`,
    "",
    "Every line of entries.ndjson is an entry of Donum's audit log. The log is an RFC 9162 Merkle",
    "tree (as in Certificate Transparency); checkpoint.jws is Donum's signature over its size and",
    "root hash; proof.ndjson holds the hashes of the parts of the tree not in this export, so that",
    "the entries and the proof together rebuild the signed root. manifest.jws signs the counts and",
    "the SHA-256 of every file.",
    "",
    "Verify (checks signatures against the portal's published keys, every entry's inclusion, the",
    "sequence, and consistency with the portal's latest checkpoint):",
    "",
    "  npm run donum -- verify-export <this directory or .tar>",
    "",
    "Format: donum-audit-export/1, docs/decisions/0008-audit-export.md in the Donum repository.",
    "",
  ].join("\n");
}
