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

export interface ExportJob {
  id: string;
  /** The regulator's OpenID subject (an operator-kind actor). */
  requestedBy: string;
  requestedAt: string;
  period: { from: string; to: string };
  filters: ExportFilters;
  state: ExportState;
  /** Entries of the sequence range read so far, of `total` (null until the range is known). */
  progress: { scanned: number; total: number | null };
  /** When a runner took it (a running job whose runner vanished is taken again after a while). */
  startedAt: string | null;
  finishedAt: string | null;
  result: { entries: number; treeSize: number; manifestSha256: string; files: ExportFile[] } | null;
  /** A failed job: a stable code and a message fit to show (never a stack or an internal detail). */
  error: { code: string; message: string; correlationId: string } | null;
  /** Optimistic concurrency: incremented by every update. */
  version: number;
}

/** Where a job's files live in the blob store. */
export function bundlePrefix(id: string): string {
  return `exports/${id}/`;
}
