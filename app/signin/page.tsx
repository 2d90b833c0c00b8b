import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getSessionUser } from "../../lib/auth/session";
import { safeCallbackPath } from "../../lib/auth/request-guard";
import { getConfig } from "../../lib/config";
import { SignInButton } from "./SignInButton";

const TEXT = {
  title: "Sign in — Donum",
  heading: "Sign in to Donum",
  intro:
    "Donum uses your country's national electronic identity (eID) to know it is you. You will leave this site to sign in " +
    "with your eID, then come back here.",
  privacy:
    "Donum does not keep your national identification number. It turns it at once into a code that only Donum can " +
    "recompute, and stores only that code with your choices.",
  button: "Sign in with your national eID",
  busy: "Taking you to your eID…",
  devNoticeTitle: "Development sign-in: demo accounts only",
  devNoticeBody:
    "This installation uses the bundled development sign-in, not a real eID. You will choose one of the demo people; " +
    "nothing you do here concerns a real person.",
  errorTitle: "You are not signed in",
  errors: {
    NoPersonIdentifier:
      "Your eID did not give Donum a national identification number it can use, so Donum cannot tell whose consent " +
      "this is. Try again with a national eID that includes your personal identifier.",
    NoSubject: "Your eID sign-in did not complete correctly. Please try again.",
    DevProviderInProduction: "This sign-in came from a development identity provider, which this portal does not accept.",
    AccessDenied: "Sign-in was cancelled or refused.",
    OAuthCallback: "Sign-in was cancelled, or your eID provider could not confirm who you are. Please try again.",
    Callback: "Sign-in was cancelled, or your eID provider could not confirm who you are. Please try again.",
    OAuthSignin: "Donum could not reach the eID sign-in service. Please try again in a few minutes.",
    SessionRequired: "Please sign in to see that page.",
    Default: "Sign-in did not work. Please try again.",
  } as Record<string, string>,
} as const;

export const metadata: Metadata = { title: TEXT.title };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The sign-in page: one button to the national eID; also where next-auth sends sign-in errors. */
export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  const error = first(params.error);
  if (!error && (await getSessionUser())) redirect(callbackUrl);
  const devIdp = getConfig().auth.devIdp !== null;
  const errorMessage = error ? (TEXT.errors[error] ?? TEXT.errors.Default) : null;

  return (
    <div className="px-4 py-12 sm:px-6 sm:py-16">
      <div className="mx-auto max-w-xl">
        <h1 className="text-3xl font-bold tracking-tight text-brand-700 sm:text-4xl">{TEXT.heading}</h1>

        {errorMessage ? (
          <div role="alert" className="mt-6 rounded-lg border-2 border-red-800 bg-white p-4">
            <p className="font-semibold text-red-800">{TEXT.errorTitle}</p>
            <p className="mt-1">{errorMessage}</p>
          </div>
        ) : null}

        {devIdp ? (
          <aside aria-labelledby="dev-signin-notice" className="mt-6 rounded-lg border-2 border-dashed border-focus bg-white p-4">
            <h2 id="dev-signin-notice" className="text-lg font-semibold text-ink">
              {TEXT.devNoticeTitle}
            </h2>
            <p className="mt-1 text-muted">{TEXT.devNoticeBody}</p>
          </aside>
        ) : null}

        <p className="mt-6 text-lg">{TEXT.intro}</p>
        <div className="mt-8">
          <SignInButton callbackUrl={callbackUrl} label={TEXT.button} busyLabel={TEXT.busy} />
        </div>
        <p className="mt-8 text-muted">{TEXT.privacy}</p>
      </div>
    </div>
  );
}
