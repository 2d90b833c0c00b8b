/**
 * The OpenAPI 3.1 document of Donum's HTTP API, built from the zod schemas the routes validate
 * with (z.toJSONSchema, JSON Schema 2020-12, which is OpenAPI 3.1's schema dialect). Served at
 * GET /api/v1/openapi.json and rendered for people at /docs/api.
 *
 *  - the node API (/api/v1/…, tag "node"), authenticated with the DonumNode scheme (ADR 0005);
 *  - Donum's keys (/.well-known/jwks.json) and health (/api/health), public;
 *  - the portal's own calls (/api/me/…, /api/operator/…, tag "portal"), cookie-authenticated:
 *    documented for completeness, not for machine clients;
 *  - every response that can fail says which problem codes it carries (x-problem-codes, with
 *    the RFC 9457 problem schema), and the document lists every code of ERROR_CODES with its
 *    status and title (top-level x-problem-codes).
 *
 * Pure: no I/O, no Next. tests/unit/openapi.test.ts checks its structure and that every route
 * and every problem code is in it.
 */
import { z } from "zod";
import { JWKS_MAX_AGE_SECONDS } from "../crypto/jwks";
import { DenyReason } from "../consent/decision";
import { ConsentChange } from "../consent/consent";
import {
  BATCH_CHECK_MAX_BODY_BYTES,
  BATCH_SUBJECTS_PER_RATE_TOKEN,
  BatchCheckRequest,
  FeedQuery,
  MAX_BATCH_SUBJECTS,
  SINGLE_CHECK_MAX_BODY_BYTES,
  SingleCheckRequest,
} from "../decisions/schemas";
import { BATCH_TYP, BatchClaims, BatchItem, DECISION_TTL_SECONDS, DECISION_TYP, DecisionClaims, FEED_TYP, FeedClaims, FeedItem } from "../decisions/tokens";
import type { ErrorCode } from "../errors";
import { ImagingNode } from "../nodes/node";
import { CLOCK_SKEW_SECONDS, MAX_REQUEST_LIFETIME_SECONDS, NODE_AUTH_SCHEME, NODE_REQUEST_TYP } from "../nodes/protocol";
import { RegisterNodeInput, SetNodeStatusInput } from "../nodes/registry";
import { AmendConsentInput, GrantConsentInput, OptOutInput, WithdrawConsentInput } from "../usecases/consent-changes";
import { PublishFormRequest } from "../usecases/form-publication";
import { NODE_AUTH_CODES, PROBLEM_CODES, type ProblemCodeDoc } from "./problems";
import * as S from "./schemas";
import { ExportRequestBody } from "../audit/export/jobs";
import { ExportJob } from "../audit/export/job";

export const OPENAPI_VERSION = "3.1.0";
/** The version of the API the document describes (the /api/v1 routes). */
export const API_VERSION = "1.0.0";

export type JsonSchema = { [key: string]: unknown };
export type HttpMethod = "get" | "post" | "put" | "delete" | "patch";
export const HTTP_METHODS: readonly HttpMethod[] = ["get", "post", "put", "delete", "patch"];

