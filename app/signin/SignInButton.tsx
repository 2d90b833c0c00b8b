"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/** Starts the eID sign-in (next-auth posts to /api/auth/signin/eid with its CSRF token, then leaves for the provider). */
export function SignInButton({ callbackUrl, label, busyLabel }: { callbackUrl: string; label: string; busyLabel: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="btn-primary text-lg"
      disabled={busy}
      aria-busy={busy}
      onClick={() => {
        setBusy(true);
        void signIn("eid", { callbackUrl }).catch(() => setBusy(false));
      }}
    >
      {busy ? busyLabel : label}
    </button>
  );
}
