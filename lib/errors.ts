/**
 * One error type for everything a caller should be told about. Each code has one HTTP status;
 * lib/http/problem.ts turns an AppError into RFC 9457 problem+json. Anything that is not an
 * AppError is unexpected and becomes a generic 500 with a correlation id.
 */
export const ERROR_CODES = {
  INVALID_INPUT: { status: 400, title: "The request is not valid" },
  INVALID_SUBJECT_IDENTIFIER: { status: 400, title: "The national identifier is not valid" },
  FORM_NOT_FOUND: { status: 404, title: "No such consent form version" },
  FORM_LANGUAGE_NOT_AVAILABLE: { status: 400, title: "The consent form is not available in that language" },
  FORM_TEXT_MISMATCH: { status: 400, title: "The form text shown does not match the published text" },
  FORM_VERSION_OUTDATED: { status: 409, title: "A newer version of the consent form has been published" },
  FORM_VERSION_EXISTS: { status: 409, title: "That consent form version already exists" },
  MATERIAL_CHANGE_NOT_MARKED: {
    status: 409,
    title: "This version changes what consent covers but is not marked material; existing consents would silently cover new terms",
  },
  VALID_UNTIL_IN_PAST: { status: 400, title: "The end date of a consent must be in the future" },
  CONSENT_NOT_FOUND: { status: 404, title: "There is no consent to change" },
  CONSENT_ALREADY_ACTIVE: { status: 409, title: "Consent is already given; amend it instead" },
  CONSENT_NOT_ACTIVE: { status: 409, title: "The consent is not active" },
  ALREADY_OPTED_OUT: { status: 409, title: "Already opted out" },
  CONFLICT: { status: 409, title: "The record was changed by someone else; reload and try again" },
  NODE_NOT_FOUND: { status: 404, title: "No such node" },
  NODE_EXISTS: { status: 409, title: "A node with that id already exists" },
  // Node request authentication (ADR 0005, docs/node-api.md). Each refusal says its code and title, nothing more.
  NODE_AUTH_MISSING: { status: 401, title: "The request carries no valid node signature (Authorization: DonumNode <signed request token>)" },
  NODE_UNKNOWN: { status: 401, title: "The node is not registered" },
  NODE_SUSPENDED: { status: 401, title: "The node is suspended" },
  NODE_KEY_UNKNOWN: { status: 401, title: "The key is not an active key of the node" },
  NODE_SIGNATURE_INVALID: { status: 401, title: "The request signature is not valid" },
  NODE_REQUEST_EXPIRED: { status: 401, title: "The signed request is expired, not yet valid, or valid for more than 60 seconds" },
  NODE_REQUEST_REPLAYED: { status: 401, title: "The signed request was already used; sign every request anew" },
  NODE_BODY_MISMATCH: { status: 401, title: "The request body does not match the signed body digest" },
  NODE_REQUEST_MISMATCH: { status: 401, title: "The signed request is for another audience, method or path" },
  UNAUTHENTICATED: { status: 401, title: "Sign-in is required" },
  FORBIDDEN: { status: 403, title: "You may not do this" },
  NOT_FOUND: { status: 404, title: "Not found" },
  LOG_NOT_CAUGHT_UP: { status: 503, title: "The audit log has not yet taken in every entry of the period; try again in a minute" },
  EXPORT_NOT_READY: { status: 409, title: "The export is not finished" },
  BLOB_EXISTS: { status: 409, title: "That object already exists; stored objects are never overwritten" },
  PAYLOAD_TOO_LARGE: { status: 413, title: "The request body is too large" },
  RATE_LIMITED: { status: 429, title: "Too many requests" },
  STORE_UNAVAILABLE: { status: 503, title: "The store is not available" },
  NOT_READY: { status: 503, title: "The portal is starting, or could not start; try again shortly" },
  INTERNAL: { status: 500, title: "Something went wrong on our side" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldIssue {
  /** Dotted path of the field, e.g. "scope.dataCategories". */
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message ?? ERROR_CODES[code].title);
    this.name = "AppError";
    this.status = ERROR_CODES[code].status;
  }
}

/**
 * True for an AppError from any copy of this module. Next bundles the instrumentation hook (which
 * builds the shared container) separately from each route, so an error thrown by a store or the
 * subject keyer can come from another copy of this class: `instanceof` alone would turn a 409 into
 * a 500. The brand is the name plus a known code.
 */
export function isAppError(e: unknown): e is AppError {
  if (e instanceof AppError) return true;
  if (typeof e !== "object" || e === null) return false;
  const candidate = e as { name?: unknown; code?: unknown; status?: unknown; issues?: unknown };
  return (
    candidate.name === "AppError" &&
    typeof candidate.code === "string" &&
    Object.hasOwn(ERROR_CODES, candidate.code) &&
    candidate.status === ERROR_CODES[candidate.code as ErrorCode].status &&
    Array.isArray(candidate.issues)
  );
}

/** True when `e` is an AppError with this code (from any copy of the module). */
export function hasErrorCode(e: unknown, code: ErrorCode): boolean {
  return isAppError(e) && e.code === code;
}