export interface ParameterObject {
  name: string;
  in: "query" | "path" | "header" | "cookie";
  required?: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface MediaTypeObject {
  schema: JsonSchema;
  example?: unknown;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, MediaTypeObject>;
  /** The problem codes this response carries (problem+json responses only). */
  "x-problem-codes"?: ErrorCode[];
}

export interface OperationObject {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  security: Record<string, string[]>[];
  parameters?: ParameterObject[];
  requestBody?: { required: boolean; description?: string; content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject>;
  /** Largest body accepted, in bytes (a larger one is 413 PAYLOAD_TOO_LARGE). */
  "x-max-body-bytes"?: number;
}

export type PathItemObject = Partial<Record<HttpMethod, OperationObject>>;

export interface TokenMember {
  name: string;
  value: string;
}

export interface OpenApiDocument {
  openapi: typeof OPENAPI_VERSION;
  jsonSchemaDialect: string;
  info: { title: string; version: string; summary: string; description: string; license: { name: string; identifier: string } };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, PathItemObject>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema & { type: string; description: string }>;
  };
  /** Every problem code Donum answers with. */
  "x-problem-codes": ProblemCodeDoc[];
}

// ── Schemas ──────────────────────────────────────────────────────────────────────────────────

/** Request bodies and parameters: converted as their input (defaults optional). */
const INPUT_SCHEMAS = {
  SingleCheckRequest,
  BatchCheckRequest,
  GrantConsentInput: GrantConsentInput.describe("Give consent: the scope chosen and exactly which form text was shown."),
  AmendConsentInput: AmendConsentInput.describe("Change the scope of an active consent: as for giving it, plus the version that was shown."),
  WithdrawConsentInput: WithdrawConsentInput.describe("Withdraw in one step: the version of the consent that was shown."),
  OptOutInput: OptOutInput.describe("Opt out of all secondary use (EHDS Art. 71)."),
  PublishFormRequest: PublishFormRequest.describe("A consent-form draft to review (publish false) or publish."),
  RegisterNodeInput: RegisterNodeInput.extend({
    publicJwk: z.unknown().describe('The node\'s public key as a JWK: {"kty":"EC","crv":"P-256","x":…,"y":…} or {"kty":"OKP","crv":"Ed25519","x":…}. A private member is refused.'),
  }).describe("Register an imaging node with its public key."),
  SetNodeStatusBody: SetNodeStatusInput.pick({ status: true }).describe("Suspend or reactivate a node."),
  ExportRequestBody: ExportRequestBody.describe("A period of the audit trail (ISO 8601 times, end excluded; an end later than now is now) and optional filters."),
} satisfies Record<string, z.ZodType>;

/**
 * Answers: converted as their output. The very instances the envelopes use (not described
 * copies), so that a schema used inside another becomes a $ref to its component.
 */
const OUTPUT_SCHEMAS = {
  DecisionAnswer: S.DecisionAnswer,
  DecisionClaims,
  DenyReason,
  BatchAnswer: S.BatchAnswer,
  BatchItem,
  BatchClaims,
  FeedAnswer: S.FeedAnswer,
  FeedClaims,
  FeedItem,
  WhoAmI: S.WhoAmI,
  JwkSet: S.JwkSet,
  Health: S.Health,
  Problem: S.Problem,
  ProblemCode: S.ProblemCode,
  ConsentView: S.ConsentView,
  CurrentConsent: S.CurrentConsent,
  ConsentChange,
  ConsentHistory: S.ConsentHistory,
  Lookups: S.Lookups,
  ReceiptAnswer: S.ReceiptAnswer,
  SessionAnswer: S.SessionAnswer,
  ImagingNode,
  NodeList: S.NodeList,
  NodeAnswer: S.NodeAnswer,
  NodeStatusAnswer: S.NodeStatusAnswer,
  FormVersions: S.FormVersions,
  FormReviewAnswer: S.FormReviewAnswer,
  ExportJob,
  ExportAnswer: S.ExportAnswer,
  ExportList: S.ExportList,
} satisfies Record<string, z.ZodType>;

/** Descriptions of components whose schema has none of its own. */
const COMPONENT_DESCRIPTIONS: Partial<Record<keyof typeof OUTPUT_SCHEMAS, string>> = {
  DecisionClaims: `Payload of a decision token (typ ${DECISION_TYP}).`,
  DenyReason: "Why a DENY: every unmet condition; `values` names the requested values not covered.",
  BatchItem: "One decision of a batch: its leaf (every member but proof) and the RFC 9162 inclusion proof of the leaf under the signed root, base64url, nearest sibling first.",
  BatchClaims: `Payload of a batch token (typ ${BATCH_TYP}): one signature over the Merkle root of the items.`,
  FeedClaims: `Payload of a feed page (typ ${FEED_TYP}).`,
  FeedItem: "One consent change of a person this node has checked, under the reference this node was given.",
  ConsentChange: "One change of a consent, with the exact form text it was made on.",
  ImagingNode: "A registered imaging node, with its public keys.",
};

type SchemaName = keyof typeof INPUT_SCHEMAS | keyof typeof OUTPUT_SCHEMAS;

const COMPONENT_URI = "#/components/schemas/";
const ref = (name: SchemaName): JsonSchema => ({ $ref: `${COMPONENT_URI}${name}` });

const DECIDED = {
  decision: "PERMIT or DENY. Deny wins: a PERMIT needs an active consent that covers every dimension of the request.",
  reasons: "[] for PERMIT; for DENY every unmet condition.",
  consentId: "The consent decided on; null without a consent.",
  consentVersion: "The version of that consent; null without a consent.",
  formVersion: "The consent-form version it was given on; null without a consent.",
};
/** The members of DecisionRequest (lib/consent/decision.ts), inside a check. */
const REQUEST_DESCRIPTIONS = {
  "request.dataCategories": "The data to be released: 1–32 categories, each of them covered or the answer is DENY.",
  "request.purpose": 'The purpose in GA4GH DUO terms: { "code": "GRU" } general research, { "code": "HMB" } health/medical/biomedical research, or { "code": "DS", "disease": <MONDO code> } research on that cancer.',
  "request.purpose.code": "GRU (general research), HMB (health/medical/biomedical research) or DS (disease-specific research): GA4GH DUO.",
  "request.purpose.disease": "With DS: the MONDO code of the cancer.",
  "request.aiUse": "AI_TRAINING or AI_VALIDATION when the data will train or validate an AI model; null (default) for other research.",
  "request.recipient": "Who receives the data.",
  "request.recipient.organisation": "The recipient organisation (trimmed).",
  "request.recipient.type": "public, non_profit or commercial (DUO NPU/NCU are the restrictions these meet).",
  "request.recipient.country": "ISO 3166-1 alpha-2, upper case: checked against the geography consented to (EU/EEA, or also adequacy countries).",
  "request.requiresRecontact": "The project intends to re-contact the person (default false).",
};

const SIGNED = {
  iss: "Donum's public URL.",
  aud: "The node the token was issued to: refuse a token issued to another node.",
  iat: "Issued at, seconds since the epoch.",
  jti: "A unique id (UUID).",
};

/**
 * Descriptions of members whose zod schema carries none (the claims are documented in
 * lib/decisions/tokens.ts as comments, which do not reach the JSON Schema).
 */
const PROPERTY_DESCRIPTIONS: Record<string, Record<string, string>> = {
  SingleCheckRequest: REQUEST_DESCRIPTIONS,
  BatchCheckRequest: REQUEST_DESCRIPTIONS,
  DecisionClaims: {
    ...SIGNED,
    sub: "This node's reference for the person (32 base64url characters): stable for this node, different for every other node.",
    exp: `Expiry: iat + ${DECISION_TTL_SECONDS} (15 minutes). A release after it asks again; a stored token is checked as of the release.`,
    jti: "A unique id (UUID); also the id of the decision.made audit entry.",
    ...DECIDED,
    evaluatedAt: "The instant the decision was made (ISO 8601).",
    requestHash: '"sha256:" + hex(SHA-256(canonicalJson({ nodeId, subjectRef, request, permitReference }))).',
    permitReference: "As sent.",
  },
  DenyReason: {
    code: "The unmet condition.",
    values: "The requested values not covered (categories, purpose, AI use, recipient type or country), where meaningful.",
  },
  BatchItem: {
    index: "The position of the subject in the request; the leaf's position in the tree.",
    sub: "This node's reference for the person.",
    ...DECIDED,
    requestHash: "The request hash a single check of this person would carry.",
    proof: "The RFC 9162 audit path of the leaf: base64url SHA-256 hashes, nearest sibling first.",
  },
  BatchClaims: {
    ...SIGNED,
    exp: `Expiry: iat + ${DECISION_TTL_SECONDS}.`,
    jti: "A unique id (UUID); also batch.id of every decision.made audit entry of the batch.",
    batch: "treeSize (the number of items), rootHash (base64url RFC 9162 Merkle tree hash of the leaves in index order), requestHash (of the whole batch, identifiers replaced by their references), permitReference, evaluatedAt.",
  },
  FeedClaims: {
    ...SIGNED,
    items: "The changes, in seq order.",
    cursor: "The `after` this page was read from; null for the start.",
    nextCursor: "Pass it as `after` next time; null only while nothing has been read yet.",
    hasMore: "More changes are already waiting: ask again at once.",
  },
  FeedItem: {
    seq: "The change's position in Donum's audit log.",
    sub: "The reference this node received for the person in its decisions.",
    change: "granted, amended, withdrawn or opted_out: stop further use of the data of a withdrawn or opted-out person.",
    at: "When the change was made.",
    consentVersion: "The consent version the change produced.",
  },
};

/** Sets the description of the member at `path` (dotted; through unions too) when it has none. */
function describeAt(schema: JsonSchema, path: readonly string[], text: string): JsonSchema {
  if (path.length === 0) return schema.description === undefined ? { ...schema, description: text } : schema;
  const [head, ...rest] = path as [string, ...string[]];
  let out = schema;
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (properties?.[head]) out = { ...out, properties: { ...properties, [head]: describeAt(properties[head], rest, text) } };
  for (const key of ["anyOf", "oneOf"] as const) {
    const list = out[key] as JsonSchema[] | undefined;
    if (Array.isArray(list)) out = { ...out, [key]: list.map((v) => describeAt(v, path, text)) };
  }
  return out;
}

/** Adds the descriptions of PROPERTY_DESCRIPTIONS to the members that have none. */
function describeProperties(id: string, schema: JsonSchema): JsonSchema {
  let out = schema;
  for (const [path, text] of Object.entries(PROPERTY_DESCRIPTIONS[id] ?? {})) out = describeAt(out, path.split("."), text);
  return out;
}

/** Named zod schemas → JSON Schemas that refer to each other through #/components/schemas. */
function convert(named: Record<string, z.ZodType>, io: "input" | "output", descriptions: Record<string, string> = {}): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io, target: "draft-2020-12", uri: (id) => `${COMPONENT_URI}${id}`, unrepresentable: "any" });
  const out: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _dialect, $id: _id, ...rest } = schema as JsonSchema;
    out[id] = describeProperties(id, rest.description === undefined && descriptions[id] ? { ...rest, description: descriptions[id] } : rest);
  }
  return out;
}

