import { Icon } from "./Icon";

/**
 * Where the "Sign in with your national eID" button will go. Sign-in is not built yet, so this is a note,
 * not a control: nothing to click, nothing that leads to a page that does not exist.
 */
export function SignInComingSoon() {
  return (
    <div className="mt-8 max-w-xl rounded-xl border-2 border-dashed border-brand-200 p-4 sm:p-5">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <span className="inline-flex items-start gap-2 text-lg font-semibold text-white">
          <Icon name="lock" className="mt-1 h-5 w-5 shrink-0" />
          Sign in with your national eID
        </span>
        <span className="rounded-full bg-brand-200 px-3 py-0.5 text-sm font-semibold text-brand-900">
          Coming soon
        </span>
      </p>
      <p className="mt-2 text-brand-200">
        Online sign-in is being added. Until then, this page only explains how Donum works — it asks you for nothing.
      </p>
    </div>
  );
}
