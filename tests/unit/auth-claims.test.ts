/**
 * From eID claims to a Donum identity (lib/auth/claims.ts): who is a citizen, who is a regulator
 * or operator, who is refused, and that the national identifier never comes out the other side.
 */
import { createSubjectKeyer } from "../../lib/identity/subject-key";
import {
  clientSessionUser,
  identityFromClaims,
  parseSessionIdentity,
  privilegedRoles,
  subjectKeyFromClaims,
  tokenFromIdentity,
  type ClaimsPolicy,
} from "../../lib/auth/claims";

const keyer = createSubjectKeyer(Buffer.alloc(32, 9));
const keyOf = (raw: string) => keyer.keyOf(raw);

const policy: ClaimsPolicy = {
  mode: "embedded",
  idClaim: "person_identifier",
  rolesClaim: "donum_roles",
  regulatorSubs: ["sub-reg-allowlisted"],
  operatorSubs: ["sub-op-allowlisted"],
};

const citizenClaims = { sub: "sub-1", name: "Lucas Peeters", person_identifier: "BE/BE/85073003328" };

describe("identityFromClaims", () => {
  it("makes a citizen of anyone with a valid national identifier, keyed, with nothing else kept", () => {
    const result = identityFromClaims({ ...citizenClaims, locale: "nl-BE", email: "l@example.eu" }, policy, keyOf);
    expect(result).toEqual({
      ok: true,
      identity: { sub: "sub-1", subjectKey: keyOf("BE/BE/85073003328"), roles: ["citizen"], name: "Lucas Peeters" },
    });
    const text = JSON.stringify(result);
    expect(text).not.toContain("85073003328");
    expect(text).not.toContain("example.eu");
  });

  it("keys the identifier the same way whatever the destination country (one person, one subject)", () => {
    const a = identityFromClaims({ ...citizenClaims, person_identifier: "BE/ES/85073003328" }, policy, keyOf);
    const b = identityFromClaims(citizenClaims, policy, keyOf);
    expect(a.ok && b.ok && a.identity.subjectKey === b.identity.subjectKey).toBe(true);
  });

  it("reads the identifier from the configured claim only", () => {
    const other = { ...policy, idClaim: "eidas_pid" };
    expect(identityFromClaims(citizenClaims, other, keyOf)).toEqual({ ok: false, refusal: "NoPersonIdentifier" });
    const r = identityFromClaims({ sub: "s", name: "n", eidas_pid: "ES/ES/02635542Y" }, other, keyOf);
    expect(r.ok && r.identity.roles).toEqual(["citizen"]);
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["malformed", "85073003328"],
    ["not a string", 85073003328],
    ["an array", ["BE/BE/85073003328"]],
  ])("refuses a citizen whose identifier is %s", (_what, value) => {
    expect(identityFromClaims({ sub: "s", name: "n", person_identifier: value }, policy, keyOf)).toEqual({
      ok: false,
      refusal: "NoPersonIdentifier",
    });
  });

  it("lets a regulator or operator without an identifier in, with a null subject key", () => {
    const reg = identityFromClaims({ sub: "r", name: "Reg", donum_roles: ["regulator"] }, policy, keyOf);
    expect(reg).toEqual({ ok: true, identity: { sub: "r", subjectKey: null, roles: ["regulator"], name: "Reg" } });
    const op = identityFromClaims({ sub: "o", name: "Op", donum_roles: "operator", person_identifier: "garbage" }, policy, keyOf);
    expect(op).toEqual({ ok: true, identity: { sub: "o", subjectKey: null, roles: ["operator"], name: "Op" } });
  });

  it("gives a regulator who also has a valid identifier both roles", () => {
    const r = identityFromClaims({ ...citizenClaims, donum_roles: ["regulator"] }, policy, keyOf);
    expect(r.ok && r.identity.roles).toEqual(["citizen", "regulator"]);
  });

  it("refuses a token from the development provider in production mode, even for a valid citizen", () => {
    const prod = { ...policy, mode: "production" as const };
    expect(identityFromClaims({ ...citizenClaims, donum_dev_idp: true }, prod, keyOf)).toEqual({ ok: false, refusal: "DevProviderInProduction" });
    expect(identityFromClaims({ ...citizenClaims, donum_dev_idp: true }, policy, keyOf).ok).toBe(true);
    expect(identityFromClaims(citizenClaims, prod, keyOf).ok).toBe(true);
  });

  it("refuses claims without a usable sub", () => {
    for (const sub of [undefined, "", 42, "x".repeat(191)]) {
      expect(identityFromClaims({ ...citizenClaims, sub }, policy, keyOf)).toEqual({ ok: false, refusal: "NoSubject" });
    }
  });

  it("falls back to given and family names, then to a neutral label", () => {
    const a = identityFromClaims({ sub: "s", given_name: "María", family_name: "García", person_identifier: "ES/ES/02635542Y" }, policy, keyOf);
    expect(a.ok && a.identity.name).toBe("María García");
    const b = identityFromClaims({ sub: "s", person_identifier: "ES/ES/02635542Y" }, policy, keyOf);
    expect(b.ok && b.identity.name).toBe("Signed-in user");
  });

  it("does not leak the identifier when the keyer throws", () => {
    const throwing = () => {
      throw new Error("bad BE/BE/85073003328");
    };
    expect(JSON.stringify(identityFromClaims(citizenClaims, policy, throwing))).not.toContain("85073003328");
    expect(subjectKeyFromClaims(citizenClaims, policy, throwing)).toBeNull();
  });
});