/** The query parameters of a zod object schema (its input), one per property. */
function queryParameters(schema: z.ZodType): ParameterObject[] {
  const json = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" }) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: "query" as const,
      required: (json.required ?? []).includes(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

// ── Authentication ───────────────────────────────────────────────────────────────────────────

/** The protected header of a node's request token. */
export const NODE_TOKEN_HEADER: readonly TokenMember[] = [
  { name: "alg", value: "ES256 (ECDSA P-256, SHA-256, 64-byte r‖s signature) or EdDSA (Ed25519). Nothing else: none, HS256 and every other algorithm are refused." },
  { name: "kid", value: "The id of one of the node's active registered keys (default: the key's RFC 7638 thumbprint)." },
  { name: "typ", value: `Exactly \`${NODE_REQUEST_TYP}\`. No \`crit\`.` },
];

/** The claims of a node's request token (ADR 0005). */
export const NODE_TOKEN_CLAIMS: readonly TokenMember[] = [
  { name: "iss", value: "The node's registered id." },
  { name: "aud", value: "Donum's public URL: scheme and host (and port), no path." },
  { name: "htm", value: "The HTTP method, upper case." },
  { name: "htu", value: "The path and query exactly as sent (WHATWG URL serialisation), no fragment." },
  { name: "bdh", value: "base64url (unpadded) of the SHA-256 of the exact body bytes; for no body, of the empty string (47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU)." },
  { name: "iat", value: "The signing time, seconds since the epoch." },
  { name: "exp", value: `At most iat + ${MAX_REQUEST_LIFETIME_SECONDS}; ${CLOCK_SKEW_SECONDS} s of clock skew are tolerated each way.` },
  { name: "jti", value: "A unique id (a random UUID), at most 200 characters. Each token is accepted once: sign every request, and every retry, anew." },
];

const NODE_AUTH_DESCRIPTION = [
  `Every request of an imaging node carries \`Authorization: ${NODE_AUTH_SCHEME} <compact JWS>\`: one short-lived token per request, signed with the node's private key (ES256 or EdDSA) and bound to the audience, the method, the path and query, and a digest of the exact body bytes (ADR 0005).`,
  `Header: ${NODE_TOKEN_HEADER.map((m) => `\`${m.name}\` — ${m.value}`).join(" ")}`,
  `Claims: ${NODE_TOKEN_CLAIMS.map((m) => `\`${m.name}\` — ${m.value}`).join(" ")}`,
  `A refusal is 401 problem+json with its own code (${NODE_AUTH_CODES.join(", ")}) and \`WWW-Authenticate: ${NODE_AUTH_SCHEME}\`; it carries no detail.`,
].join("\n\n");

