/**
 * Writes an export bundle (format.ts) for a period of the audit log into a local directory, in
 * bounded memory: entries are read a page at a time and streamed to the files, hashes are taken
 * on the way, and the proof is computed per page from the stored subtree hashes (never from the
 * whole log). The job runner (jobs.ts) then copies the files to the blob store.
 *
 * Two passes over the period: the first finds its sequence range (writers commit out of time
 * order, so the range is known only after the whole period is read), the second writes every
 * entry of that range in sequence order.
 */
import { createHash } from "node:crypto";
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { signCompactJws } from "../../crypto/jws";
import type { Signer } from "../../crypto/signer";
import { AppError } from "../../errors";
import type { StoredCheckpoint, Stores } from "../../store/ports";
import type { AuditEntry } from "../events";
import { integrate, rangeHashes } from "../log";
import { hashToHex } from "../merkle";
import {
  BUNDLE_FILES,
  csvHeader,
  csvRow,
  entryLine,
  EXPORT_FORMAT,
  ExportManifest,
  gapNodes,
  inPeriod,
  isComplete,
  MANIFEST_TYP,
  matchesFilters,
  proofLine,
  readmeText,
  type ExportFilters,
} from "./format";

export interface ExportRequest {
  exportId: string;
  period: { from: Date; to: Date };
  filters: ExportFilters;
  requestedBy: string;
}

export interface BundleDeps {
  stores: Stores;
  signer: () => Signer;
  origin: string;
  now?: () => Date;
  /** How long to wait for the log to cover the period (DynamoDB sequences after a settle time). */
  catchUpMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface ExportProgress {
  scanned: number;
  total: number;
}

const PAGE = 1000;
const DEFAULT_CATCH_UP_MS = 90_000;

/** A file written through a stream, hashed as it goes; `write` waits when the stream's buffer is full. */
class HashedFile {
  private readonly hash = createHash("sha256");
  private readonly stream: WriteStream;
  bytes = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { mode: 0o600 });
  }

  async write(text: string): Promise<void> {
    const chunk = Buffer.from(text, "utf8");
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.stream.write(chunk)) await once(this.stream, "drain");
  }

  async close(): Promise<{ bytes: number; sha256: string }> {
    this.stream.end();
    await once(this.stream, "finish");
    return { bytes: this.bytes, sha256: this.hash.digest("hex") };
  }

  destroy(): void {
    this.stream.destroy();
  }
}

interface PeriodRange {
  firstSeq: number;
  lastSeq: number;
}

/**
 * The sequence range of the period's entries, once every one of them is sequenced and in a
 * checkpoint (integrating, and on DynamoDB waiting for the sequencer, up to catchUpMs).
 */
async function coveredRange(deps: BundleDeps, period: { from: Date; to: Date }): Promise<{ range: PeriodRange | null; checkpoint: StoredCheckpoint }> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const deadline = Date.now() + (deps.catchUpMs ?? DEFAULT_CATCH_UP_MS);
  for (;;) {
    let first = Infinity;
    let last = -1;
    let unsequenced = 0;
    let cursor: string | null = null;
    do {
      const page = await deps.stores.audit.listByTime(period.from, period.to, { limit: PAGE, cursor });
      for (const e of page.items) {
        if (e.seq === null) unsequenced++;
        else {
          first = Math.min(first, e.seq);
          last = Math.max(last, e.seq);
        }
      }
      cursor = page.cursor;
    } while (cursor);
    const range = last < 0 ? null : { firstSeq: first, lastSeq: last };
    const stored = await deps.stores.tree.getCheckpoint();
    if (unsequenced === 0 && stored && stored.treeSize > last) return { range, checkpoint: stored };
    const result = await integrate({ stores: deps.stores, signer: deps.signer, origin: deps.origin, ...(deps.now ? { now: deps.now } : {}) });
    if (unsequenced === 0 && result.checkpoint.treeSize > last) return { range, checkpoint: result.checkpoint };
    if (Date.now() > deadline) {
      throw new AppError("LOG_NOT_CAUGHT_UP", `${unsequenced} entries of the period are not in the log yet; try again in a minute`);
    }
    if (result.added === 0) await sleep(1000);
  }
}

/**
 * Writes the bundle's files into outDir and answers the signed manifest. The checkpoint used is
 * the latest when the range is known; entries after it are simply not part of this export.
 */
