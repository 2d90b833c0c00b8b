"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

/** Ends the portal session (next-auth posts to /api/auth/signout with its CSRF token) and returns home. */
export function SignOutButton({ label }: { label: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="btn-secondary"
      disabled={busy}
      aria-busy={busy}
      onClick={() => {
        setBusy(true);
        void signOut({ callbackUrl: "/" }).catch(() => setBusy(false));
      }}
    >
      {label}
    </button>
  );
}
