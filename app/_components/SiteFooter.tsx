/** The site footer: who operates Donum, and a link to the service's health status. */
export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-line bg-white px-4 sm:px-6">
      <div className="mx-auto max-w-5xl space-y-3 py-8 text-sm text-muted">
        <p>Donum is operated by a data altruism organisation registered under the EU Data Governance Act.</p>
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <a href="/api/health">Service status (API health)</a>
          </li>
        </ul>
      </div>
    </footer>
  );
}
