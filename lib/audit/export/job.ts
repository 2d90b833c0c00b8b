/**
 * An export job: a regulator's request for a bundle of the audit trail, its progress, and where
 * the finished bundle is (lib/blob). Stored through ExportStore; each state change that matters
 * to the record (requested, done, failed) is an audit entry written with it.
 */
import { z } from "zod";
import { ExportFilters } from "./format";

export const EXPORT_STATES = ["queued", "running", "done", "failed"] as const;
export type ExportState = (typeof EXPORT_STATES)[number];

export const ExportFile = z.object({ name: z.string(), bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type ExportFile = z.infer<typeof ExportFile>;

const Iso = z.iso.datetime();

export const ExportJob = z
  .object({
    id: z.uuid(),
    /** The regulator's OpenID subject (an operator-kind actor). */
    requestedBy: z.string(),
    requestedAt: Iso,
    /** Half-open: from ≤ at < to (UTC). */
    period: z.object({ from: Iso, to: Iso }),
    filters: ExportFilters,
    state: z.enum(EXPORT_STATES),
    /** Entries of the sequence range read so far, of `total` (null until the range is known). */
    progress: z.object({ scanned: z.number().int().min(0), total: z.number().int().min(0).nullable() }),
    /** When a runner took it (a running job whose runner vanished is taken again after a while). */
    startedAt: Iso.nullable(),
    /** The runner's last sign of life (its progress writes). */
    heartbeatAt: Iso.nullable(),
    finishedAt: Iso.nullable(),
    result: z
      .object({
        entries: z.number().int().min(0),
        treeSize: z.number().int().min(1),
        /** "sha256:<hex>" of manifest.jws, as in the export.completed audit entry. */
        manifestSha256: z.string(),
        /** The blob-store prefix of the files (bundlePrefix). */
        location: z.string(),
        files: z.array(ExportFile),
      })
      .nullable(),
    /** A failed job: a stable code and a message fit to show (never a stack or an internal detail). */
    error: z.object({ code: z.string(), message: z.string(), correlationId: z.string() }).nullable(),
    /** Optimistic concurrency: incremented by every update. */
    version: z.number().int().min(1),
  })
  .describe("An export of the audit trail: its request, progress, and the files of its bundle when done.");
export type ExportJob = z.infer<typeof ExportJob>;

/** A job as it is first stored: queued, nothing run yet, version 1. */
export function queuedExportJob(request: Pick<ExportJob, "id" | "requestedBy" | "requestedAt" | "period" | "filters">): ExportJob {
  return {
    ...request,
    state: "queued",
    progress: { scanned: 0, total: null },
    startedAt: null,
    heartbeatAt: null,
    finishedAt: null,
    result: null,
    error: null,
    version: 1,
  };
}

/**
 * Where one attempt at a job writes its files in the blob store. Objects are immutable, so a
 * runner that takes over a job (its predecessor vanished mid-copy) writes under a new attempt.
 */
export function bundlePrefix(id: string, attempt: number): string {
  return `exports/${id}/${attempt}/`;
}
