import { Fragment } from "react";

/** `code` spans of a description as <code>; the rest as text. */
export function Inline({ text }: { text: string }) {
  const parts = text.split("`");
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-brand-50 px-1 font-mono text-[0.9em] [overflow-wrap:anywhere]">
            {part}
          </code>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/** A description of the OpenAPI document: paragraphs separated by blank lines, `code` spans. */
export function Prose({ text, className = "" }: { text: string; className?: string }) {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim() !== "");
  return (
    <div className={`space-y-3 ${className}`}>
      {paragraphs.map((p, i) => (
        <p key={i}>
          <Inline text={p} />
        </p>
      ))}
    </div>
  );
}

/** A block of commands or output. Wraps rather than scrolls, so that it never needs a scroll bar. */
export function CodeBlock({ children, label }: { children: string; label: string }) {
  return (
    <figure className="mt-3">
      <figcaption className="text-sm font-semibold text-muted">{label}</figcaption>
      <pre className="mt-1 whitespace-pre-wrap rounded-md border-2 border-line bg-white p-3 font-mono text-xs leading-relaxed [overflow-wrap:anywhere] sm:text-sm">
        <code>{children}</code>
      </pre>
    </figure>
  );
}
