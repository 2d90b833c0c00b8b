/**
 * Audit exports as jobs: a regulator asks (requestExport: a queued job and its audit entry, in
 * one write), a runner writes the bundle (writeBundle into a private temporary directory), copies
 * it to the blob store, and marks the job done together with the export.completed audit entry,
 * which commits the log to the bundle's signed manifest. Runners are this server process (right
 * after the request) or the scheduled log worker; a job is claimed with a versioned update, so two
 * runners never write the same export, and one whose runner vanished is taken over after a while.
 */
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { z } from "zod";
import type { BlobStore, StoredBlob } from "../../blob/ports";
import type { Signer } from "../../crypto/signer";
import { AppError, isAppError } from "../../errors";
import type { Logger } from "../../log";
import type { Stores } from "../../store/ports";
import { auditEvent, type Actor } from "../events";
import { writeBundle } from "./exporter";
import { BUNDLE_FILES, ExportFilters, HASHED_FILES } from "./format";
import { bundlePrefix, queuedExportJob, type ExportFile, type ExportJob } from "./job";
import { tarStream, type TarFile } from "./tar";

export interface ExportDeps {
  stores: Stores;
  blob: BlobStore;
  signer: () => Signer;
  origin: string;
  /** A private directory for bundles being written (removed when copied). */
  workDir: string;
  log: Logger;
  now?: () => Date;
  /** How long to wait for the log to take in the period's newest entries (see exporter.ts). */
  catchUpMs?: number;
}

/** The longest period one export may cover: the retention of the audit trail (ten years). */
export const MAX_EXPORT_DAYS = 3_660;
const DAY_MS = 86_400_000;
/** A running job whose runner has not reported for this long is taken over. */
export const STALE_AFTER_MS = 5 * 60_000;
/** Progress is written at most this often (each is a store write). */
const PROGRESS_EVERY_MS = 2_000;
const RUNNER: Actor = { kind: "system", component: "audit-export" };

/** The files of a finished bundle, in the order a download lists them. */
export const BUNDLE_ORDER = [BUNDLE_FILES.manifestJws, BUNDLE_FILES.manifestJson, ...HASHED_FILES] as const;
export type BundleFileName = (typeof BUNDLE_ORDER)[number];

const CONTENT_TYPES: Record<BundleFileName, string> = {
  "manifest.jws": "application/jose",
  "manifest.json": "application/json",
  "checkpoint.jws": "application/jose",
  "entries.ndjson": "application/x-ndjson",
  "entries.csv": "text/csv; charset=utf-8",
  "proof.ndjson": "application/x-ndjson",
  "README.txt": "text/plain; charset=utf-8",
};

/** The request body: a period (ISO 8601 times, end excluded) and optional filters. */
export const ExportRequestBody = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    filters: ExportFilters.default({}),
  })
  .strict()
  .refine((b) => Date.parse(b.from) < Date.parse(b.to), { message: "must be after from", path: ["to"] })
  .refine((b) => Date.parse(b.to) - Date.parse(b.from) <= MAX_EXPORT_DAYS * DAY_MS, { message: `at most ${MAX_EXPORT_DAYS} days after from`, path: ["to"] });
export type ExportRequestBody = z.input<typeof ExportRequestBody>;

function requireRegulator(actor: Actor): asserts actor is Extract<Actor, { kind: "operator" }> {
  // Regulators act as operator-kind actors (lib/auth/with-session.ts); the role is checked there.
  if (actor.kind !== "operator") throw new AppError("FORBIDDEN", "Only a regulator can export the audit trail");
}

