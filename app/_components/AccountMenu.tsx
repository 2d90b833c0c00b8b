import Link from "next/link";
import { unstable_rethrow } from "next/navigation";
import { getSessionUser, type SessionUser } from "../../lib/auth/session";
import { SignOutButton } from "./SignOutButton";

const TEXT = {
  signIn: "Sign in",
  signedInAs: "Signed in as",
  signOut: "Sign out",
  regionLabel: "Your account",
} as const;

/** The header's account corner: a sign-in link, or who is signed in and a sign-out button. */
export async function AccountMenu() {
  let user: SessionUser | null = null;
  try {
    user = await getSessionUser();
  } catch (error) {
    unstable_rethrow(error); // Next's own control flow (dynamic rendering, redirects) passes through
    // Sign-in is misconfigured or unavailable: the rest of the page still renders; the sign-in
    // page itself reports the problem.
    user = null;
  }
  if (!user) {
    return (
      <Link href="/signin" className="btn-secondary">
        {TEXT.signIn}
      </Link>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3" role="group" aria-label={TEXT.regionLabel}>
      <p className="text-sm">
        <span className="text-muted">{TEXT.signedInAs} </span>
        <span className="font-semibold">{user.name}</span>
      </p>
      <SignOutButton label={TEXT.signOut} />
    </div>
  );
}