export async function writeBundle(deps: BundleDeps, request: ExportRequest, outDir: string, onProgress?: (p: ExportProgress) => void): Promise<ExportManifest> {
  const { stores } = deps;
  const now = deps.now ?? (() => new Date());
  const period = { from: request.period.from.toISOString(), to: request.period.to.toISOString() };
  if (!(request.period.from.getTime() < request.period.to.getTime())) throw new AppError("INVALID_INPUT", "The period must end after it starts");
  const complete = isComplete(request.filters);

  const { range, checkpoint } = await coveredRange(deps, request.period);
  const treeSize = checkpoint.treeSize;

  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  const entriesFile = new HashedFile(join(outDir, BUNDLE_FILES.entries));
  const csvFile = new HashedFile(join(outDir, BUNDLE_FILES.csv));
  const proofFile = new HashedFile(join(outDir, BUNDLE_FILES.proof));
  const files = [entriesFile, csvFile, proofFile];
  try {
    await csvFile.write(csvHeader());
    const byType: Record<string, number> = {};
    let entries = 0;
    let outsidePeriod = 0;
    let proofNodes = 0;
    /** The first leaf after the last exported one: where the next gap starts. */
    let gapStart = 0;

    const writeGaps = async (ranges: [number, number][]): Promise<void> => {
      if (ranges.length === 0) return;
      const hashes = await rangeHashes(stores, ranges);
      for (let i = 0; i < ranges.length; i++) {
        const [lo, hi] = ranges[i]!;
        await proofFile.write(proofLine({ lo, hi, hash: hashToHex(hashes[i]!) }));
      }
      proofNodes += ranges.length;
    };

    if (range) {
      const total = range.lastSeq - range.firstSeq + 1;
      let next = range.firstSeq;
      while (next <= range.lastSeq) {
        const page = await stores.audit.listBySequence(next, Math.min(PAGE, range.lastSeq - next + 1));
        if (page.length === 0 || page[0]!.seq !== next) throw new Error(`the log has no entry ${next} below its checkpoint`);
        // The proof is written in its own file, so a page's gaps are hashed in one store read.
        const gaps: [number, number][] = [];
        for (const e of page as (AuditEntry & { seq: number })[]) {
          if (e.seq !== next) throw new Error(`the log skips from ${next - 1} to ${e.seq}`);
          next++;
          const within = inPeriod(e.at, period);
          if (!(complete || (within && matchesFilters(e, request.filters)))) continue;
          if (!within) outsidePeriod++;
          gaps.push(...gapNodes(gapStart, e.seq, treeSize));
          gapStart = e.seq + 1;
          await entriesFile.write(entryLine(e));
          await csvFile.write(csvRow(e));
          entries++;
          byType[e.type] = (byType[e.type] ?? 0) + 1;
        }
        await writeGaps(gaps);
        onProgress?.({ scanned: next - range.firstSeq, total });
      }
    }
    await writeGaps(gapNodes(gapStart, treeSize, treeSize));

    const [entriesMeta, csvMeta, proofMeta] = await Promise.all(files.map((f) => f.close()));
    const checkpointMeta = await writeSmall(join(outDir, BUNDLE_FILES.checkpoint), checkpoint.jws);
    const readmeMeta = await writeSmall(join(outDir, BUNDLE_FILES.readme), readmeText({ exportId: request.exportId, origin: deps.origin, period }));

    const manifest = ExportManifest.parse({
      format: EXPORT_FORMAT,
      exportId: request.exportId,
      origin: deps.origin,
      createdAt: now().toISOString(),
      requestedBy: request.requestedBy,
      period,
      filters: request.filters,
      range,
      checkpoint: { treeSize, rootHash: checkpoint.rootHash, timestamp: checkpoint.timestamp, sha256: checkpointMeta.sha256 },
      counts: { entries, byType, outsidePeriod, proofNodes },
      files: [
        { name: BUNDLE_FILES.checkpoint, ...checkpointMeta },
        { name: BUNDLE_FILES.entries, ...entriesMeta! },
        { name: BUNDLE_FILES.csv, ...csvMeta! },
        { name: BUNDLE_FILES.proof, ...proofMeta! },
        { name: BUNDLE_FILES.readme, ...readmeMeta },
      ],
    });
    const jws = await signCompactJws(deps.signer(), manifest, { typ: MANIFEST_TYP });
    await writeSmall(join(outDir, BUNDLE_FILES.manifestJws), jws);
    await writeSmall(join(outDir, BUNDLE_FILES.manifestJson), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } catch (error) {
    for (const f of files) f.destroy();
    throw error;
  }
}

/** Writes a small file whole; answers its size and SHA-256 as the manifest lists them. */
async function writeSmall(path: string, text: string): Promise<{ bytes: number; sha256: string }> {
  const bytes = Buffer.from(text, "utf8");
  await writeFile(path, bytes, { mode: 0o600 });
  return { bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
}
