/**
 * `donum forms …`: consent-form versions. List, read and export what is published; publish a
 * new version from a draft after showing what changes and whether it is material; re-verify
 * the stored text hashes. The pure parts live in lib/forms-admin.
 */
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import type { Actor } from "../../lib/audit/events";
import { ConsentFormDraft, type ConsentFormVersion } from "../../lib/consent/form";
import { DEFAULT_FORM_ID, FIRST_FORMS } from "../../lib/consent/forms";
import { AppError } from "../../lib/errors";
import { diffForms, draftOf } from "../../lib/forms-admin/diff";
import { formatDiff, formatFormText, formatMateriality, formatTime, formatVerify, formatVersionList } from "../../lib/forms-admin/format";
import { assessMateriality } from "../../lib/forms-admin/materiality";
import { checkStoredVersions, failedChecks, type VersionCheck } from "../../lib/forms-admin/verify";
import type { Stores } from "../../lib/store/ports";
import { publishFormVersion } from "../../lib/usecases/forms";
import { parseInput } from "../../lib/validation";
import { CliError, UsageError, type CommandGroup, type CommandSpec, type Options } from "./framework";

const FORM_OPTION = {
  name: "form",
  type: "string",
  value: "<formId>",
  description: `Only this form (default: the bundled forms, ${DEFAULT_FORM_ID})`,
} as const;

/** The forms to look at: the one named, or those the federation ships with. */
function formIds(o: Options): string[] {
  if (typeof o.form === "string") return [o.form];
  return [...new Set([DEFAULT_FORM_ID, ...FIRST_FORMS.map((f) => f.formId)])];
}

function parseVersion(arg: string): number | "latest" {
  if (arg === "latest") return "latest";
  if (!/^[1-9]\d{0,8}$/.test(arg)) throw new UsageError(`version must be a whole number from 1, or "latest" (got "${arg}")`);
  return Number(arg);
}

async function getVersion(stores: Stores, formId: string, versionArg: string): Promise<ConsentFormVersion> {
  const version = parseVersion(versionArg);
  const form = version === "latest" ? await stores.forms.latest(formId) : await stores.forms.get(formId, version);
  if (form) return form;
  const latest = await stores.forms.latest(formId);
  throw new AppError(
    "FORM_NOT_FOUND",
    latest
      ? `${formId} version ${version} is not published (the latest is version ${latest.version})`
      : `no version of form "${formId}" is published`,
  );
}

/** The operator who runs the CLI, as the audit trail records them. */
function operatorActor(): Actor {
  let name: string;
  try {
    name = userInfo().username || `uid-${process.getuid?.() ?? "unknown"}`;
  } catch {
    // No passwd entry for this uid (some containers).
    name = `uid-${process.getuid?.() ?? "unknown"}`;
  }
  return { kind: "operator", id: `cli:${name}`.slice(0, 200) };
}

const DRAFT_KEYS = new Set(Object.keys(ConsentFormDraft.shape));

const list: CommandSpec = {
  name: "list",
  summary: "List the published versions: version, time, material flag, languages, text hashes; the latest is marked",
  args: [],
  options: [FORM_OPTION, { name: "json", type: "boolean", description: "Print JSON instead of a table" }],
  examples: ["npm run -s donum -- forms list", "npm run -s donum -- forms list --form cancer-imaging-altruism --json"],
  async run(ctx, _args, o) {
    const { stores } = await ctx.container();
    const summaries: object[] = [];
    const blocks: string[][] = [];
    for (const formId of formIds(o)) {
      const versions = await stores.forms.list(formId);
      if (versions.length === 0) {
        if (typeof o.form === "string") throw new AppError("FORM_NOT_FOUND", `no version of form "${formId}" is published`);
        continue;
      }
      const latest = Math.max(...versions.map((v) => v.version));
      for (const v of versions) {
        summaries.push({
          formId,
          version: v.version,
          latest: v.version === latest,
          publishedAt: v.publishedAt,
          material: v.material,
          languages: Object.keys(v.texts).sort(),
          textHashes: v.textHashes,
        });
      }
      blocks.push(formatVersionList(formId, versions));
    }
    if (o.json) ctx.io.out(JSON.stringify(summaries, null, 2));
    else ctx.io.out(blocks.map((b) => b.join("\n")).join("\n\n") || "No consent form is published.");
  },
};