// ── Operations ───────────────────────────────────────────────────────────────────────────────

type Auth = "node" | "portal" | "public";

interface OperationSpec {
  path: string;
  method: HttpMethod;
  operationId: string;
  tag: "node" | "keys" | "service" | "portal";
  auth: Auth;
  summary: string;
  description: string;
  parameters?: ParameterObject[];
  /** The request body: a named schema, or an inline one. */
  body?: { schema: SchemaName | JsonSchema; description?: string; example?: unknown; maxBytes?: number };
  ok: { status: number; description: string; schema?: SchemaName; contentType?: string; example?: unknown; headers?: ResponseObject["headers"] }[];
  /** Problem codes besides those of the authentication (added by `auth`). */
  problems: ErrorCode[];
}

const NO_STORE = { "Cache-Control": { description: "no-store: decisions and feed pages are never cached.", schema: { type: "string", const: "no-store" } } };

const NODE_PROBLEMS: ErrorCode[] = [...NODE_AUTH_CODES, "PAYLOAD_TOO_LARGE", "RATE_LIMITED", "INTERNAL", "STORE_UNAVAILABLE"];
const PORTAL_PROBLEMS: ErrorCode[] = ["UNAUTHENTICATED", "FORBIDDEN", "INTERNAL", "STORE_UNAVAILABLE"];
const PORTAL_WRITE_PROBLEMS: ErrorCode[] = [...PORTAL_PROBLEMS, "INVALID_INPUT", "PAYLOAD_TOO_LARGE"];

const checkExample = {
  subject: { nationalId: "BE/BE/85073003328" },
  request: {
    dataCategories: ["imaging.ct", "report.radiology"],
    purpose: { code: "DS", disease: "MONDO:0008903" },
    aiUse: "AI_TRAINING",
    recipient: { organisation: "KU Leuven", type: "public", country: "BE" },
    requiresRecontact: false,
  },
  permitReference: "P-2026-001",
};

const EXPORT_ID: ParameterObject[] = [{ name: "id", in: "path", required: true, description: "The export id.", schema: { type: "string", format: "uuid" } }];