/** Queues an export; answers the job. The request is an audit entry, written with the job. */
export async function requestExport(deps: Pick<ExportDeps, "stores" | "now">, actor: Actor, input: unknown): Promise<ExportJob> {
  requireRegulator(actor);
  const parsed = ExportRequestBody.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      "INVALID_INPUT",
      "The export request is not valid",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  }
  const now = (deps.now ?? (() => new Date()))();
  if (Date.parse(parsed.data.from) >= now.getTime()) {
    throw new AppError("INVALID_INPUT", "The period starts in the future", [{ path: "from", message: "in the future" }]);
  }
  // A period that ends later than now ends now: the manifest must not claim entries not yet written.
  const period = { from: new Date(parsed.data.from).toISOString(), to: new Date(Math.min(Date.parse(parsed.data.to), now.getTime())).toISOString() };
  const job = queuedExportJob({ id: randomUUID(), requestedBy: actor.id, requestedAt: now.toISOString(), period, filters: parsed.data.filters });
  const audit = auditEvent("export.requested", { id: randomUUID(), at: now, actor, subjectKey: null, data: { exportId: job.id, period, filters: job.filters } });
  await deps.stores.exports.create(job, audit);
  return job;
}

export async function getExport(deps: Pick<ExportDeps, "stores">, actor: Actor, id: string): Promise<ExportJob> {
  requireRegulator(actor);
  const job = z.uuid().safeParse(id).success ? await deps.stores.exports.get(id) : null;
  if (!job) throw new AppError("NOT_FOUND", "No such export");
  return job;
}

export async function listExports(deps: Pick<ExportDeps, "stores">, actor: Actor, limit = 20): Promise<ExportJob[]> {
  requireRegulator(actor);
  return deps.stores.exports.listRecent(Math.min(Math.max(1, limit), 100));
}

/** One file of a finished export, as a stream. */
export async function openExportFile(deps: Pick<ExportDeps, "stores" | "blob">, actor: Actor, id: string, name: string): Promise<{ object: StoredBlob; body: Readable; contentType: string }> {
  const job = await getExport(deps, actor, id);
  if (!(BUNDLE_ORDER as readonly string[]).includes(name)) throw new AppError("NOT_FOUND", "No such file in an export bundle");
  if (job.state !== "done" || !job.result) throw new AppError("EXPORT_NOT_READY", `The export is ${job.state}`);
  const { object, body } = await deps.blob.get(job.result.location + name);
  return { object, body, contentType: CONTENT_TYPES[name as BundleFileName] };
}

/** A finished export as one .tar stream (files read from the blob store one after the other). */
export async function exportBundleTar(deps: Pick<ExportDeps, "stores" | "blob">, actor: Actor, id: string): Promise<{ fileName: string; stream: AsyncGenerator<Uint8Array> }> {
  const job = await getExport(deps, actor, id);
  if (job.state !== "done" || !job.result) throw new AppError("EXPORT_NOT_READY", `The export is ${job.state}`);
  const { location, files } = job.result;
  const folder = `donum-export-${job.id}`;
  async function* entries(): AsyncGenerator<TarFile> {
    for (const f of files) {
      const { body } = await deps.blob.get(location + f.name);
      yield { name: `${folder}/${f.name}`, bytes: f.bytes, body };
    }
  }
  return { fileName: `${folder}.tar`, stream: tarStream(entries(), { mtime: new Date(job.finishedAt ?? job.requestedAt) }) };
}

/** Whether a runner may take this job now. */
function claimable(job: ExportJob, now: Date): boolean {
  if (job.state === "queued") return true;
  if (job.state !== "running") return false;
  const seen = Date.parse(job.heartbeatAt ?? job.startedAt ?? job.requestedAt);
  return now.getTime() - seen > STALE_AFTER_MS;
}

/**
 * Runs the jobs that are waiting (oldest first), one at a time; answers how many it finished or
 * failed. Safe to call from several processes at once: each job is claimed with a versioned write.
 */
export async function runPendingExports(deps: ExportDeps, options: { max?: number } = {}): Promise<number> {
  const now = deps.now ?? (() => new Date());
  const waiting = (await deps.stores.exports.listRecent(100)).filter((j) => claimable(j, now())).reverse();
  let ran = 0;
  for (const job of waiting.slice(0, options.max ?? 5)) {
    const claimed = await claim(deps, job);
    if (!claimed) continue;
    await run(deps, claimed);
    ran++;
  }
  return ran;
}

