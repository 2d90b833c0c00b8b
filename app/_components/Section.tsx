import type { ReactNode } from "react";

/** A page section labelled by its own h2, so it is a named region for assistive technology. */
export function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const headingId = `${id}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} className="scroll-mt-4 px-4 pt-12 sm:px-6 sm:pt-16">
      <div className="mx-auto max-w-5xl">
        <h2 id={headingId} className="text-2xl font-semibold tracking-tight text-brand-700 sm:text-3xl">
          {title}
        </h2>
        {intro ? <div className="mt-3 max-w-3xl space-y-3 text-lg text-muted">{intro}</div> : null}
        <div className="mt-6">{children}</div>
      </div>
    </section>
  );
}