const show: CommandSpec = {
  name: "show",
  summary: "Show one version: its texts in one language (the summary of each module), or the full JSON",
  args: [
    { name: "formId", description: "The form, e.g. cancer-imaging-altruism" },
    { name: "version", description: 'A version number, or "latest"' },
  ],
  options: [
    { name: "language", type: "string", value: "<code>", description: "The language to show (default: the form's default language)" },
    { name: "json", type: "boolean", description: "Print the stored version as JSON (with --language: that language only)" },
  ],
  examples: ["npm run -s donum -- forms show cancer-imaging-altruism 1 --language de", "npm run -s donum -- forms show cancer-imaging-altruism latest --json"],
  async run(ctx, [formId, versionArg], o) {
    const { stores } = await ctx.container();
    const form = await getVersion(stores, formId!, versionArg!);
    const language = typeof o.language === "string" ? o.language : null;
    if (language !== null && !form.texts[language]) {
      throw new AppError(
        "FORM_LANGUAGE_NOT_AVAILABLE",
        `${form.formId} version ${form.version} has no text in "${language}" (available: ${Object.keys(form.texts).sort().join(", ")})`,
      );
    }
    if (o.json) {
      const out =
        language === null
          ? form
          : { ...form, texts: { [language]: form.texts[language]! }, textHashes: { [language]: form.textHashes[language]! } };
      ctx.io.out(JSON.stringify(out, null, 2));
      return;
    }
    ctx.io.out(formatFormText(form, language ?? form.defaultLanguage).join("\n"));
  },
};

const exportCmd: CommandSpec = {
  name: "export",
  summary: "Print the draft JSON of a version (texts, organisation, material…), to start the next version from",
  description: [
    "The draft is the version as published, without its hashes and publication time. Edit it, set",
    '"version" to the latest + 1 and "material" as the change requires, then publish it.',
  ],
  args: [
    { name: "formId", description: "The form, e.g. cancer-imaging-altruism" },
    { name: "version", description: 'A version number, or "latest"' },
  ],
  options: [],
  examples: ["npm run -s donum -- forms export cancer-imaging-altruism latest > draft.json"],
  async run(ctx, [formId, versionArg]) {
    const { stores } = await ctx.container();
    const form = await getVersion(stores, formId!, versionArg!);
    ctx.io.raw(`${JSON.stringify(draftOf(form), null, 2)}\n`);
  },
};

