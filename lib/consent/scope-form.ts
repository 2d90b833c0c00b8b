/**
 * The scope as the consent form edits it, derived from the server's ConsentScope schema: the
 * end date is a calendar date plus a "until withdrawn / until a date" choice instead of an ISO
 * timestamp. toScope() gives the exact object the server validates again with ConsentScope.
 */
import { z } from "zod";
import { ConsentScope } from "./scope";

export const ScopeFormValues = ConsentScope.omit({ validUntil: true })
  .extend({
    period: z.enum(["untilWithdrawn", "untilDate"]),
    /** yyyy-mm-dd, from <input type="date">; only read when period is "untilDate". */
    endDate: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.period !== "untilDate") return;
    const end = endOfDay(v.endDate);
    if (end === null || end.getTime() <= Date.now()) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "a date in the future" });
    }
  });
export type ScopeFormValues = z.infer<typeof ScopeFormValues>;

/** The consent runs to the end of the chosen day, UTC. */
function endOfDay(date: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const d = new Date(`${date}T23:59:59.999Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function toScope(values: ScopeFormValues): ConsentScope {
  const { period, endDate, ...rest } = values;
  return { ...rest, validUntil: period === "untilDate" ? endOfDay(endDate)!.toISOString() : null };
}

/** The form's starting point: a new consent has no answer chosen yet. */
export type ScopeFormStart = Omit<ScopeFormValues, "research" | "geography" | "period"> & {
  research: ScopeFormValues["research"] | { level?: undefined };
  geography?: ScopeFormValues["geography"];
  period?: ScopeFormValues["period"];
};

export function fromScope(scope: ConsentScope | null): ScopeFormStart {
  if (!scope) {
    // Nothing is ticked or pre-selected, not even the narrowest option: consent must be an
    // explicit choice on every point (GDPR Art. 4(11); CJEU C-673/17 Planet49).
    return {
      dataCategories: [],
      research: {},
      aiUses: [],
      recipientTypes: [],
      endDate: "",
      conditions: { mayRecontact: false, wantsFindings: false },
    };
  }
  const { validUntil, ...rest } = scope;
  return { ...rest, period: validUntil ? "untilDate" : "untilWithdrawn", endDate: validUntil ? validUntil.slice(0, 10) : "" };
}

/** The message key (consent.errors.*) for a field whose value is not valid. */
export function errorKeyFor(path: readonly PropertyKey[]): "dataCategories" | "diseases" | "recipientTypes" | "research" | "geography" | "period" | "endDate" | "generic" {
  const [first, second] = path.map(String);
  if (first === "research" && second === "diseases") return "diseases";
  if (first === "dataCategories" || first === "recipientTypes" || first === "research" || first === "geography" || first === "period" || first === "endDate") {
    return first;
  }
  return "generic";
}