const OPERATIONS: OperationSpec[] = [
  {
    path: "/api/v1/decisions",
    method: "post",
    operationId: "checkDecision",
    tag: "node",
    auth: "node",
    summary: "May this person's data be released for this request?",
    description: [
      "Answers PERMIT or DENY with machine-readable reasons, signed by Donum as a compact JWS (typ `donum-decision+jwt`) issued to the calling node. Keep the token: it is the evidence of the release. Verify it against /.well-known/jwks.json, not the plain `decision` copy.",
      `The national identifier is keyed on arrival and never stored, logged or returned; the answer names the person by a subject reference (\`sub\`) that is stable for this node and different for every other node. The decision reads the latest consent (a withdrawal is obeyed by the very next check), is recorded in the audit trail before it is answered, and expires ${DECISION_TTL_SECONDS / 60} minutes after it is issued: a release later than that asks again.`,
      "`requestHash` = \"sha256:\" + hex(SHA-256(canonicalJson({ nodeId, subjectRef, request, permitReference }))) binds the answer to the question (the request with its defaults filled in).",
    ].join("\n\n"),
    body: { schema: "SingleCheckRequest", example: checkExample, maxBytes: SINGLE_CHECK_MAX_BODY_BYTES },
    ok: [{ status: 200, description: "The signed decision.", schema: "DecisionAnswer", headers: NO_STORE }],
    problems: ["INVALID_INPUT", "INVALID_SUBJECT_IDENTIFIER"],
  },
  {
    path: "/api/v1/decisions/batch",
    method: "post",
    operationId: "checkDecisionBatch",
    tag: "node",
    auth: "node",
    summary: `The same request checked for up to ${MAX_BATCH_SUBJECTS.toLocaleString("en-GB")} people, under one signature`,
    description: [
      `One signature (typ \`donum-decision-batch+jwt\`) over the RFC 9162 Merkle root of the decisions, and an inclusion proof per item: each item verifies on its own against the token. Item i answers subjects[i]. Its leaf is the item without \`proof\`, as canonical JSON, hashed as SHA-256(0x00 ‖ bytes).`,
      `1 to ${MAX_BATCH_SUBJECTS.toLocaleString("en-GB")} subjects; more is 413. A malformed identifier refuses the whole batch (400 INVALID_SUBJECT_IDENTIFIER, positions in \`errors\`, never the values). In the node's rate limit a batch costs one token per ${BATCH_SUBJECTS_PER_RATE_TOKEN} subjects.`,
    ].join("\n\n"),
    body: {
      schema: "BatchCheckRequest",
      example: { subjects: [{ nationalId: "BE/BE/85073003328" }, { nationalId: "ES/ES/02635542Y" }], request: checkExample.request, permitReference: "P-2026-001" },
      maxBytes: BATCH_CHECK_MAX_BODY_BYTES,
    },
    ok: [{ status: 200, description: "The signed batch: one token, every item with its proof.", schema: "BatchAnswer", headers: NO_STORE }],
    problems: ["INVALID_INPUT", "INVALID_SUBJECT_IDENTIFIER"],
  },
  {
    path: "/api/v1/feed",
    method: "get",
    operationId: "readFeed",
    tag: "node",
    auth: "node",
    summary: "The withdrawal feed: consent changes of the people this node has checked",
    description: [
      "A signed page (typ `donum-feed+jwt`) of consent changes — granted, amended, withdrawn, opted out — of the people this node has checked, under the references it received in its decisions: never another node's reference, never an identifier.",
      "Act on a page (stop further use of the data of each withdrawn or opted-out `sub`), then store `nextCursor` and poll again from it; while `hasMore` is true, ask again at once. A page older than 5 minutes should not be trusted as current.",
    ].join("\n\n"),
    parameters: queryParameters(FeedQuery),
    ok: [{ status: 200, description: "One signed page.", schema: "FeedAnswer", headers: NO_STORE }],
    problems: ["INVALID_INPUT"],
  },
  {
    path: "/api/v1/whoami",
    method: "get",
    operationId: "whoAmI",
    tag: "node",
    auth: "node",
    summary: "Which node Donum takes the caller for",
    description: "The smallest authenticated call: checks the node's key, clock and request signing before anything else.",
    ok: [{ status: 200, description: "The authenticated node.", schema: "WhoAmI" }],
    problems: [],
  },
  {
    path: "/api/v1/whoami",
    method: "post",
    operationId: "whoAmIWithBody",
    tag: "node",
    auth: "node",
    summary: "Which node Donum takes the caller for, after checking a signed body",
    description: "As GET, after authenticating a JSON body (any; it is ignored): checks the body digest (`bdh`) too.",
    body: { schema: {}, description: "Any JSON value (ignored).", example: { hello: "Donum" } },
    ok: [{ status: 200, description: "The authenticated node.", schema: "WhoAmI" }],
    problems: ["INVALID_INPUT"],
  },
  {
    path: "/api/v1/openapi.json",
    method: "get",
    operationId: "openApiDocument",
    tag: "service",
    auth: "public",
    summary: "This document",
    description: "The OpenAPI 3.1 document of Donum's API, generated from the schemas the routes validate with. Public; may be cached for 5 minutes.",
    ok: [{ status: 200, description: "The OpenAPI document.", contentType: "application/json" }],
    problems: ["INTERNAL"],
  },
  {
    path: "/.well-known/jwks.json",
    method: "get",
    operationId: "donumJwks",
    tag: "keys",
    auth: "public",
    summary: "Donum's public signing keys",
    description: `The JWK Set that verifies decisions, batches, feed pages and consent receipts: the current key, a staged next key during a rotation, and previous keys still published. Cache it for at most ${JWKS_MAX_AGE_SECONDS} s; when a token names a kid it does not hold, fetch it again once (a rotation). Keep a copy to verify stored evidence offline.`,
    ok: [
      {
        status: 200,
        description: "The JWK Set.",
        schema: "JwkSet",
        contentType: "application/jwk-set+json",
        headers: { "Cache-Control": { description: `public, max-age=${JWKS_MAX_AGE_SECONDS}`, schema: { type: "string" } } },
      },
    ],
    problems: ["INTERNAL", "STORE_UNAVAILABLE"],
  },
  {
    path: "/api/v1/log/checkpoint",
    method: "get",
    operationId: "logCheckpoint",
    tag: "service",
    auth: "public",
    summary: "The audit log's latest signed checkpoint",
    description:
      "The RFC 9162 Merkle tree over every audit entry: `checkpoint` is a compact JWS (typ `donum-checkpoint+jwt`) of { origin, treeSize, rootHash (base64), timestamp }, verifiable with /.well-known/jwks.json; the other members repeat its payload. Hashes only, no entry (ADR 0007).",
    ok: [{ status: 200, description: "{ checkpoint, treeSize, rootHash, timestamp }.", contentType: "application/json", headers: NO_STORE }],
    problems: ["NOT_FOUND", "INTERNAL", "STORE_UNAVAILABLE"],
  },
  {
    path: "/api/v1/log/proof/inclusion",
    method: "get",
    operationId: "logInclusionProof",
    tag: "service",
    auth: "public",
    summary: "Proof that an audit entry is in the log",
    description:
      "PATH(seq, D[treeSize]) of RFC 9162 §2.1.3.1 as base64 hashes, nearest sibling first, with the entry's leaf hash (SHA-256(0x00 ‖ canonical JSON of the entry, seq included)). Verify against the root of a checkpoint of that size.",
    parameters: [
      { name: "seq", in: "query", required: true, description: "The entry's position in the log, from 0.", schema: { type: "string", pattern: "^[0-9]+$" } },
      { name: "treeSize", in: "query", required: false, description: "The tree size (default: the latest checkpoint's).", schema: { type: "string", pattern: "^[0-9]+$" } },
    ],
    ok: [{ status: 200, description: "{ seq, treeSize, leafHash, proof }.", contentType: "application/json", headers: NO_STORE }],
    problems: ["INVALID_INPUT", "NOT_FOUND", "INTERNAL", "STORE_UNAVAILABLE"],
  },
  {
    path: "/api/v1/log/proof/consistency",
    method: "get",
    operationId: "logConsistencyProof",
    tag: "service",
    auth: "public",
    summary: "Proof that the log only grew between two tree sizes",
    description: "PROOF(from, D[to]) of RFC 9162 §2.1.4.1 as base64 hashes. Verify against the roots of two checkpoints of those sizes.",
    parameters: [
      { name: "from", in: "query", required: true, description: "The earlier tree size.", schema: { type: "string", pattern: "^[0-9]+$" } },
      { name: "to", in: "query", required: false, description: "The later tree size (default: the latest checkpoint's).", schema: { type: "string", pattern: "^[0-9]+$" } },
    ],
    ok: [{ status: 200, description: "{ from, to, proof }.", contentType: "application/json", headers: NO_STORE }],
    problems: ["INVALID_INPUT", "NOT_FOUND", "INTERNAL", "STORE_UNAVAILABLE"],
  },
  {
    path: "/api/health",
    method: "get",
    operationId: "health",
    tag: "service",
    auth: "public",
    summary: "Whether Donum can answer",
    description: "Whether the store answers, and which key signs. 503 with the same shape when the store cannot be reached.",
    ok: [
      { status: 200, description: "Donum is up.", schema: "Health" },
      { status: 503, description: "The store cannot be reached.", schema: "Health" },
    ],
    problems: ["INTERNAL"],
  },
  // ── The portal (cookie-authenticated) ──
  {
    path: "/api/me/consent",
    method: "get",
    operationId: "getMyConsent",
    tag: "portal",
    auth: "portal",
    summary: "The signed-in citizen's consent",
    description: "The current consent (or none), its status as of now, and whether a newer material form version needs a new consent.",
    ok: [{ status: 200, description: "The current consent.", schema: "CurrentConsent" }],
    problems: ["FORBIDDEN"],
  },
  {
    path: "/api/me/consent",
    method: "post",
    operationId: "giveConsent",
    tag: "portal",
    auth: "portal",
    summary: "Give consent",
    description: "The subject comes from the session only, never from the request.",
    body: { schema: "GrantConsentInput" },
    ok: [{ status: 201, description: "The consent given.", schema: "ConsentView" }],
    problems: ["FORM_NOT_FOUND", "FORM_LANGUAGE_NOT_AVAILABLE", "FORM_TEXT_MISMATCH", "FORM_VERSION_OUTDATED", "VALID_UNTIL_IN_PAST", "CONSENT_ALREADY_ACTIVE", "CONFLICT"],
  },
  {
    path: "/api/me/consent",
    method: "put",
    operationId: "amendConsent",
    tag: "portal",
    auth: "portal",
    summary: "Change the scope of an active consent",
    description: "A change made meanwhile (another `expectedVersion`) is not overwritten: 409 CONFLICT.",
    body: { schema: "AmendConsentInput" },
    ok: [{ status: 200, description: "The amended consent.", schema: "ConsentView" }],
    problems: ["FORM_NOT_FOUND", "FORM_LANGUAGE_NOT_AVAILABLE", "FORM_TEXT_MISMATCH", "FORM_VERSION_OUTDATED", "VALID_UNTIL_IN_PAST", "CONSENT_NOT_FOUND", "CONSENT_NOT_ACTIVE", "CONFLICT"],
  },
  {
    path: "/api/me/consent/withdraw",
    method: "post",
    operationId: "withdrawConsent",
    tag: "portal",
    auth: "portal",
    summary: "Withdraw consent in one step",
    description: "Obeyed by the very next check of every node, and listed in the feed of every node that checked the person.",
    body: { schema: "WithdrawConsentInput" },
    ok: [{ status: 200, description: "The withdrawn consent.", schema: "ConsentView" }],
    problems: ["CONSENT_NOT_FOUND", "CONSENT_NOT_ACTIVE", "CONFLICT"],
  },
  {
    path: "/api/me/opt-out",
    method: "post",
    operationId: "optOut",
    tag: "portal",
    auth: "portal",
    summary: "Opt out of all secondary use (EHDS Art. 71)",
    description: "Every later check is a DENY (OPTED_OUT) until consent is given again.",
    body: { schema: "OptOutInput" },
    ok: [{ status: 200, description: "The consent, opted out.", schema: "ConsentView" }],
    problems: ["ALREADY_OPTED_OUT", "CONFLICT"],
  },
  {
    path: "/api/me/history",
    method: "get",
    operationId: "myConsentHistory",
    tag: "portal",
    auth: "portal",
    summary: "Every change of the citizen's consent",
    description: "Oldest first, each with the exact form text it was made on.",
    ok: [{ status: 200, description: "The history.", schema: "ConsentHistory" }],
    problems: [],
  },
  {
    path: "/api/me/lookups",
    method: "get",
    operationId: "myLookups",
    tag: "portal",
    auth: "portal",
    summary: "Who looked me up: every decision a node received about the citizen",
    description: "Newest first; a node is shown by its registered organisation and country.",
    ok: [{ status: 200, description: "The lookups.", schema: "Lookups" }],
    problems: [],
  },
  {
    path: "/api/me/receipt",
    method: "get",
    operationId: "myConsentReceipt",
    tag: "portal",
    auth: "portal",
    summary: "The signed consent receipt (Kantara / ISO/IEC TS 27560)",
    description: "As JSON with its JWS, or (format=jws) the compact JWS alone as a download.",
    parameters: [
      { name: "format", in: "query", required: false, description: "json (default) or jws.", schema: { type: "string", enum: ["json", "jws"] } },
      { name: "lang", in: "query", required: false, description: "ISO 639-1 language of the labels of a receipt without form text (an opt-out).", schema: { type: "string", pattern: "^[a-z]{2}$" } },
    ],
    ok: [
      { status: 200, description: "The receipt (format=json), or the compact JWS alone as application/jose (format=jws).", schema: "ReceiptAnswer" },
    ],
    problems: ["INVALID_INPUT", "CONSENT_NOT_FOUND"],
  },
  {
    path: "/api/me/session",
    method: "get",
    operationId: "mySession",
    tag: "portal",
    auth: "portal",
    summary: "The signed-in citizen's session",
    description: "A probe for the sign-in wiring.",
    ok: [{ status: 200, description: "Name and roles.", schema: "SessionAnswer" }],
    problems: [],
  },
  {
    path: "/api/me/session",
    method: "post",
    operationId: "mySessionChecked",
    tag: "portal",
    auth: "portal",
    summary: "The session, after the guards of every state-changing call",
    description: "Same origin, a JSON body of at most 64 KiB (here `{}`); changes nothing.",
    body: { schema: { type: "object", maxProperties: 0 }, description: "An empty JSON object.", example: {} },
    ok: [{ status: 200, description: "Name and roles.", schema: "SessionAnswer" }],
    problems: [],
  },
  {
    path: "/api/operator/nodes",
    method: "get",
    operationId: "listNodes",
    tag: "portal",
    auth: "portal",
    summary: "Operators: the registered imaging nodes",
    description: "Needs the operator role.",
    ok: [{ status: 200, description: "Every node.", schema: "NodeList" }],
    problems: [],
  },
  {
    path: "/api/operator/nodes",
    method: "post",
    operationId: "registerNode",
    tag: "portal",
    auth: "portal",
    summary: "Operators: register an imaging node",
    description: "Needs the operator role. The key id defaults to the key's RFC 7638 thumbprint.",
    body: { schema: "RegisterNodeInput" },
    ok: [{ status: 201, description: "The registered node.", schema: "NodeAnswer" }],
    problems: ["NODE_EXISTS"],
  },
  {
    path: "/api/operator/nodes/{id}/status",
    method: "post",
    operationId: "setNodeStatus",
    tag: "portal",
    auth: "portal",
    summary: "Operators: suspend or reactivate a node",
    description: "Needs the operator role. A suspended node's requests are refused with NODE_SUSPENDED.",
    parameters: [{ name: "id", in: "path", required: true, description: "The node id.", schema: { type: "string", pattern: "^[a-z0-9][a-z0-9-]{2,62}$" } }],
    body: { schema: "SetNodeStatusBody" },
    ok: [{ status: 200, description: "The node's new status.", schema: "NodeStatusAnswer" }],
    problems: ["NODE_NOT_FOUND", "CONFLICT"],
  },
  {
    path: "/api/operator/forms",
    method: "get",
    operationId: "listFormVersions",
    tag: "portal",
    auth: "portal",
    summary: "Operators: the published consent-form versions",
    description: "Needs the operator role.",
    ok: [{ status: 200, description: "The versions.", schema: "FormVersions" }],
    problems: [],
  },
  {
    path: "/api/operator/forms",
    method: "post",
    operationId: "reviewOrPublishForm",
    tag: "portal",
    auth: "portal",
    summary: "Operators: review a consent-form draft, or publish it",
    description: "Needs the operator role. Body at most 2 MiB. 200 for a review, 201 when published.",
    body: { schema: "PublishFormRequest", maxBytes: 2 * 1024 * 1024 },
    ok: [
      { status: 200, description: "The review.", schema: "FormReviewAnswer" },
      { status: 201, description: "Published.", schema: "FormReviewAnswer" },
    ],
    problems: ["FORM_VERSION_EXISTS", "FORM_VERSION_OUTDATED", "MATERIAL_CHANGE_NOT_MARKED"],
  },
  {
    path: "/api/regulator/exports",
    method: "get",
    operationId: "listExports",
    tag: "portal",
    auth: "portal",
    summary: "Regulators: the most recent exports of the audit trail",
    description: "Needs the regulator role. Newest first, at most 20.",
    ok: [{ status: 200, description: "The exports.", schema: "ExportList" }],
    problems: [],
  },
  {
    path: "/api/regulator/exports",
    method: "post",
    operationId: "requestExport",
    tag: "portal",
    auth: "portal",
    summary: "Regulators: export a period of the audit trail as a verifiable bundle",
    description:
      "Needs the regulator role. Queues the export (an export.requested audit entry) and answers 202; poll the export for its progress. The bundle (format donum-audit-export/1, ADR 0008) holds the entries as NDJSON and CSV, the signed checkpoint that covers them, the proof that rebuilds its root, and a manifest signed by Donum; `npm run donum -- verify-export` checks it.",
    body: { schema: "ExportRequestBody", example: { from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z", filters: { decision: "DENY" } } },
    ok: [{ status: 202, description: "Queued.", schema: "ExportAnswer" }],
    problems: [],
  },
  {
    path: "/api/regulator/exports/{id}",
    method: "get",
    operationId: "getExport",
    tag: "portal",
    auth: "portal",
    summary: "Regulators: one export, with its progress",
    description: "Needs the regulator role.",
    parameters: EXPORT_ID,
    ok: [{ status: 200, description: "The export.", schema: "ExportAnswer" }],
    problems: ["NOT_FOUND"],
  },
  {
    path: "/api/regulator/exports/{id}/bundle",
    method: "get",
    operationId: "downloadExportBundle",
    tag: "portal",
    auth: "portal",
    summary: "Regulators: the bundle of a finished export, as one .tar",
    description: "Needs the regulator role. A POSIX ustar archive of one folder donum-export-<id>/ with the bundle's files, streamed.",
    parameters: EXPORT_ID,
    ok: [{ status: 200, description: "The archive.", contentType: "application/x-tar" }],
    problems: ["NOT_FOUND", "EXPORT_NOT_READY"],
  },
  {
    path: "/api/regulator/exports/{id}/files/{name}",
    method: "get",
    operationId: "downloadExportFile",
    tag: "portal",
    auth: "portal",
    summary: "Regulators: one file of a finished export's bundle",
    description: "Needs the regulator role.",
    parameters: [
      ...EXPORT_ID,
      {
        name: "name",
        in: "path",
        required: true,
        description: "The file.",
        schema: { type: "string", enum: ["manifest.jws", "manifest.json", "checkpoint.jws", "entries.ndjson", "entries.csv", "proof.ndjson", "README.txt"] },
      },
    ],
    ok: [{ status: 200, description: "The file's bytes.", contentType: "application/octet-stream" }],
    problems: ["NOT_FOUND", "EXPORT_NOT_READY"],
  },
];

const SECURITY: Record<Auth, Record<string, string[]>[]> = {
  node: [{ DonumNode: [] }],
  portal: [{ PortalSession: [] }],
  public: [],
};

function problemResponses(spec: OperationSpec): Record<string, ResponseObject> {
  const isWrite = spec.method !== "get";
  const codes = new Set<ErrorCode>([
    ...(spec.auth === "node" ? NODE_PROBLEMS : spec.auth === "portal" ? (isWrite ? PORTAL_WRITE_PROBLEMS : PORTAL_PROBLEMS) : []),
    ...spec.problems,
  ]);
  const byStatus = new Map<number, ProblemCodeDoc[]>();
  for (const doc of PROBLEM_CODES) {
    if (!codes.has(doc.code)) continue;
    byStatus.set(doc.status, [...(byStatus.get(doc.status) ?? []), doc]);
  }
  const out: Record<string, ResponseObject> = {};
  for (const [status, docs] of [...byStatus.entries()].sort((a, b) => a[0] - b[0])) {
    const headers: ResponseObject["headers"] = {};
    if (status === 401 && spec.auth === "node") headers["WWW-Authenticate"] = { description: NODE_AUTH_SCHEME, schema: { type: "string", const: NODE_AUTH_SCHEME } };
    if (status === 429) headers["Retry-After"] = { description: "Whole seconds to wait before the request is sent again (signed anew).", schema: { type: "integer", minimum: 1 } };
    out[String(status)] = {
      description: docs.map((d) => `${d.code}: ${d.title}`).join(". "),
      ...(Object.keys(headers).length ? { headers } : {}),
      content: {
        "application/problem+json": {
          schema: ref("Problem"),
          example: { type: docs[0]!.type, title: docs[0]!.title, status, code: docs[0]!.code, instance: spec.path },
        },
      },
      "x-problem-codes": docs.map((d) => d.code),
    };
  }
  return out;
}

function operation(spec: OperationSpec): OperationObject {
  const responses: Record<string, ResponseObject> = {};
  for (const ok of spec.ok) {
    const media: MediaTypeObject = { schema: ok.schema ? ref(ok.schema) : { type: "object" }, ...(ok.example !== undefined ? { example: ok.example } : {}) };
    responses[String(ok.status)] = {
      description: ok.description,
      ...(ok.headers ? { headers: ok.headers } : {}),
      content: { [ok.contentType ?? "application/json"]: media },
    };
  }
  Object.assign(responses, problemResponses(spec));
  const body = spec.body;
  return {
    operationId: spec.operationId,
    tags: [spec.tag],
    summary: spec.summary,
    description: spec.description,
    security: SECURITY[spec.auth],
    ...(spec.parameters ? { parameters: spec.parameters } : {}),
    ...(body
      ? {
          requestBody: {
            required: true,
            ...(body.description ? { description: body.description } : {}),
            content: {
              "application/json": {
                schema: typeof body.schema === "string" ? ref(body.schema) : body.schema,
                ...(body.example !== undefined ? { example: body.example } : {}),
              },
            },
          },
        }
      : {}),
    responses,
    ...(spec.auth === "node" ? { "x-max-body-bytes": body?.maxBytes ?? SINGLE_CHECK_MAX_BODY_BYTES } : body?.maxBytes ? { "x-max-body-bytes": body.maxBytes } : {}),
  };
}

function build(serverUrl: string): OpenApiDocument {
  const paths: Record<string, PathItemObject> = {};
  for (const spec of OPERATIONS) (paths[spec.path] ??= {})[spec.method] = operation(spec);
  return {
    openapi: OPENAPI_VERSION,
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Donum API",
      version: API_VERSION,
      summary: "Signed consent checks for imaging nodes of a European cancer-imaging data federation.",
      description: [
        "Imaging nodes (hospital gateways) ask Donum, before releasing any data, whether a citizen's consent allows that release, and keep Donum's signed answer as evidence. Every answer is a compact JWS verifiable offline with /.well-known/jwks.json.",
        "Errors are RFC 9457 `application/problem+json` with a stable `code`; `x-problem-codes` lists every code. The readable reference is /docs/api; the node's guide is docs/node-api.md; the SDK is lib/client and the CLI `npm run -s donum -- check …`.",
      ].join("\n\n"),
      license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
    },
    servers: [{ url: serverUrl, description: "This Donum" }],
    tags: [
      { name: "node", description: "The consent-check API of imaging nodes: every request signed with the node's key (DonumNode)." },
      { name: "keys", description: "Donum's public keys, to verify its answers offline." },
      { name: "service", description: "Health and this document." },
      { name: "portal", description: "The portal's own calls, cookie-authenticated (a signed-in citizen or operator session); documented for completeness, not for machine clients." },
    ],
    paths,
    components: {
      schemas: { ...convert(INPUT_SCHEMAS, "input"), ...convert(OUTPUT_SCHEMAS, "output", COMPONENT_DESCRIPTIONS) },
      securitySchemes: {
        DonumNode: {
          type: "http",
          scheme: NODE_AUTH_SCHEME,
          description: NODE_AUTH_DESCRIPTION,
          "x-token-type": NODE_REQUEST_TYP,
          "x-token-header": NODE_TOKEN_HEADER,
          "x-token-claims": NODE_TOKEN_CLAIMS,
        },
        PortalSession: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description:
            "The portal's session cookie, set by signing in with the national eID (OpenID Connect) at /signin; named __Secure-next-auth.session-token over https. State-changing calls must also come from the portal's own origin.",
        },
      },
    },
    "x-problem-codes": [...PROBLEM_CODES],
  };
}

const cache = new Map<string, OpenApiDocument>();

/** The document for a Donum reached at `serverUrl` (its public URL). Built once per URL. */
export function openApiDocument(serverUrl: string): OpenApiDocument {
  const url = serverUrl.replace(/\/+$/, "");
  let doc = cache.get(url);
  if (!doc) cache.set(url, (doc = build(url)));
  return doc;
}
