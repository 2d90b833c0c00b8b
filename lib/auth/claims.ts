/**
 * From the eID provider's ID-token claims to who the user is in Donum: pure, no I/O, no Next.
 *
 * The raw national identifier is read here, keyed at once with the caller's `keyOf`, and
 * dropped: what comes out holds only the opaque `sub`, the subject key, the roles and a name.
 */
export const ROLES = ["citizen", "regulator", "operator"] as const;
export type Role = (typeof ROLES)[number];

/** What the encrypted session cookie holds: nothing else, and never the national identifier. */
export interface SessionIdentity {
  sub: string;
  subjectKey: string | null;
  roles: Role[];
  name: string;
}

export interface ClaimsPolicy {
  mode: "embedded" | "production";
  /** The claim with the eIDAS person identifier (config.auth.idClaim). */
  idClaim: string;
  /** The claim with roles (config.auth.rolesClaim). */
  rolesClaim: string;
  regulatorSubs: readonly string[];
  operatorSubs: readonly string[];
}

/** Why a sign-in is refused; each has a message on the sign-in page. */
export type SignInRefusal =
  /** The ID token has no usable `sub`. */
  | "NoSubject"
  /** No valid national identifier, and no regulator or operator role either. */
  | "NoPersonIdentifier"
  /** A token of the bundled development provider reached a production portal. */
  | "DevProviderInProduction";

export type IdentityResult = { ok: true; identity: SessionIdentity } | { ok: false; refusal: SignInRefusal };

/** Claim set by the bundled development provider on every token it issues. */
export const DEV_IDP_CLAIM = "donum_dev_idp";

const MAX_SUB = 190; // leaves room for the "oidc:" prefix in an audit Actor id (max 200)
const MAX_NAME = 200;

/**
 * Roles granted by the provider's roles claim (an array, or a space/comma-separated string)
 * and by the `sub` allowlists. "citizen" is never taken from a claim: it follows from a valid
 * national identifier alone.
 */
export function privilegedRoles(claims: Record<string, unknown>, sub: string, policy: ClaimsPolicy): Role[] {
  const raw = claims[policy.rolesClaim];
  const values = Array.isArray(raw)
    ? raw.filter((v): v is string => typeof v === "string")
    : typeof raw === "string"
      ? raw.split(/[\s,]+/)
      : [];
  const claimed = new Set(values.map((v) => v.trim().toLowerCase()));
  const roles: Role[] = [];
  if (claimed.has("regulator") || policy.regulatorSubs.includes(sub)) roles.push("regulator");
  if (claimed.has("operator") || policy.operatorSubs.includes(sub)) roles.push("operator");
  return roles;
}

/** Keys the identifier claim; a missing or malformed identifier gives null (the error is not kept: it could quote the input). */
export function subjectKeyFromClaims(claims: Record<string, unknown>, policy: ClaimsPolicy, keyOf: (raw: string) => string): string | null {
  const raw = claims[policy.idClaim];
  if (typeof raw !== "string" || raw.trim() === "") return null;
  try {
    return keyOf(raw);
  } catch {
    return null;
  }
}

/**
 * Decides who signed in. A citizen needs a valid national identifier; a regulator or operator
 * without one still signs in (subjectKey null); anyone else is refused.
 */
export function identityFromClaims(
  claims: Record<string, unknown>,
  policy: ClaimsPolicy,
  keyOf: (raw: string) => string,
): IdentityResult {
  if (policy.mode === "production" && claims[DEV_IDP_CLAIM] === true) return { ok: false, refusal: "DevProviderInProduction" };
  const sub = claims.sub;
  if (typeof sub !== "string" || sub.length === 0 || sub.length > MAX_SUB) return { ok: false, refusal: "NoSubject" };
  const subjectKey = subjectKeyFromClaims(claims, policy, keyOf);
  const roles: Role[] = [...(subjectKey ? (["citizen"] as const) : []), ...privilegedRoles(claims, sub, policy)];
  if (roles.length === 0) return { ok: false, refusal: "NoPersonIdentifier" };
  return { ok: true, identity: { sub, subjectKey, roles, name: displayName(claims) } };
}

function displayName(claims: Record<string, unknown>): string {
  const name = claims.name;
  if (typeof name === "string" && name.trim()) return name.trim().slice(0, MAX_NAME);
  const parts = [claims.given_name, claims.family_name].filter((p): p is string => typeof p === "string" && p.trim() !== "");
  return parts.length ? parts.join(" ").slice(0, MAX_NAME) : "Signed-in user";
}

/** Reads a SessionIdentity back from a decoded token or a server session; anything malformed is no identity. */
export function parseSessionIdentity(value: unknown): SessionIdentity | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (typeof v.sub !== "string" || !v.sub) return null;
  if (v.subjectKey !== null && (typeof v.subjectKey !== "string" || !/^[0-9a-f]{64}$/.test(v.subjectKey))) return null;
  if (!Array.isArray(v.roles) || !v.roles.every((r) => (ROLES as readonly unknown[]).includes(r))) return null;
  if (typeof v.name !== "string") return null;
  const roles = v.roles as Role[];
  // A citizen role without a subject key would make a citizen route act for nobody.
  if (roles.includes("citizen") && !v.subjectKey) return null;
  return { sub: v.sub, subjectKey: v.subjectKey as string | null, roles, name: v.name };
}

/** The four fields the session cookie may hold, copied field by field so nothing else slips in. */
export function tokenFromIdentity(identity: SessionIdentity): SessionIdentity {
  return { sub: identity.sub, subjectKey: identity.subjectKey, roles: [...identity.roles], name: identity.name };
}

/** What the browser sees of a session (GET /api/auth/session): no sub, no subject key. */
export interface ClientSessionUser {
  name: string;
  roles: Role[];
  hasSubject: boolean;
}

export function clientSessionUser(identity: SessionIdentity): ClientSessionUser {
  return { name: identity.name, roles: [...identity.roles], hasSubject: identity.subjectKey !== null };
}
