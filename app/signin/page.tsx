import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getSessionUser } from "../../lib/auth/session";
import { safeCallbackPath } from "../../lib/auth/request-guard";
import { getConfig } from "../../lib/config";
import { getTranslator } from "../../lib/i18n/server";
import { SignInButton } from "./SignInButton";

/** The sign-in errors with their own message (next-auth's codes and Donum's); any other code gets "Default". */
const ERRORS = [
  "NoPersonIdentifier",
  "NoSubject",
  "DevProviderInProduction",
  "AccessDenied",
  "OAuthCallback",
  "Callback",
  "OAuthSignin",
  "SessionRequired",
] as const;
type ErrorCode = (typeof ERRORS)[number] | "Default";
const errorCode = (error: string): ErrorCode => ERRORS.find((e) => e === error) ?? "Default";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("meta.signIn") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The sign-in page: one button to the national eID; also where next-auth sends sign-in errors. */
export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const [params, { t }] = await Promise.all([searchParams, getTranslator()]);
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  const error = first(params.error);
  if (!error && (await getSessionUser())) redirect(callbackUrl);
  const devIdp = getConfig().auth.devIdp !== null;
  const errorMessage = error ? t(`signin.errors.${errorCode(error)}`) : null;

  return (
    <div className="px-4 py-12 sm:px-6 sm:py-16">
      <div className="mx-auto max-w-xl">
        <h1 className="text-3xl font-bold tracking-tight text-brand-700 sm:text-4xl">{t("signin.heading")}</h1>

        {errorMessage ? (
          <div role="alert" className="mt-6 rounded-lg border-2 border-red-800 bg-white p-4">
            <p className="font-semibold text-red-800">{t("signin.errorTitle")}</p>
            <p className="mt-1">{errorMessage}</p>
          </div>
        ) : null}

        {devIdp ? (
          <aside aria-labelledby="dev-signin-notice" className="mt-6 rounded-lg border-2 border-dashed border-focus bg-white p-4">
            <h2 id="dev-signin-notice" className="text-lg font-semibold text-ink">
              {t("signin.devNoticeTitle")}
            </h2>
            <p className="mt-1 text-muted">{t("signin.devNoticeBody")}</p>
          </aside>
        ) : null}

        <p className="mt-6 text-lg">{t("signin.intro")}</p>
        <div className="mt-8">
          <SignInButton callbackUrl={callbackUrl} label={t("signin.button")} busyLabel={t("signin.busy")} />
        </div>
        <p className="mt-8 text-muted">{t("signin.privacy")}</p>
      </div>
    </div>
  );
}
