/**
 * What the benchmark asks: subjects seeded with the real use cases (so that checks find real
 * consents and answer real PERMITs and DENYs), and the bodies of single and batch checks.
 *
 * Seeded subject i (0 ≤ i < N) has the identifier BE/BE/BENCH<i> and, by i mod 20:
 *   0–13  an active consent that covers the benchmark's request           → PERMIT
 *   14–15 an active consent that does not cover CT imaging                → DENY (DATA_CATEGORY_NOT_COVERED)
 *   16–17 a consent granted, then withdrawn                               → DENY (CONSENT_WITHDRAWN)
 *   18    opted out                                                        → DENY (OPTED_OUT)
 *   19    never asked                                                      → DENY (NO_CONSENT)
 * Single checks cycle over the N seeded subjects plus N/10 never seen (NO_CONSENT), so about
 * 64 % of the answers are PERMITs.
 */
import type { Actor } from "../../lib/audit/events";
import type { DecisionRequestInput } from "../../lib/consent/decision";
import { DEFAULT_FORM_ID } from "../../lib/consent/forms";
import type { ConsentScope } from "../../lib/consent/scope";
import type { Container } from "../../lib/server/container";
import { grantConsent, optOutOfSecondaryUse, withdrawConsent } from "../../lib/usecases/consent-changes";

export const nationalIdOf = (i: number) => `BE/BE/BENCH${i}`;

export const BENCH_REQUEST: DecisionRequestInput = {
  dataCategories: ["imaging.ct"],
  purpose: { code: "HMB" },
  aiUse: null,
  recipient: { organisation: "KU Leuven", type: "public", country: "BE" },
  requiresRecontact: false,
};

const COVERING: ConsentScope = {
  dataCategories: ["imaging.ct", "imaging.mr", "report.radiology"],
  research: { level: "HMB" },
  aiUses: ["AI_TRAINING"],
  recipientTypes: ["public", "non_profit"],
  geography: "EU_EEA",
  validUntil: null,
  conditions: { mayRecontact: false, wantsFindings: true },
};
const NOT_COVERING: ConsentScope = { ...COVERING, dataCategories: ["imaging.mr", "report.radiology"] };

export interface SeedResult {
  subjects: number;
  consents: number;
  ms: number;
}

/** Grants (and withdraws, opts out) through the use cases, as the citizen would. */
export async function seedSubjects(container: Container, n: number): Promise<SeedResult> {
  const t0 = performance.now();
  const latest = await container.deps.stores.forms.latest(DEFAULT_FORM_ID);
  if (!latest || !latest.textHashes.en) throw new Error(`no English version of ${DEFAULT_FORM_ID} is published`);
  const form = { formId: latest.formId, version: latest.version, language: "en", textHash: latest.textHashes.en };
  let consents = 0;
  for (let i = 0; i < n; i++) {
    const kind = i % 20;
    if (kind === 19) continue;
    const actor: Actor = { kind: "subject", subjectKey: container.subjects.keyOf(nationalIdOf(i)) };
    if (kind === 18) {
      await optOutOfSecondaryUse(container.deps, actor, { expectedVersion: null });
    } else {
      await grantConsent(container.deps, actor, { scope: kind === 14 || kind === 15 ? NOT_COVERING : COVERING, form });
      if (kind === 16 || kind === 17) await withdrawConsent(container.deps, actor, { expectedVersion: 1 });
    }
    consents++;
  }
  return { subjects: n, consents, ms: performance.now() - t0 };
}

/** The body of single check number i: subjects cycle over N seeded and N/10 unknown ones. */
export function singleCheckBody(seeded: number, run: string): (i: number) => string {
  const cycle = seeded + Math.ceil(seeded / 10);
  return (i) =>
    JSON.stringify({
      subject: { nationalId: nationalIdOf(i % cycle) },
      request: BENCH_REQUEST,
      permitReference: `BENCH-${run}`,
    });
}

/** A batch of `size` distinct subjects: the seeded ones first, then never-seen ones. */
export function batchCheckBody(size: number, run: string): string {
  return JSON.stringify({
    subjects: Array.from({ length: size }, (_, i) => ({ nationalId: nationalIdOf(i) })),
    request: BENCH_REQUEST,
    permitReference: `BENCH-BATCH-${run}`,
  });
}