describe("privilegedRoles", () => {
  it("reads an array or a space/comma-separated string, case-insensitively, and ignores unknown values", () => {
    expect(privilegedRoles({ donum_roles: ["Regulator", "admin"] }, "s", policy)).toEqual(["regulator"]);
    expect(privilegedRoles({ donum_roles: "operator regulator" }, "s", policy)).toEqual(["regulator", "operator"]);
    expect(privilegedRoles({ donum_roles: "operator,regulator" }, "s", policy)).toEqual(["regulator", "operator"]);
    expect(privilegedRoles({ donum_roles: [1, null, { role: "operator" }] }, "s", policy)).toEqual([]);
    expect(privilegedRoles({}, "s", policy)).toEqual([]);
  });

  it("never grants citizen from a claim", () => {
    expect(privilegedRoles({ donum_roles: ["citizen"] }, "s", policy)).toEqual([]);
    expect(identityFromClaims({ sub: "s", donum_roles: ["citizen"] }, policy, keyOf)).toEqual({ ok: false, refusal: "NoPersonIdentifier" });
  });

  it("grants roles from the sub allowlists", () => {
    expect(privilegedRoles({}, "sub-reg-allowlisted", policy)).toEqual(["regulator"]);
    expect(privilegedRoles({}, "sub-op-allowlisted", policy)).toEqual(["operator"]);
    expect(privilegedRoles({ donum_roles: ["regulator"] }, "sub-reg-allowlisted", policy)).toEqual(["regulator"]);
  });

  it("reads the configured roles claim only", () => {
    expect(privilegedRoles({ roles: ["regulator"] }, "s", policy)).toEqual([]);
    expect(privilegedRoles({ roles: ["regulator"] }, "s", { ...policy, rolesClaim: "roles" })).toEqual(["regulator"]);
  });
});

describe("session token and client view", () => {
  const identity = { sub: "sub-1", subjectKey: keyOf("BE/BE/85073003328"), roles: ["citizen" as const], name: "Lucas" };

  it("the token holds exactly sub, subjectKey, roles and name", () => {
    const token = tokenFromIdentity({ ...identity, extra: "x", person_identifier: "BE/BE/85073003328" } as typeof identity);
    expect(Object.keys(token).sort()).toEqual(["name", "roles", "sub", "subjectKey"]);
  });

  it("the browser gets name, roles and hasSubject — never the subject key or sub", () => {
    const view = clientSessionUser(identity);
    expect(view).toEqual({ name: "Lucas", roles: ["citizen"], hasSubject: true });
    expect(clientSessionUser({ ...identity, subjectKey: null, roles: [] }).hasSubject).toBe(false);
  });

  it("parses a stored token back, and rejects malformed ones", () => {
    expect(parseSessionIdentity({ ...identity, iat: 1, exp: 2, jti: "j" })).toEqual(identity);
    expect(parseSessionIdentity(null)).toBeNull();
    expect(parseSessionIdentity({ ...identity, sub: "" })).toBeNull();
    expect(parseSessionIdentity({ ...identity, roles: ["admin"] })).toBeNull();
    expect(parseSessionIdentity({ ...identity, subjectKey: "BE/BE/85073003328" })).toBeNull();
    expect(parseSessionIdentity({ ...identity, name: 3 })).toBeNull();
    // A citizen role without a subject key would let a citizen route act for nobody.
    expect(parseSessionIdentity({ ...identity, subjectKey: null })).toBeNull();
    expect(parseSessionIdentity({ ...identity, subjectKey: null, roles: ["regulator"] })).toEqual({
      ...identity,
      subjectKey: null,
      roles: ["regulator"],
    });
  });
});
