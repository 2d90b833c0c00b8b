/**
 * Every problem code Donum answers with (lib/errors.ts, ERROR_CODES), as the API documentation
 * lists it: status, title, the problem `type` URI lib/http/problem.ts writes, and when it happens.
 *
 * `WHEN` must name every code: a code added to ERROR_CODES without a line here does not compile,
 * and tests/unit/openapi.test.ts checks the published document lists each one.
 */
import { ERROR_CODES, type ErrorCode } from "../errors";
import { PROBLEM_TYPE_BASE } from "../http/problem";

const WHEN = {
  INVALID_INPUT: "The body or the query does not match the schema (`errors` lists each field: `path`, `message`), or the body is not JSON. Unknown members are refused, never ignored.",
  INVALID_SUBJECT_IDENTIFIER: "A `nationalId` is not an eIDAS person identifier (`CC/DD/IDENTIFIER` or `CC/IDENTIFIER`). In a batch the whole batch is refused; `errors` names the positions, never the values.",
  FORM_NOT_FOUND: "The consent-form version named does not exist.",
  FORM_LANGUAGE_NOT_AVAILABLE: "The consent form has no text in the language named.",
  FORM_TEXT_MISMATCH: "The hash of the form text shown is not the hash of the published text.",
  FORM_VERSION_OUTDATED: "A newer consent-form version was published since the form was shown: show it and ask again.",
  FORM_VERSION_EXISTS: "A consent-form version with that number is already published.",
  MATERIAL_CHANGE_NOT_MARKED: "The draft changes what consent covers but is not marked material.",
  VALID_UNTIL_IN_PAST: "The end date chosen for the consent is not in the future.",
  CONSENT_NOT_FOUND: "There is no consent to change, withdraw or give a receipt for.",
  CONSENT_ALREADY_ACTIVE: "Consent is already given; amend it instead.",
  CONSENT_NOT_ACTIVE: "The consent is withdrawn, expired or opted out, so it cannot be amended or withdrawn.",
  ALREADY_OPTED_OUT: "The person has already opted out.",
  CONFLICT: "The record changed since it was read (`expectedVersion`); read it again and retry.",
  NODE_NOT_FOUND: "No imaging node has that id.",
  NODE_EXISTS: "An imaging node with that id, or with that key, is already registered.",
  NODE_AUTH_MISSING: "No `Authorization: DonumNode <token>` header, or a token that is not three base64url parts with a JSON header (`typ`, `kid`) and every claim, each of its type.",
  NODE_UNKNOWN: "The token's `iss` is not a registered node.",
  NODE_SUSPENDED: "The operator has suspended the node; nothing is answered until it is activated.",
  NODE_KEY_UNKNOWN: "The `kid` names no active key of this node (another node's key, a retired key, or a key past its grace period).",
  NODE_SIGNATURE_INVALID: "The signature does not verify with the key named, `alg` is not ES256 or EdDSA or does not fit the key, or `crit` is present.",
  NODE_REQUEST_EXPIRED: "`iat`/`exp` are outside the accepted window: at most 60 s, 5 s of clock skew each way.",
  NODE_REQUEST_REPLAYED: "The token's `jti` was already used: sign every request, and every retry, anew.",
  NODE_BODY_MISMATCH: "`bdh` is not the SHA-256 of the exact body bytes sent.",
  NODE_REQUEST_MISMATCH: "`aud`, `htm` or `htu` (path with query) is not the request actually sent.",
  UNAUTHENTICATED: "A portal call without a signed-in session.",
  FORBIDDEN: "The session lacks the role the call needs, or a state-changing call came from another origin.",
  NOT_FOUND: "No such resource.",
  LOG_NOT_CAUGHT_UP: "An export was asked for a period whose newest entries the log has not sequenced and signed yet (DynamoDB sequences a few seconds after a write). Retry after a minute.",
  EXPORT_NOT_READY: "The export's files are asked for before it is done; read its state first.",
  BLOB_EXISTS: "An export file with that name is already stored; stored files are never overwritten.",
  PAYLOAD_TOO_LARGE: "The body is larger than the route's limit, or a batch names more than 10,000 subjects; `detail` states the limit.",
  RATE_LIMITED: "The node's rate limit: wait the `Retry-After` seconds, then send the request again, signed anew.",
  STORE_UNAVAILABLE: "The store could not be reached; nothing was decided or changed. Retry later.",
  NOT_READY: "The server has not finished starting (its configuration and secrets are not loaded yet), or could not start; nothing was done. Retry later.",
  INTERNAL: "Unexpected; `detail` carries a correlation id to quote. Nothing was decided.",
} as const satisfies Record<ErrorCode, string>;

export interface ProblemCodeDoc {
  code: ErrorCode;
  status: number;
  title: string;
  /** The problem `type` URI of the code. */
  type: string;
  /** When Donum answers it, and what to do. */
  when: string;
}

/** The `type` URI of a code, as lib/http/problem.ts writes it. */
export function problemTypeOf(code: ErrorCode): string {
  return `${PROBLEM_TYPE_BASE}${code.toLowerCase().replaceAll("_", "-")}`;
}

/** Every code of ERROR_CODES, in its order. */
export const PROBLEM_CODES: readonly ProblemCodeDoc[] = (Object.keys(ERROR_CODES) as ErrorCode[]).map((code) => ({
  code,
  status: ERROR_CODES[code].status,
  title: ERROR_CODES[code].title,
  type: problemTypeOf(code),
  when: WHEN[code],
}));

/** The codes every node-authenticated call may answer, besides its own. */
export const NODE_AUTH_CODES = [
  "NODE_AUTH_MISSING",
  "NODE_UNKNOWN",
  "NODE_SUSPENDED",
  "NODE_KEY_UNKNOWN",
  "NODE_SIGNATURE_INVALID",
  "NODE_REQUEST_MISMATCH",
  "NODE_REQUEST_EXPIRED",
  "NODE_BODY_MISMATCH",
  "NODE_REQUEST_REPLAYED",
] as const satisfies readonly ErrorCode[];
