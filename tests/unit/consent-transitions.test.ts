/**
 * grant / amend / withdraw / optOut from every state a citizen's consent can be in. Each change
 * bumps the version by one and is recorded as one history entry that says what happened.
 */
import { randomUUID } from "node:crypto";
import {
  amend,
  Consent,
  ConsentChange,
  grant,
  optOut,
  withdraw,
  type ConsentAction,
  type ConsentStatus,
  type Transition,
  type TransitionError,
} from "../../lib/consent/consent";
import type { ConsentScope } from "../../lib/consent/scope";
import { activeConsent, formRef, scope, subjectKey, T0 } from "../support/fixtures";

const KEY = subjectKey();
const ID = randomUUID();
/** When the change under test is made: a month after the consent was first given (T0). */
const NOW = new Date("2026-07-01T00:00:00.000Z");
const BEFORE = new Date("2026-06-15T00:00:00.000Z");
const input = (now: Date = NOW) => ({ id: randomUUID(), subjectKey: KEY, now, method: "web" as const });

function ok(t: Transition): Consent {
  if (!t.ok) throw new Error(`transition refused: ${JSON.stringify(t.error)}`);
  return t.consent;
}

const FORM_V1 = formRef({ version: 1, language: "en" });
const FORM_V2 = formRef({ version: 2, language: "de", textHash: `sha256:${"b".repeat(64)}` });
const NEW_SCOPE: ConsentScope = scope({ dataCategories: ["imaging.pet"], research: { level: "GRU" }, aiUses: [] });

/** The states a consent can be in when a change is asked for (as of NOW). */
const states: Record<string, () => Consent | null> = {
  none: () => null,
  active: () => activeConsent({ id: ID, subjectKey: KEY }, T0),
  expired: () =>
    activeConsent({ id: ID, subjectKey: KEY, scope: scope({ validUntil: "2026-06-20T00:00:00.000Z" }) }, T0),
  withdrawn: () => ok(withdraw(states.active!(), input(BEFORE))),
  opted_out: () => ok(optOut(states.active!(), input(BEFORE))),
  "opted_out without ever consenting": () => ok(optOut(null, input(BEFORE))),
};
type State = keyof typeof states;

type Expected = { ok: true } | { ok: false; error: TransitionError };
const allowed: Expected = { ok: true };
const refused = (error: TransitionError): Expected => ({ ok: false, error });

interface Operation {
  run: (prev: Consent | null) => Transition;
  action: ConsentAction;
  status: ConsentStatus;
  /** The scope and form the change records. */
  scope: ConsentScope | null;
  form: typeof FORM_V2 | null;
}
const operations: Record<"grant" | "amend" | "withdraw" | "optOut", Operation> = {
  grant: { run: (p) => grant(p, NEW_SCOPE, FORM_V2, input()), action: "granted", status: "active", scope: NEW_SCOPE, form: FORM_V2 },
  amend: { run: (p) => amend(p, NEW_SCOPE, FORM_V2, input()), action: "amended", status: "active", scope: NEW_SCOPE, form: FORM_V2 },
  withdraw: { run: (p) => withdraw(p, input()), action: "withdrawn", status: "withdrawn", scope: null, form: null },
  optOut: { run: (p) => optOut(p, input()), action: "opted_out", status: "opted_out", scope: null, form: null },
};
type Op = keyof typeof operations;

const table: [Op, State, Expected][] = [
  ["grant", "none", allowed],
  ["grant", "active", refused({ code: "CONSENT_ALREADY_ACTIVE" })],
  ["grant", "expired", allowed],
  ["grant", "withdrawn", allowed],
  ["grant", "opted_out", allowed],
  ["grant", "opted_out without ever consenting", allowed],
  ["amend", "none", refused({ code: "CONSENT_NOT_FOUND" })],
  ["amend", "active", allowed],
  ["amend", "expired", refused({ code: "CONSENT_NOT_ACTIVE", status: "expired" })],
  ["amend", "withdrawn", refused({ code: "CONSENT_NOT_ACTIVE", status: "withdrawn" })],
  ["amend", "opted_out", refused({ code: "CONSENT_NOT_ACTIVE", status: "opted_out" })],
  ["withdraw", "none", refused({ code: "CONSENT_NOT_FOUND" })],
  ["withdraw", "active", allowed],
  ["withdraw", "expired", allowed],
  ["withdraw", "withdrawn", refused({ code: "CONSENT_NOT_ACTIVE", status: "withdrawn" })],
  ["withdraw", "opted_out", refused({ code: "CONSENT_NOT_ACTIVE", status: "opted_out" })],
  ["optOut", "none", allowed],
  ["optOut", "active", allowed],
  ["optOut", "expired", allowed],
  ["optOut", "withdrawn", allowed],
  ["optOut", "opted_out", refused({ code: "ALREADY_OPTED_OUT" })],
  ["optOut", "opted_out without ever consenting", refused({ code: "ALREADY_OPTED_OUT" })],
];

