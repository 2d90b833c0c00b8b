/**
 * Plain-text rendering of form versions, diffs, materiality and verification results, as
 * lines without trailing newlines. Pure. Forms hold no personal data; nothing else is printed.
 */
import { FORM_MODULES, type ConsentFormVersion } from "../consent/form";
import { languageDiffIsEmpty, type FormDiff } from "./diff";
import type { MaterialityAssessment } from "./materiality";
import type { VersionCheck } from "./verify";

/** The first `n` hex digits of a "sha256:<hex>" reference. */
export const shortHash = (ref: string, n = 12) => ref.replace(/^sha256:/, "").slice(0, n);

/** An ISO time without milliseconds: 2026-06-01T10:00:00Z. */
export const formatTime = (iso: string) => iso.replace(/\.\d+(?=Z$)/, "");

const yesNo = (b: boolean) => (b ? "yes" : "no");

/** Left-aligned columns separated by two spaces; the last column is not padded. */
export function formatTable(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd(),
  );
}

/** Wraps text at word boundaries; paragraphs (blank-line separated) stay separate. */
export function wrap(text: string, width: number, indent = ""): string[] {
  const out: string[] = [];
  const paragraphs = text.split(/\n\s*\n/);
  paragraphs.forEach((p, pi) => {
    if (pi > 0) out.push("");
    let line = "";
    for (const word of p.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) out.push(indent + line);
  });
  return out;
}

/** The versions of one form, oldest first, the latest marked with "*". */
export function formatVersionList(formId: string, versions: readonly ConsentFormVersion[]): string[] {
  const latest = versions.reduce((m, v) => Math.max(m, v.version), 0);
  const rows = versions.map((v) => {
    const langs = Object.keys(v.texts).sort();
    return [
      v.version === latest ? "*" : " ",
      String(v.version),
      formatTime(v.publishedAt),
      yesNo(v.material),
      langs.join(" "),
      langs.map((l) => `${l} ${v.textHashes[l] ? shortHash(v.textHashes[l]) : "(none)"}`).join("  "),
    ];
  });
  const n = versions.length;
  return [
    `${formId}: ${n} version${n === 1 ? "" : "s"} (* = latest)`,
    ...formatTable([[" ", "VERSION", "PUBLISHED AT (UTC)", "MATERIAL", "LANGUAGES", "TEXT HASHES (sha256, first 12 hex digits)"], ...rows]).map(
      (l) => `  ${l}`,
    ),
  ];
}

/** One language of a version: the heading and summary of each module, then the choice labels. */
export function formatFormText(form: ConsentFormVersion, language: string, width = 100): string[] {
  const text = form.texts[language];
  if (!text) return [];
  const langs = Object.keys(form.texts).sort();
  const out = [
    `${form.formId} version ${form.version} — language ${language}`,
    `  published ${formatTime(form.publishedAt)}, ${form.material ? "material" : "not material"}; languages ${langs.join(" ")} (default ${form.defaultLanguage})`,
    `  text hash ${form.textHashes[language] ?? "(none)"}`,
    `  organisation ${form.organisation.name} (${form.organisation.registration})`,
    "",
    text.title,
    "",
    ...wrap(text.introduction, width, "  "),
  ];
  FORM_MODULES.forEach((m, i) => {
    const mod = text.modules[m];
    out.push("", `${i + 1}. ${mod.heading}  [${m}]`, ...wrap(mod.summary, width, "   "));
  });
  out.push("", "Choices");
  for (const [group, labels] of Object.entries(text.choices)) {
    if (typeof labels === "string") out.push(`  ${group}: ${labels}`);
    else {
      out.push(`  ${group}:`);
      for (const [code, label] of Object.entries(labels)) out.push(`    ${code}: ${label}`);
    }
  }
  out.push("", "Declaration", ...wrap(text.declaration, width, "  "));
  return out;
}

/** What changed from the previous version to the new one, per language. */
export function formatDiff(diff: FormDiff): string[] {
  if (diff.fromVersion === null) {
    return [`${diff.formId} version ${diff.toVersion}: the first version of this form (languages ${diff.languagesAdded.join(" ")}).`];
  }
  const out = [`Changes from ${diff.formId} version ${diff.fromVersion} to version ${diff.toVersion}:`];
  if (diff.unchanged) {
    out.push("  nothing a citizen reads has changed");
    return out;
  }
  if (diff.languagesAdded.length) out.push(`  languages added: ${diff.languagesAdded.join(" ")}`);
  if (diff.languagesRemoved.length) out.push(`  languages removed: ${diff.languagesRemoved.join(" ")}`);
  if (diff.defaultLanguage) out.push(`  default language: ${diff.defaultLanguage.from} → ${diff.defaultLanguage.to}`);
  if (diff.organisationFields.length) out.push(`  organisation: ${diff.organisationFields.join(", ")} changed`);
  for (const lang of diff.languages) {
    if (languageDiffIsEmpty(lang)) {
      out.push(`  ${lang.language}: no changes`);
      continue;
    }
    out.push(`  ${lang.language}:`);
    for (const f of lang.fields) out.push(`    ${f}`);
    for (const m of lang.modules) out.push(`    module ${m.module}: ${m.parts.join(", ")}`);
    for (const c of lang.choices) out.push(`    choices ${c.group}${c.codes.length ? `: ${c.codes.join(", ")}` : ""}`);
  }
  return out;
}

/** The materiality statement; for a scope change marked not material, a loud warning. */
export function formatMateriality(a: MaterialityAssessment): string[] {
  switch (a.verdict) {
    case "first-version":
      return [`Materiality: first version (marked ${a.declaredMaterial ? "material" : "not material"}).`];
    case "material":
      return [
        "Materiality: MATERIAL. Existing consents will not cover this version until each citizen renews consent.",
        ...(a.scopeChanges.length === 0 ? ["  (no purpose, data-category, recipient or location text changed)"] : []),
      ];
    case "non-material":
      return [
        "Materiality: not material. Existing consents will cover this version without re-consent.",
        "  (no purpose, data-category, recipient or location text changed)",
      ];
    case "non-material-but-scope-changed": {
      const bar = "!".repeat(78);
      return [
        bar,
        "!! WARNING: this version is marked NOT material, but it changes what a consent covers:",
        ...a.scopeChanges.map((c) => `!!   ${c.language}: ${c.what}`),
        "!! Existing consents would silently cover the changed terms: citizens would not see",
        '!! them again. Set "material": true in the draft so that consents must be renewed, or,',
        "!! if the change truly leaves what was agreed as it is (a typo, a clearer sentence),",
        "!! publish with --force-non-material.",
        bar,
      ];
    }
  }
}

/** Verification results, one line per version, problems indented below. */
export function formatVerify(checks: readonly VersionCheck[]): string[] {
  const out: string[] = [];
  for (const c of checks) {
    if (c.problems.length === 0) {
      out.push(`ok        ${c.formId} version ${c.version} (${c.languages.join(" ")})`);
      continue;
    }
    out.push(`MISMATCH  ${c.formId} version ${c.version}`);
    for (const p of c.problems) out.push(`            ${p.language ? `${p.language}: ` : ""}${p.message}`);
  }
  return out;
}
