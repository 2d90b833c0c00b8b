/**
 * The signed-in user, for Server Components and route handlers.
 */
import { getServerSession } from "next-auth/next";
import { parseSessionIdentity, type Role, type SessionIdentity } from "./claims";
import { getServerAuthOptions } from "./options";

export type { Role };

/** Server-side only: carries the subject key, which the browser never receives. */
export type SessionUser = SessionIdentity;

/** The user of the current request, or null when signed out (or the session is expired or malformed). */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = (await getServerSession(await getServerAuthOptions())) as { user?: unknown } | null;
  return parseSessionIdentity(session?.user);
}

export function hasRole(user: SessionUser, role: Role): boolean {
  return user.roles.includes(role);
}
