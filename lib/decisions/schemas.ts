/**
 * The consent-check API's request shapes (zod: the source of truth for validation and, later,
 * the OpenAPI document) and its limits. Pure: no I/O.
 *
 * Objects are strict, like DecisionRequest: a field Donum does not understand is refused rather
 * than dropped, so a misspelt restriction is never read as "no restriction".
 */
import { z } from "zod";
import { DecisionRequest } from "../consent/decision";

/** The most subjects one batch check may name; more is a 413 PAYLOAD_TOO_LARGE. */
export const MAX_BATCH_SUBJECTS = 10_000;

/**
 * Body limits of the routes. A single check is small; a batch of MAX_BATCH_SUBJECTS
 * identifiers of typical length (≤ 40 characters, `{"nationalId":"…"},` ≈ 60 bytes) takes about
 * 600 KB, and 2.5 MiB leaves room for identifiers of up to ~230 characters each.
 */
export const SINGLE_CHECK_MAX_BODY_BYTES = 64 * 1024;
export const BATCH_CHECK_MAX_BODY_BYTES = Math.floor(2.5 * 1024 * 1024);

/** Feed pages: at most this many items; the default when no limit is given. */
export const MAX_FEED_LIMIT = 500;
export const DEFAULT_FEED_LIMIT = 100;

export const NationalIdSubject = z
  .strictObject({
    nationalId: z
      .string()
      .min(1)
      .max(256)
      .describe(
        'The person\'s eIDAS PersonIdentifier, "CC/DD/IDENTIFIER" (origin/destination/identifier) or "CC/IDENTIFIER". ' +
          "Keyed on arrival and never stored, logged or returned; the answer names the person by a per-node subject reference instead.",
      ),
  })
  .describe("The person the check is about.");
export type NationalIdSubject = z.infer<typeof NationalIdSubject>;

export const PermitReference = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]+$/u, "no control characters")
  .describe("The data permit or project the release is made under (1–200 characters). Recorded in the audit trail and signed into the answer.");

const DescribedDecisionRequest = DecisionRequest.describe(
  "What is to be released, for what and to whom: data categories, the DUO purpose, AI use, the recipient (organisation, type, country) and whether the project will re-contact the person.",
);

export const SingleCheckRequest = z
  .strictObject({
    subject: NationalIdSubject,
    request: DescribedDecisionRequest,
    permitReference: PermitReference,
  })
  .describe("POST /api/v1/decisions: may this person's data be released for this request?");
export type SingleCheckRequest = z.infer<typeof SingleCheckRequest>;
export type SingleCheckRequestInput = z.input<typeof SingleCheckRequest>;

export const BatchCheckRequest = z
  .strictObject({
    subjects: z
      .array(NationalIdSubject)
      .min(1)
      .max(MAX_BATCH_SUBJECTS)
      .describe(`The people the release covers, 1 to ${MAX_BATCH_SUBJECTS}; item i of the answer is about subjects[i]. More is a 413.`),
    request: DescribedDecisionRequest.describe("One request shared by every subject of the batch."),
    permitReference: PermitReference,
  })
  .describe("POST /api/v1/decisions/batch: the same request checked for many people, answered with one signature.");
export type BatchCheckRequest = z.infer<typeof BatchCheckRequest>;
export type BatchCheckRequestInput = z.input<typeof BatchCheckRequest>;

/** A feed position: the `seq` of the last change a node has read (its `nextCursor`). */
export const FeedCursor = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,14})$/, "a non-negative integer, as given in nextCursor")
  .describe("Read changes after this position: the nextCursor of the previous page. Omit to start from the beginning.");

export const FeedQuery = z
  .strictObject({
    after: FeedCursor.optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_FEED_LIMIT)
      .default(DEFAULT_FEED_LIMIT)
      .describe(`Most items in the page, 1–${MAX_FEED_LIMIT} (default ${DEFAULT_FEED_LIMIT}).`),
  })
  .describe("GET /api/v1/feed: consent changes of the subjects this node has checked.");
export type FeedQuery = z.infer<typeof FeedQuery>;

/** Subjects of a batch per token of the node's rate limit (a single check costs 1). */
export const BATCH_SUBJECTS_PER_RATE_TOKEN = 50;

/**
 * What a batch check costs in the node's rate limit, from the unvalidated body: one token per 50
 * subjects (at least 1), so 10,000 subjects cost 200 — a batch is far cheaper per subject than
 * single checks (one request, one signature), but not free.
 */
export function batchRateCost(body: unknown): number {
  const subjects = typeof body === "object" && body !== null ? (body as { subjects?: unknown }).subjects : undefined;
  return Array.isArray(subjects) ? Math.max(1, Math.ceil(subjects.length / BATCH_SUBJECTS_PER_RATE_TOKEN)) : 1;
}
