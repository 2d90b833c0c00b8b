/**
 * The workspace's charts: inline SVG drawn on the server, each an image with a title and a
 * description (role="img", aria-labelledby), with its numbers in a table beside it. No
 * colour-only encoding: every series has its own fill pattern, and bars carry their numbers.
 */
import type { ReactNode } from "react";
import type { ActivitySummary, ConsentKind } from "../../../lib/regulator/activity";
import { CONSENT_KINDS } from "../../../lib/regulator/activity";
import type { MessageKey, Translate } from "../../../lib/i18n/translate";

const INK = "#1f2937";
const GRID = "#9ca3af";

/** Fill of each series: a pattern id (defined in <Patterns/>) or a solid colour. */
const KIND_FILL: Record<ConsentKind, string> = {
  granted: "#115e59",
  amended: "url(#rg-hatch)",
  withdrawn: "url(#rg-dots)",
  opted_out: "url(#rg-cross)",
};
const PERMIT_FILL = "#115e59";
const DENY_FILL = "url(#rg-hatch-red)";

/** Patterns shared by the charts and their legends; rendered once per page. */
export function Patterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" className="absolute">
      <defs>
        <pattern id="rg-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ccfbf1" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#0f766e" strokeWidth="3" />
        </pattern>
        <pattern id="rg-dots" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#fef3c7" />
          <circle cx="3" cy="3" r="1.6" fill="#92400e" />
        </pattern>
        <pattern id="rg-cross" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#ede9fe" />
          <path d="M0 0L6 6M6 0L0 6" stroke="#5b21b6" strokeWidth="1.2" />
        </pattern>
        <pattern id="rg-hatch-red" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">
          <rect width="6" height="6" fill="#fee2e2" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#b91c1c" strokeWidth="3" />
        </pattern>
      </defs>
    </svg>
  );
}

function Swatch({ fill }: { fill: string }) {
  return (
    <svg width="18" height="14" aria-hidden="true" focusable="false" className="inline-block align-middle">
      <rect x="0.5" y="0.5" width="17" height="13" fill={fill} stroke={INK} />
    </svg>
  );
}

function Legend({ items }: { items: { fill: string; label: string }[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 p-0 text-sm">
      {items.map((i) => (
        <li key={i.label} className="flex list-none items-center gap-1">
          <Swatch fill={i.fill} />
          {i.label}
        </li>
      ))}
    </ul>
  );
}

/** A table that scrolls inside its own box on a narrow screen, reachable from the keyboard. */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="mt-3 max-w-full overflow-x-auto rounded-md focus:outline-2">
      {children}
    </div>
  );
}

const cell = "border-2 border-line p-2";

function ChartFrame({ id, heading, desc, children, width, height }: { id: string; heading: string; desc: string; children: ReactNode; width: number; height: number }) {
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} className="mt-3 block h-auto w-full max-w-2xl">
      <title id={`${id}-title`}>{heading}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {children}
    </svg>
  );
}