async function claim(deps: ExportDeps, job: ExportJob): Promise<ExportJob | null> {
  const at = (deps.now ?? (() => new Date()))().toISOString();
  const next: ExportJob = { ...job, state: "running", startedAt: at, heartbeatAt: at, progress: { scanned: 0, total: null }, version: job.version + 1 };
  try {
    await deps.stores.exports.update(next, job.version);
    return next;
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT") return null; // another runner took it
    throw error;
  }
}

async function run(deps: ExportDeps, start: ExportJob): Promise<void> {
  const now = deps.now ?? (() => new Date());
  let job = start;
  const dir = join(deps.workDir, job.id);
  const location = bundlePrefix(job.id, job.version);
  let lastWrite = Date.now();
  let pendingProgress: Promise<void> = Promise.resolve();
  const save = async (next: ExportJob, audit?: Parameters<Stores["exports"]["update"]>[2]) => {
    await deps.stores.exports.update(next, job.version, audit);
    job = next;
  };
  try {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const manifest = await writeBundle(
      deps,
      { exportId: job.id, period: { from: new Date(job.period.from), to: new Date(job.period.to) }, filters: job.filters, requestedBy: job.requestedBy },
      dir,
      (p) => {
        // Throttled, and one write at a time: progress is for the regulator's page, not a record.
        if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = Date.now();
        pendingProgress = pendingProgress.then(() => save({ ...job, progress: p, heartbeatAt: now().toISOString(), version: job.version + 1 }));
      },
    );
    await pendingProgress;
    const files: ExportFile[] = [];
    for (const name of BUNDLE_ORDER) {
      const listed = manifest.files.find((f) => f.name === name);
      const stored = await deps.blob.put(location + name, createReadStream(join(dir, name)), { contentType: CONTENT_TYPES[name], ...(listed ? { sha256: listed.sha256 } : {}) });
      files.push({ name, bytes: stored.bytes, sha256: stored.sha256 });
    }
    // What the log's export.completed entry commits to: the signed manifest, by the hash the store computed.
    const ref = `sha256:${files.find((f) => f.name === BUNDLE_FILES.manifestJws)!.sha256}`;
    const total = manifest.range ? manifest.range.lastSeq - manifest.range.firstSeq + 1 : 0;
    await save(
      {
        ...job,
        state: "done",
        progress: { scanned: total, total },
        heartbeatAt: now().toISOString(),
        finishedAt: now().toISOString(),
        result: { entries: manifest.counts.entries, treeSize: manifest.checkpoint.treeSize, manifestSha256: ref, location, files },
        version: job.version + 1,
      },
      auditEvent("export.completed", {
        id: randomUUID(),
        at: now(),
        actor: RUNNER,
        subjectKey: null,
        data: { exportId: job.id, entries: manifest.counts.entries, treeSize: manifest.checkpoint.treeSize, manifestSha256: ref },
      }),
    );
    deps.log.info("audit export done", { exportId: job.id, entries: manifest.counts.entries });
  } catch (error) {
    await pendingProgress.catch(() => undefined);
    const correlationId = randomUUID();
    const code = isAppError(error) ? error.code : "INTERNAL";
    const message = isAppError(error) ? error.message : "The export failed on our side";
    deps.log.error("audit export failed", { exportId: job.id, correlationId, error: error instanceof Error ? error : String(error) });
    try {
      await save(
        { ...job, state: "failed", finishedAt: now().toISOString(), error: { code, message, correlationId }, version: job.version + 1 },
        auditEvent("export.failed", { id: randomUUID(), at: now(), actor: RUNNER, subjectKey: null, data: { exportId: job.id, code } }),
      );
    } catch (saveError) {
      // Taken over meanwhile (CONFLICT) or the store is down: the job stays running and goes stale.
      deps.log.error("audit export: could not record the failure", { exportId: job.id, correlationId, error: saveError instanceof Error ? saveError : String(saveError) });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