describe.each(table)("%s from %s", (op, state, expected) => {
  const operation = operations[op];
  const prev = states[state]!();

  if (!expected.ok) {
    const detail = "status" in expected.error ? ` (the consent is ${expected.error.status})` : "";
    it(`is refused with ${expected.error.code}${detail}`, () => {
      const t = operation.run(prev);
      expect(t).toEqual({ ok: false, error: expected.error });
    });
    return;
  }

  const t = operation.run(prev);
  // Read lazily, so that an unexpected refusal fails each test rather than the whole file.
  const result = () => {
    if (!t.ok) throw new Error(`transition refused: ${JSON.stringify(t.error)}`);
    return t;
  };
  let consent: Consent;
  let change: ConsentChange;
  beforeEach(() => {
    ({ consent, change } = result());
  });

  it("is allowed, and the result is a valid consent and history entry", () => {
    expect(t.ok).toBe(true);
    expect(Consent.safeParse(consent).success).toBe(true);
    expect(ConsentChange.safeParse(change).success).toBe(true);
  });

  it(`raises the version by exactly one (to ${(prev?.version ?? 0) + 1})`, () => {
    expect(consent.version).toBe((prev?.version ?? 0) + 1);
    expect(change.version).toBe(consent.version);
  });

  it(`records the change as "${operation.action}" with status "${operation.status}" at the time it was made`, () => {
    expect(change.action).toBe(operation.action);
    expect(change.status).toBe(operation.status);
    expect(consent.status).toBe(operation.status);
    expect(change.at).toBe(NOW.toISOString());
    expect(change.method).toBe("web");
    expect(consent.updatedAt).toBe(NOW.toISOString());
  });

  it(operation.scope ? "takes the new scope and the form it was agreed on" : "clears the scope", () => {
    expect(consent.scope).toEqual(operation.scope);
    expect(change.scope).toEqual(operation.scope);
    expect(change.form).toEqual(operation.form);
    if (operation.form) expect(consent.form).toEqual(operation.form);
  });

  if (!operation.form) {
    it("keeps on the consent the form the last scope was agreed on, for the record", () => {
      expect(consent.form).toEqual(prev?.form ?? null);
    });
  }

  it(prev ? "keeps the consent's id and creation time" : "creates the consent now", () => {
    if (prev) {
      expect(consent.id).toBe(prev.id);
      expect(consent.createdAt).toBe(prev.createdAt);
    } else {
      expect(consent.createdAt).toBe(NOW.toISOString());
    }
    expect(consent.subjectKey).toBe(KEY);
  });
});

describe("an end date that has already passed is refused", () => {
  const rows: [string, "grant" | "amend", string][] = [
    ["granting with an end date in the past", "grant", "2026-01-01T00:00:00.000Z"],
    ["granting with an end date of exactly now", "grant", NOW.toISOString()],
    ["amending to an end date in the past", "amend", "2026-01-01T00:00:00.000Z"],
    ["amending to an end date of exactly now", "amend", NOW.toISOString()],
    ["amending to an end date that is now in another time zone", "amend", "2026-07-01T02:00:00+02:00"],
  ];

  it.each(rows)("%s", (_name, op, validUntil) => {
    const prev = op === "grant" ? null : states.active!();
    const s = scope({ validUntil });
    const t = op === "grant" ? grant(prev, s, FORM_V1, input()) : amend(prev, s, FORM_V1, input());
    expect(t).toEqual({ ok: false, error: { code: "VALID_UNTIL_IN_PAST" } });
  });

  it("an end date one millisecond in the future is accepted", () => {
    const t = grant(null, scope({ validUntil: new Date(NOW.getTime() + 1).toISOString() }), FORM_V1, input());
    expect(t.ok).toBe(true);
  });
});

describe("a consent's life", () => {
  it("grant, amend, withdraw, grant again, opt out: versions 1 to 5, one creation time", () => {
    const at = (day: number) => input(new Date(Date.UTC(2026, 6, day)));
    const v1 = ok(grant(null, scope(), FORM_V1, at(1)));
    const v2 = ok(amend(v1, NEW_SCOPE, FORM_V2, at(2)));
    const v3 = ok(withdraw(v2, at(3)));
    const v4 = ok(grant(v3, scope(), FORM_V2, at(4)));
    const v5 = ok(optOut(v4, at(5)));
    expect([v1, v2, v3, v4, v5].map((c) => [c.version, c.status])).toEqual([
      [1, "active"],
      [2, "active"],
      [3, "withdrawn"],
      [4, "active"],
      [5, "opted_out"],
    ]);
    expect(new Set([v1, v2, v3, v4, v5].map((c) => c.id)).size).toBe(1);
    expect(new Set([v1, v2, v3, v4, v5].map((c) => c.createdAt))).toEqual(new Set([v1.createdAt]));
    expect(v3.form).toEqual(FORM_V2);
    expect(v5.scope).toBeNull();
  });

  it("a transition does not change the consent it starts from", () => {
    const prev = states.active!();
    const snapshot = structuredClone(prev);
    ok(amend(prev, NEW_SCOPE, FORM_V2, input()));
    ok(withdraw(prev, input()));
    expect(prev).toEqual(snapshot);
  });
});
