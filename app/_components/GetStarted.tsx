import Link from "next/link";
import { Icon } from "./Icon";

const TEXT = {
  signIn: "Sign in with your national eID",
  help: "You sign in with your country's electronic identity. Donum never stores your national ID number.",
} as const;

/** The landing page's call to action: sign in, then give, change or withdraw consent. */
export function GetStarted() {
  return (
    <div className="mt-8 max-w-xl">
      <Link
        href="/me"
        className="inline-flex min-h-12 items-center gap-2 rounded-lg bg-white px-5 py-3 text-lg font-semibold text-brand-800 no-underline hover:bg-brand-100"
      >
        <Icon name="lock" className="h-5 w-5 shrink-0" />
        {TEXT.signIn}
      </Link>
      <p className="mt-3 text-brand-200">{TEXT.help}</p>
    </div>
  );
}
