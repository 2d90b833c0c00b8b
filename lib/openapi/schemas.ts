/**
 * The shapes of the API's answers, as zod schemas for the OpenAPI document. The requests are
 * validated with their own schemas (lib/decisions/schemas.ts, the use cases' inputs), and the
 * signed claims have theirs (lib/decisions/tokens.ts); these add the envelopes the routes answer
 * with ({ token, decision }, { token, items }, …) and the few answers that had only a TypeScript
 * type. tests/api/openapi.test.ts validates real answers of the running portal against them.
 */
import { ExportJob } from "../audit/export/job";
import { z } from "zod";
import { Consent, ConsentChange, ConsentStatus } from "../consent/consent";
import { DenyReasonCode } from "../consent/decision";
import { CountryCode, RecipientType } from "../consent/vocabulary";
import { BatchClaims, BatchItem, DecisionClaims, FeedClaims } from "../decisions/tokens";
import { ERROR_CODES, type ErrorCode } from "../errors";
import { ImagingNode } from "../nodes/node";
import { ConsentReceipt } from "../receipts/schema";

const CompactJws = (what: string) =>
  z.string().regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/).describe(`${what}. A compact JWS (RFC 7515) signed with a key of /.well-known/jwks.json.`);

// ── The node API ─────────────────────────────────────────────────────────────────────────────

export const DecisionAnswer = z
  .object({
    token: CompactJws("The decision (typ donum-decision+jwt): keep it as the evidence of the release"),
    decision: DecisionClaims,
  })
  .describe("The answer to a single check: the signed decision, and its payload for convenience (verify the token; do not rely on the copy).");

export const BatchAnswer = z
  .object({
    token: CompactJws("The batch claims (typ donum-decision-batch+jwt): one signature over the Merkle root of every item"),
    items: z.array(BatchItem).describe("items[i] answers subjects[i], with its RFC 9162 inclusion proof: each verifies on its own against the token."),
  })
  .describe("The answer to a batch check.");

export const FeedAnswer = z
  .object({
    token: CompactJws("The page (typ donum-feed+jwt)"),
    page: FeedClaims,
  })
  .describe("One page of the node's withdrawal feed: the signed page, and its payload for convenience (verify the token; do not rely on the copy).");

export const WhoAmI = z
  .object({
    nodeId: z.string().describe("The node Donum authenticated the request as."),
    organisation: z.string(),
    status: z.enum(["active", "suspended"]),
  })
  .describe("Which node Donum takes the caller for.");

export const JwkSet = z
  .object({
    keys: z.array(
      z.object({
        kty: z.enum(["EC", "OKP"]),
        crv: z.string().describe("P-256 for ES256."),
        x: z.string(),
        y: z.string().optional(),
        kid: z.string().describe("The `kid` in the header of every token this key signed."),
        alg: z.string().optional(),
        use: z.string().optional(),
      }),
    ),
  })
  .describe("Donum's public signing keys (RFC 7517 JWK Set): the current key, a staged next key during a rotation, and previous keys still published.");

export const Health = z
  .object({
    status: z.enum(["ok", "unavailable"]),
    store: z.object({ kind: z.string(), ok: z.boolean(), latencyMs: z.number() }),
    keys: z.object({ signing: z.object({ kid: z.string(), alg: z.string() }), subjectPepper: z.literal("loaded") }),
    auditLogSize: z.number().int().min(0).nullable(),
    time: z.iso.datetime({ offset: true }),
  })
  .describe("Whether the store answers, and which key signs.");

// ── Problems ─────────────────────────────────────────────────────────────────────────────────

export const ProblemCode = z
  .enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]])
  .describe("The stable code of the problem; x-problem-codes lists each with its status and title.");

export const Problem = z
  .object({
    type: z.string().describe("https://donum.eu/problems/<code in lower case, dashes>"),
    title: z.string().describe("The code's fixed title."),
    status: z.number().int().min(400).max(599),
    code: ProblemCode,
    detail: z.string().optional().describe("What went wrong in this case; never a national identifier, never internals."),
    instance: z.string().optional().describe("The path of the request."),
    correlationId: z.uuid().optional().describe("INTERNAL only: quote it when you contact the operator."),
    errors: z
      .array(z.object({ path: z.string().describe('The field, dotted: "request.dataCategories.0", "subjects.17.nationalId".'), message: z.string() }))
      .optional()
      .describe("INVALID_INPUT and INVALID_SUBJECT_IDENTIFIER: each field that is wrong."),
  })
  .describe("RFC 9457 problem details (application/problem+json), with Donum's stable `code`.");

// ── The portal (cookie-authenticated) ────────────────────────────────────────────────────────

export const ConsentView = Consent.omit({ subjectKey: true }).describe("A consent as the citizen sees it (everything but the subject key).");

export const CurrentConsent = z.object({
  consent: ConsentView.nullable(),
  status: z.enum([...ConsentStatus.options, "expired", "none"]).describe("As of now: an active consent past its end date reads as expired."),
  reconsentRequired: z.boolean().describe("A material form version was published after the one this consent was given on."),
  latestFormVersion: z.number().int().min(1).nullable(),
});

export const ConsentHistory = z.object({ items: z.array(ConsentChange).describe("Every change, oldest first.") });

export const Lookups = z.object({
  items: z.array(
    z.object({
      at: z.iso.datetime({ offset: true }),
      nodeId: z.string(),
      organisation: z.string().nullable(),
      country: z.string().nullable(),
      purpose: z.string().describe("GRU, HMB or DS:<MONDO code>."),
      recipient: z.object({ organisation: z.string(), type: RecipientType, country: CountryCode }),
      dataCategories: z.array(z.string()),
      decision: z.enum(["PERMIT", "DENY"]),
      reasons: z.array(DenyReasonCode),
      seq: z.number().int().min(0).nullable().describe("Position in the audit log; null until sequenced."),
    }),
  ),
  cursor: z.string().nullable(),
});

export const ReceiptAnswer = z.object({ receipt: ConsentReceipt, jws: CompactJws("The receipt (typ consent-receipt+jwt)") });

export const SessionAnswer = z.object({ name: z.string(), roles: z.array(z.string()) });

export const NodeList = z.object({ nodes: z.array(ImagingNode) });
export const NodeAnswer = z.object({ node: ImagingNode });
export const NodeStatusAnswer = z.object({
  node: z.object({ id: z.string(), status: z.enum(["active", "suspended"]), version: z.number().int().min(1) }),
  changed: z.boolean().describe("False when the node already had that status."),
});

export const FormVersions = z.object({
  formId: z.string(),
  versions: z.array(
    z.object({
      version: z.number().int().min(1),
      material: z.boolean(),
      publishedAt: z.iso.datetime({ offset: true }),
      textHashes: z.record(z.string(), z.string()).describe("Language → sha256 of the text."),
    }),
  ),
});

export const FormReviewAnswer = z.object({
  review: z
    .object({
      diff: z.record(z.string(), z.unknown()).describe("What changed against the latest version, module by module and language by language."),
      materiality: z.record(z.string(), z.unknown()).describe("Whether the change is material, and why."),
      expectedVersion: z.number().int().min(1),
    })
    .describe("The review of the draft against the latest published version."),
  published: z
    .object({ formId: z.string(), version: z.number().int().min(1), textHashes: z.record(z.string(), z.string()) })
    .nullable()
    .describe("The version published (201), or null for a review only (200)."),
});

export const ExportAnswer = z.object({ export: ExportJob });
export const ExportList = z.object({ exports: z.array(ExportJob) });