const publish: CommandSpec = {
  name: "publish",
  summary: "Publish a new version from a draft JSON file, after showing what changes and whether it is material",
  description: [
    "The draft is validated, compared with the latest version (per language: modules, choice labels,",
    "languages added or removed) and its materiality stated. A version marked not material that",
    "changes the purposes, data-categories, recipients or processing-location modules or choices is",
    "refused unless --force-non-material is given: existing consents would silently cover changed terms.",
    'The version must be the latest + 1; otherwise the error is FORM_VERSION_EXISTS. Publishing asks',
    "for confirmation on the terminal unless --yes is given; with no terminal, --yes is required.",
    "Relative paths are resolved from the project directory (npm runs scripts there).",
  ],
  args: [{ name: "draft.json", description: "The draft, e.g. from `forms export`" }],
  options: [
    { name: "yes", short: "y", type: "boolean", description: "Publish without asking for confirmation" },
    {
      name: "force-non-material",
      type: "boolean",
      description: "Publish as not material although purposes, data categories, recipients or location changed",
    },
    { name: "dry-run", type: "boolean", description: "Validate and show the changes; publish nothing" },
  ],
  examples: [
    "npm run -s donum -- forms publish draft.json",
    "npm run -s donum -- forms publish draft.json --dry-run",
    "npm run -s donum -- forms publish draft.json --yes",
  ],
  async run(ctx, [path], o) {
    const { io } = ctx;
    let source: string;
    try {
      source = readFileSync(path!, "utf8");
    } catch (e) {
      throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(source);
    } catch (e) {
      throw new AppError("INVALID_INPUT", `${path} is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    let draft: ConsentFormDraft;
    try {
      draft = parseInput(ConsentFormDraft, json);
    } catch (e) {
      if (e instanceof AppError) throw new AppError(e.code, `${path} is not a valid consent-form draft`, e.issues);
      throw e;
    }
    if (json && typeof json === "object") {
      const ignored = Object.keys(json).filter((k) => !DRAFT_KEYS.has(k));
      if (ignored.length) io.out(`note: ignored (computed on publication or unknown): ${ignored.join(", ")}`);
    }

    const { stores, deps } = await ctx.container();
    const latest = await stores.forms.latest(draft.formId);
    const next = (latest?.version ?? 0) + 1;
    if (draft.version !== next) {
      throw new AppError(
        "FORM_VERSION_EXISTS",
        !latest
          ? `form "${draft.formId}" has no published version, so the draft must be version 1 (it is ${draft.version})`
          : draft.version <= latest.version
            ? `${draft.formId} version ${draft.version} is already published; the latest is ${latest.version}, so set "version": ${next}`
            : `${draft.formId} version ${draft.version} would skip a version; the latest is ${latest.version}, so set "version": ${next}`,
      );
    }

    const diff = diffForms(latest, draft);
    const assessment = assessMateriality(diff, draft.material);
    io.out(formatDiff(diff).join("\n"));
    io.out("");
    io.out(formatMateriality(assessment).join("\n"));

    if (o["dry-run"]) {
      io.out("");
      io.out(`Dry run: nothing published${assessment.requiresOverride && !o["force-non-material"] ? " (publishing would need --force-non-material)" : ""}.`);
      return;
    }
    if (assessment.requiresOverride) {
      if (!o["force-non-material"]) {
        throw new CliError(
          "MATERIAL_CHANGE_NOT_MARKED",
          `${draft.formId} version ${draft.version} is marked not material but changes ${[...new Set(assessment.scopeChanges.map((c) => c.area))].join(", ")}; ` +
            'set "material": true, or pass --force-non-material. Nothing was published.',
        );
      }
      io.out("--force-non-material given: publishing as NOT material.");
    }

    if (!o.yes) {
      if (!io.interactive) {
        throw new UsageError("no terminal to confirm on: pass --yes to publish without a question (or --dry-run to see the changes only)");
      }
      const answer = await io.ask(
        `\nPublish ${draft.formId} version ${draft.version} (${draft.material ? "MATERIAL" : "not material"})? Type "yes" to publish: `,
      );
      if (!/^y(es)?$/i.test(answer.trim())) throw new CliError("ABORTED", "not confirmed; nothing was published");
    }

    let form: ConsentFormVersion;
    try {
      form = await publishFormVersion(deps, operatorActor(), draft);
    } catch (e) {
      if (e instanceof AppError && e.code === "FORM_VERSION_EXISTS") {
        throw new AppError("FORM_VERSION_EXISTS", `${draft.formId} version ${draft.version} was published by someone else meanwhile; nothing was published`);
      }
      throw e;
    }
    io.out("");
    io.out(`Published ${form.formId} version ${form.version} (${form.material ? "material" : "not material"}) at ${formatTime(form.publishedAt)}.`);
    io.out("Text hashes:");
    for (const lang of Object.keys(form.textHashes).sort()) io.out(`  ${lang}  ${form.textHashes[lang]}`);
  },
};

const verify: CommandSpec = {
  name: "verify",
  summary: "Recompute the text hashes of every stored version and report any mismatch (exit 1 if any)",
  description: ["Also checks that each stored version is a valid form version and that versions run 1, 2, 3… without a gap."],
  args: [],
  options: [FORM_OPTION],
  examples: ["npm run -s donum -- forms verify"],
  async run(ctx, _args, o) {
    const { stores } = await ctx.container();
    const checks: VersionCheck[] = [];
    const unreadable: string[] = [];
    for (const formId of formIds(o)) {
      let stored: unknown[];
      try {
        stored = await stores.forms.list(formId);
      } catch (e) {
        // A row that is not even JSON: the store cannot return the versions at all.
        ctx.io.out(`MISMATCH  ${formId}: the stored versions cannot be read (${e instanceof Error ? e.message : String(e)})`);
        unreadable.push(formId);
        continue;
      }
      if (stored.length === 0 && typeof o.form === "string") throw new AppError("FORM_NOT_FOUND", `no version of form "${formId}" is published`);
      const formChecks = checkStoredVersions(formId, stored);
      ctx.io.out(formatVerify(formChecks).join("\n"));
      checks.push(...formChecks);
    }
    const failed = failedChecks(checks);
    if (failed.length > 0 || unreadable.length > 0) {
      const where = [
        ...failed.map((c) => {
          const langs = [...new Set(c.problems.map((p) => p.language).filter((l): l is string => l !== null))];
          return `${c.formId} version ${c.version}${langs.length ? ` (${langs.join(", ")})` : ""}`;
        }),
        ...unreadable.map((f) => `${f} (unreadable)`),
      ];
      throw new CliError("FORM_HASH_MISMATCH", `${where.length} stored form version(s) do not match their published hashes: ${where.join("; ")}`);
    }
    ctx.io.out(`All ${checks.length} stored version(s) match their hashes.`);
  },
};

export const formsCommands: CommandGroup = {
  name: "forms",
  summary: "Consent-form versions: list, show, export, publish, verify",
  commands: [list, show, exportCmd, publish, verify],
};