export function ConsentsChart({ summary, t, locale }: { summary: ActivitySummary; t: Translate; locale: string }) {
  const days = summary.days;
  const totals = days.map((d) => CONSENT_KINDS.reduce((s, k) => s + d[k], 0));
  const max = Math.max(0, ...totals);
  const top = Math.max(1, max);
  const W = 480;
  const H = 240;
  const left = 40;
  const bottom = 40;
  const plotH = H - bottom - 16;
  const plotW = W - left - 8;
  const step = plotW / Math.max(1, days.length);
  const barW = Math.max(1, step * 0.75);
  const y = (v: number) => 16 + plotH - (v / top) * plotH;
  const fmtDay = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString(locale, { day: "numeric", month: "short", timeZone: "UTC" });
  const labelIdx = [...new Set([0, Math.floor((days.length - 1) / 2), days.length - 1])].filter((i) => i >= 0);
  const heading = t("regulator.consents.heading");
  const label = (k: ConsentKind) => t(`regulator.kind.${k}` as MessageKey);

  return (
    <section aria-labelledby="rg-consents-h" className="mt-8 min-w-0">
      <h2 id="rg-consents-h" className="text-2xl font-semibold">
        {heading}
      </h2>
      <ChartFrame
        id="rg-consents"
        heading={heading}
        desc={t("regulator.consents.desc", { from: days[0] ? fmtDay(days[0].day) : "", to: days.at(-1) ? fmtDay(days.at(-1)!.day) : "", max })}
        width={W}
        height={H}
      >
        <line x1={left} y1={y(0)} x2={W - 4} y2={y(0)} stroke={INK} />
        <line x1={left} y1={y(top)} x2={W - 4} y2={y(top)} stroke={GRID} strokeDasharray="4 4" />
        <text x={left - 6} y={y(0) + 5} textAnchor="end" fontSize="16" fill={INK}>
          0
        </text>
        <text x={left - 6} y={y(top) + 5} textAnchor="end" fontSize="16" fill={INK}>
          {top}
        </text>
        {days.map((d, i) => {
          let acc = 0;
          const x = left + i * step + (step - barW) / 2;
          return (
            <g key={d.day}>
              {CONSENT_KINDS.map((k) => {
                if (d[k] === 0) return null;
                const y0 = y(acc);
                acc += d[k];
                const y1 = y(acc);
                return <rect key={k} x={x} y={y1} width={barW} height={y0 - y1} fill={KIND_FILL[k]} stroke={INK} strokeWidth="0.75" />;
              })}
            </g>
          );
        })}
        {labelIdx.map((i) => (
          <text key={i} x={left + i * step + step / 2} y={H - 14} textAnchor={i === 0 ? "start" : i === days.length - 1 ? "end" : "middle"} fontSize="16" fill={INK}>
            {fmtDay(days[i]!.day)}
          </text>
        ))}
      </ChartFrame>
      <Legend items={CONSENT_KINDS.map((k) => ({ fill: KIND_FILL[k], label: label(k) }))} />
      <TableRegion label={t("regulator.tableRegion", { name: heading })}>
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{heading}</caption>
          <thead>
            <tr>
              <th scope="col" className={cell}>
                {t("regulator.consents.day")}
              </th>
              {CONSENT_KINDS.map((k) => (
                <th key={k} scope="col" className={`${cell} text-right`}>
                  {label(k)}
                </th>
              ))}
              <th scope="col" className={`${cell} text-right`}>
                {t("regulator.consents.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {days.map((d, i) => (
              <tr key={d.day}>
                <th scope="row" className={`${cell} whitespace-nowrap font-normal`}>
                  <time dateTime={d.day}>{d.day}</time>
                </th>
                {CONSENT_KINDS.map((k) => (
                  <td key={k} className={`${cell} text-right tabular-nums`}>
                    {d[k]}
                  </td>
                ))}
                <td className={`${cell} text-right font-semibold tabular-nums`}>{totals[i]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

export function DecisionsChart({ summary, t }: { summary: ActivitySummary; t: Translate }) {
  const nodes = summary.nodes;
  const heading = t("regulator.decisions.heading");
  const permit = t("regulator.decision.PERMIT");
  const deny = t("regulator.decision.DENY");
  const top = Math.max(1, ...nodes.flatMap((n) => [n.permit, n.deny]));
  const W = 400;
  const rowH = 84;
  const H = Math.max(1, nodes.length) * rowH + 8;
  const left = 8;
  const barMax = W - left - 130;

  return (
    <section aria-labelledby="rg-decisions-h" className="mt-8 min-w-0">
      <h2 id="rg-decisions-h" className="text-2xl font-semibold">
        {heading}
      </h2>
      {nodes.length === 0 ? (
        <p className="mt-3 rounded-lg border-2 border-line bg-white p-4">{t("regulator.decisions.empty")}</p>
      ) : (
        <>
          <ChartFrame id="rg-decisions" heading={heading} desc={t("regulator.decisions.desc")} width={W} height={H}>
            {nodes.map((n, i) => {
              const y0 = 8 + i * rowH;
              const wp = (n.permit / top) * barMax;
              const wd = (n.deny / top) * barMax;
              return (
                <g key={n.nodeId}>
                  <text x={left} y={y0 + 16} fontSize="17" fontWeight="600" fill={INK}>
                    {n.nodeId}
                  </text>
                  <rect x={left} y={y0 + 24} width={Math.max(wp, 1)} height={22} fill={PERMIT_FILL} stroke={INK} strokeWidth="0.75" />
                  <text x={left + Math.max(wp, 1) + 6} y={y0 + 41} fontSize="16" fill={INK}>
                    {permit} {n.permit}
                  </text>
                  <rect x={left} y={y0 + 52} width={Math.max(wd, 1)} height={22} fill={DENY_FILL} stroke={INK} strokeWidth="0.75" />
                  <text x={left + Math.max(wd, 1) + 6} y={y0 + 69} fontSize="16" fill={INK}>
                    {deny} {n.deny}
                  </text>
                </g>
              );
            })}
          </ChartFrame>
          <Legend
            items={[
              { fill: PERMIT_FILL, label: permit },
              { fill: DENY_FILL, label: deny },
            ]}
          />
          <TableRegion label={t("regulator.tableRegion", { name: heading })}>
            <table className="w-full border-collapse bg-white text-left text-sm">
              <caption className="sr-only">{heading}</caption>
              <thead>
                <tr>
                  <th scope="col" className={cell}>
                    {t("regulator.decisions.node")}
                  </th>
                  <th scope="col" className={`${cell} text-right`}>
                    {permit}
                  </th>
                  <th scope="col" className={`${cell} text-right`}>
                    {deny}
                  </th>
                  <th scope="col" className={`${cell} text-right`}>
                    {t("regulator.denyRate.decisions")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {nodes.map((n) => (
                  <tr key={n.nodeId}>
                    <th scope="row" className={`${cell} break-all font-normal`}>
                      {n.nodeId}
                    </th>
                    <td className={`${cell} text-right tabular-nums`}>{n.permit}</td>
                    <td className={`${cell} text-right tabular-nums`}>{n.deny}</td>
                    <td className={`${cell} text-right tabular-nums`}>{n.permit + n.deny}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
    </section>
  );
}

export function DenyRateChart({ summary, t, locale }: { summary: ActivitySummary; t: Translate; locale: string }) {
  const heading = t("regulator.denyRate.heading");
  const pct = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const rows = [
    ...summary.nodes.map((n) => ({ key: n.nodeId, label: n.nodeId, permit: n.permit, deny: n.deny, rate: n.denyRate })),
    { key: "__all", label: t("regulator.denyRate.overall"), permit: summary.overall.permit, deny: summary.overall.deny, rate: summary.overall.denyRate },
  ];
  const W = 400;
  const rowH = 54;
  const H = rows.length * rowH + 8;
  const barMax = W - 8 - 80;
  const show = (r: number | null) => (r === null ? t("regulator.entries.none") : pct.format(r));

  return (
    <section aria-labelledby="rg-rate-h" className="mt-8 min-w-0">
      <h2 id="rg-rate-h" className="text-2xl font-semibold">
        {heading}
      </h2>
      {summary.nodes.length > 0 ? (
        <ChartFrame id="rg-rate" heading={heading} desc={t("regulator.denyRate.desc")} width={W} height={H}>
          {rows.map((r, i) => {
            const y0 = 8 + i * rowH;
            const w = (r.rate ?? 0) * barMax;
            return (
              <g key={r.key}>
                <text x={8} y={y0 + 16} fontSize="17" fontWeight={r.key === "__all" ? "700" : "600"} fill={INK}>
                  {r.label}
                </text>
                <rect x={8} y={y0 + 24} width={barMax} height={20} fill="#f3f4f6" stroke={GRID} strokeWidth="0.75" />
                <rect x={8} y={y0 + 24} width={Math.max(w, 0)} height={20} fill={DENY_FILL} stroke={INK} strokeWidth="0.75" />
                <text x={8 + barMax + 6} y={y0 + 40} fontSize="16" fill={INK}>
                  {show(r.rate)}
                </text>
              </g>
            );
          })}
        </ChartFrame>
      ) : null}
      <TableRegion label={t("regulator.tableRegion", { name: heading })}>
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">{heading}</caption>
          <thead>
            <tr>
              <th scope="col" className={cell}>
                {t("regulator.decisions.node")}
              </th>
              <th scope="col" className={`${cell} text-right`}>
                {t("regulator.denyRate.decisions")}
              </th>
              <th scope="col" className={`${cell} text-right`}>
                {t("regulator.denyRate.rate")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" className={`${cell} ${r.key === "__all" ? "" : "font-normal"} break-all`}>
                  {r.label}
                </th>
                <td className={`${cell} text-right tabular-nums`}>{r.permit + r.deny}</td>
                <td className={`${cell} text-right tabular-nums`}>{show(r.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
