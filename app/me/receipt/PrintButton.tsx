"use client";

/** Opens the browser's print dialog, where the citizen can also choose "Save as PDF". */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="btn-primary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
