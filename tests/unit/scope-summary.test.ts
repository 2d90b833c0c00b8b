import fc from "fast-check";
import { decide } from "../../lib/consent/decision";
import { diffScopes, summariseScope } from "../../lib/consent/scope-summary";
import { DATA_CATEGORIES, RECIPIENT_TYPES } from "../../lib/consent/vocabulary";
import { activeConsent, scope, T0 } from "../support/fixtures";

describe("summariseScope", () => {
  it("splits every category, AI use and recipient type into allowed or not allowed, never both", () => {
    const s = summariseScope(scope({ dataCategories: ["imaging.ct", "genomics"], aiUses: ["AI_VALIDATION"], recipientTypes: ["public"] }));
    expect(s.allowed.dataCategories).toEqual(["imaging.ct", "genomics"]);
    expect(s.notAllowed.dataCategories).toHaveLength(DATA_CATEGORIES.length - 2);
    expect(s.allowed.aiUses).toEqual(["AI_VALIDATION"]);
    expect(s.notAllowed.aiUses).toEqual(["AI_TRAINING"]);
    expect(s.notAllowed.recipientTypes).toEqual(["non_profit", "commercial"]);
  });

  it.each([
    ["GRU", []],
    ["HMB", ["GRU"]],
    ["DS", ["GRU", "HMB"]],
  ] as const)("research %s excludes the broader levels %j", (level, broader) => {
    const research = level === "DS" ? { level, diseases: ["MONDO:0008903" as const] } : { level };
    expect(summariseScope(scope({ research })).notAllowed.broaderResearch).toEqual(broader);
  });

  it("lists the countries a recipient may be in, matching what decide() permits", () => {
    const s = summariseScope(scope({ geography: "EU_EEA" }));
    expect(s.allowed.countries).toContain("DE");
    expect(s.allowed.countries).not.toContain("CH");
    expect(s.notAllowed.outsideAdequacy).toBe(true);
    const wide = summariseScope(scope({ geography: "EU_EEA_ADEQUACY" }));
    expect(wide.allowed.countries).toEqual(expect.arrayContaining(["CH", "JP", "GB", "NO"]));
    expect(wide.notAllowed.outsideAdequacy).toBe(false);
  });

  it("says exactly what decide() permits for categories and recipient types", () => {
    fc.assert(
      fc.property(
        fc.subarray([...DATA_CATEGORIES], { minLength: 1 }),
        fc.subarray([...RECIPIENT_TYPES], { minLength: 1 }),
        fc.constantFrom(...DATA_CATEGORIES),
        fc.constantFrom(...RECIPIENT_TYPES),
        (cats, recips, askedCat, askedRecipient) => {
          const consent = activeConsent({ scope: scope({ dataCategories: cats, recipientTypes: recips, research: { level: "GRU" } }) });
          const s = summariseScope(consent.scope!);
          const d = decide(consent, { dataCategories: [askedCat], purpose: { code: "GRU" }, recipient: { organisation: "X", type: askedRecipient, country: "FR" } }, new Date(T0.getTime() + 1000));
          const shownAllowed = s.allowed.dataCategories.includes(askedCat) && s.allowed.recipientTypes.includes(askedRecipient);
          expect(d.decision === "PERMIT").toBe(shownAllowed);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("diffScopes", () => {
  it("reports nothing changed for the same scope", () => {
    expect(diffScopes(scope(), scope()).every((d) => !d.changed)).toBe(true);
  });

  it("names what was added and removed per dimension", () => {
    const diff = diffScopes(scope({ dataCategories: ["imaging.ct"], aiUses: [] }), scope({ dataCategories: ["imaging.mr"], aiUses: ["AI_TRAINING"] }));
    expect(diff.find((d) => d.dimension === "dataCategories")).toMatchObject({ changed: true, added: ["imaging.mr"], removed: ["imaging.ct"] });
    expect(diff.find((d) => d.dimension === "aiUses")).toMatchObject({ changed: true, added: ["AI_TRAINING"], removed: [] });
    expect(diff.find((d) => d.dimension === "geography")!.changed).toBe(false);
  });

  it("treats a withdrawal as removing everything", () => {
    const diff = diffScopes(scope(), null);
    expect(diff.filter((d) => d.dimension !== "conditions" || scope().conditions.mayRecontact || scope().conditions.wantsFindings).every((d) => d.changed)).toBe(true);
    expect(diff.every((d) => d.added.length === 0)).toBe(true);
  });
});
