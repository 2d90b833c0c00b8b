import Link from "next/link";
import { Icon } from "./Icon";

/** The site header: the Donum wordmark (plain text in the system font) and links to this page's sections. */
export function SiteHeader() {
  return (
    <header className="border-b border-line bg-white px-4 sm:px-6">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 py-3">
        <Link href="/" className="flex items-center gap-2 text-ink no-underline">
          <span className="flex h-9 w-9 items-center justify-center rounded-full bg-brand-700 text-white">
            <Icon name="heart" className="h-5 w-5" />
          </span>
          <span className="text-2xl font-semibold tracking-tight">Donum</span>
          <span className="sr-only"> — home</span>
        </Link>
        <nav aria-label="On this page">
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm font-medium">
            <li>
              <a href="#what-is-data-altruism">Data altruism</a>
            </li>
            <li>
              <a href="#what-you-control">Your choices</a>
            </li>
            <li>
              <a href="#trust">Trust</a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
