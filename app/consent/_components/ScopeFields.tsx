"use client";
/** Step 2 of the journey: every choice of the scope, each group a fieldset with its error beside it. */
import type { FieldErrors, UseFormRegister, UseFormWatch } from "react-hook-form";
import type { FormText } from "../../../lib/consent/form";
import type { ScopeFormValues } from "../../../lib/consent/scope-form";
import { AI_USES, DATA_CATEGORIES, DISEASE_CODES, GEOGRAPHIES, RECIPIENT_TYPES, RESEARCH_LEVELS, type DataCategory } from "../../../lib/consent/vocabulary";
import { useT } from "../../../lib/i18n/client";
import type { MessageKey } from "../../../lib/i18n/translate";

const GROUPS: { key: MessageKey; categories: DataCategory[] }[] = [
  { key: "consent.choose.groupImaging", categories: DATA_CATEGORIES.filter((c) => c.startsWith("imaging.")) },
  { key: "consent.choose.groupReports", categories: DATA_CATEGORIES.filter((c) => c.startsWith("report.")) },
  { key: "consent.choose.groupClinical", categories: DATA_CATEGORIES.filter((c) => c.startsWith("clinical.")) },
  { key: "consent.choose.groupGenomics", categories: ["genomics"] },
];

interface Props {
  register: UseFormRegister<ScopeFormValues>;
  watch: UseFormWatch<ScopeFormValues>;
  errors: FieldErrors<ScopeFormValues>;
  choices: FormText["choices"];
}

function FieldError({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-2 flex items-start gap-2 font-semibold text-red-800">
      <span aria-hidden="true">!</span>
      {message}
    </p>
  );
}

function Fieldset({ id, legend, hint, error, children }: { id: string; legend: string; hint?: string; error: string | null; children: React.ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      id={id}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      className={`rounded-lg border-2 bg-white p-4 ${error ? "border-red-700" : "border-line"}`}
    >
      <legend className="px-1 text-lg font-semibold">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="mb-2 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      <div className="mt-2 space-y-2">{children}</div>
    </fieldset>
  );
}

function Choice({ type, label, ...input }: { type: "checkbox" | "radio"; label: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="flex min-h-11 cursor-pointer items-start gap-3 rounded-md p-2 hover:bg-brand-50">
      <input type={type} className="mt-1 h-5 w-5 shrink-0 accent-brand-700" {...input} />
      <span>{label}</span>
    </label>
  );
}

export function ScopeFields({ register, watch, errors, choices }: Props) {
  const t = useT();
  const level = watch("research.level");
  const period = watch("period");
  const err = (present: unknown, key: MessageKey) => (present ? t(key) : null);
  const researchErrors = errors.research as { message?: unknown; level?: unknown; diseases?: unknown } | undefined;
  // No research level chosen is reported on "research" itself; a bad level on "research.level".
  const researchLevelError = researchErrors?.message !== undefined || researchErrors?.level !== undefined;

  return (
    <div className="space-y-6">
      <Fieldset id="field-dataCategories" legend={t("consent.choose.dataCategories")} error={err(errors.dataCategories, "consent.errors.dataCategories")}>
        {GROUPS.map((group) => (
          <div key={group.key} role="group" aria-labelledby={`group-${group.key}`}>
            <p id={`group-${group.key}`} className="mt-2 text-sm font-semibold text-muted">
              {t(group.key)}
            </p>
            {group.categories.map((c) => (
              <Choice key={c} type="checkbox" value={c} label={choices.dataCategories[c]} {...register("dataCategories")} />
            ))}
          </div>
        ))}
      </Fieldset>

      <Fieldset id="field-research" legend={t("consent.choose.research")} error={err(researchLevelError, "consent.errors.research")}>
        {RESEARCH_LEVELS.map((l) => (
          <Choice key={l} type="radio" value={l} label={choices.research[l]} {...register("research.level")} />
        ))}
        {level === "DS" ? (
          <Fieldset id="field-diseases" legend={t("consent.choose.diseases")} error={err(researchErrors?.diseases, "consent.errors.diseases")}>
            {DISEASE_CODES.map((d) => (
              <Choice key={d} type="checkbox" value={d} label={choices.diseases[d]} {...register("research.diseases")} />
            ))}
          </Fieldset>
        ) : null}
      </Fieldset>

      <Fieldset id="field-aiUses" legend={t("consent.choose.aiUses")} hint={t("consent.choose.aiUsesHint")} error={null}>
        {AI_USES.map((u) => (
          <Choice key={u} type="checkbox" value={u} label={choices.aiUses[u]} {...register("aiUses")} />
        ))}
      </Fieldset>

      <Fieldset id="field-recipientTypes" legend={t("consent.choose.recipients")} error={err(errors.recipientTypes, "consent.errors.recipientTypes")}>
        {RECIPIENT_TYPES.map((r) => (
          <Choice key={r} type="checkbox" value={r} label={choices.recipientTypes[r]} {...register("recipientTypes")} />
        ))}
      </Fieldset>

      <Fieldset id="field-geography" legend={t("consent.choose.geography")} error={err(errors.geography, "consent.errors.geography")}>
        {GEOGRAPHIES.map((g) => (
          <Choice key={g} type="radio" value={g} label={choices.geography[g]} {...register("geography")} />
        ))}
      </Fieldset>

      <Fieldset
        id="field-period"
        legend={t("consent.choose.period")}
        error={err(errors.period, "consent.errors.period") ?? err(errors.endDate, "consent.errors.endDate")}
      >
        <Choice type="radio" value="untilWithdrawn" label={t("consent.choose.untilWithdrawn")} {...register("period")} />
        <Choice type="radio" value="untilDate" label={t("consent.choose.untilDate")} {...register("period")} />
        {period === "untilDate" ? (
          <label className="ml-10 flex flex-col gap-1">
            <span className="font-semibold">{t("consent.choose.endDate")}</span>
            <input
              type="date"
              className="w-48 rounded-md border-2 border-line p-2"
              aria-invalid={errors.endDate ? true : undefined}
              aria-describedby={errors.endDate ? "field-period-error" : undefined}
              {...register("endDate")}
            />
          </label>
        ) : null}
      </Fieldset>

      <Fieldset id="field-conditions" legend={t("consent.choose.conditions")} error={null}>
        <Choice type="checkbox" label={choices.mayRecontact} {...register("conditions.mayRecontact")} />
        <Choice type="checkbox" label={choices.wantsFindings} {...register("conditions.wantsFindings")} />
      </Fieldset>
    </div>
  );
}
