import type { ReactNode } from "react";

/**
 * A data table with a caption and column headers, in a region that scrolls sideways on a narrow
 * screen (focusable, and named by the caption, so that keyboard users can scroll it too).
 */
export function Table({
  caption,
  headers,
  rows,
  rowHeader = true,
}: {
  caption: string;
  headers: string[];
  rows: { key: string; cells: ReactNode[] }[];
  /** The first cell of each row is its header. */
  rowHeader?: boolean;
}) {
  // Wide enough to read on a phone: the region scrolls sideways rather than squeezing the columns.
  const minWidth = headers.length >= 4 ? "min-w-[40rem]" : headers.length === 3 ? "min-w-[26rem]" : "";
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="mt-3 overflow-x-auto rounded-md border-2 border-line bg-white">
      <table className={`w-full border-collapse text-left text-sm ${minWidth}`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-brand-50">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className="border-b-2 border-line p-2 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="align-top">
              {row.cells.map((cell, i) =>
                i === 0 && rowHeader ? (
                  <th key={i} scope="row" className="border-t border-line p-2 text-left font-normal">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="border-t border-line p-2">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
