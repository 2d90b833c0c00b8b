import { resolve } from "node:path";
import { ConfigError, parseConfig } from "../../lib/config";

const errorOf = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (e) {
    return e as ConfigError;
  }
  throw new Error("expected a ConfigError");
};

describe("configuration", () => {
  it("needs no variables at all: SQLite and local keys under ./data", () => {
    const config = parseConfig({});
    expect(config.store).toEqual({ kind: "sqlite", file: resolve("data/donum.db") });
    expect(config.keys).toEqual({ dir: resolve("data/keys"), pepperBase64: null });
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe("http://localhost:3000");
  });

  it("selects DynamoDB from configuration alone", () => {
    const config = parseConfig({ DONUM_STORE: "dynamodb", DONUM_DYNAMODB_TABLE: "donum-prod", AWS_REGION: "eu-central-1" });
    expect(config.store).toEqual({ kind: "dynamodb", table: "donum-prod", region: "eu-central-1", endpoint: null, createTable: false });
  });

  it("serves its public address on the configured port unless told otherwise", () => {
    expect(parseConfig({ PORT: "3300" }).publicUrl).toBe("http://localhost:3300");
    expect(parseConfig({ PORT: "3300", DONUM_PUBLIC_URL: "https://donum.example.org/" }).publicUrl).toBe("https://donum.example.org");
  });

  it("treats empty variables as unset", () => {
    expect(parseConfig({ PORT: "", DONUM_STORE: "" }).port).toBe(3000);
  });

  it.each([
    [{ DONUM_STORE: "mysql" }, "DONUM_STORE", 'one of "sqlite", "dynamodb"'],
    [{ DONUM_STORE: "dynamodb", AWS_REGION: "eu-central-1" }, "DONUM_DYNAMODB_TABLE", "required when DONUM_STORE=dynamodb"],
    [{ DONUM_STORE: "dynamodb", DONUM_DYNAMODB_TABLE: "t-1" }, "AWS_REGION", "required when DONUM_STORE=dynamodb"],
    [{ AWS_REGION: "europe", DONUM_STORE: "dynamodb", DONUM_DYNAMODB_TABLE: "t-1" }, "AWS_REGION", "an AWS region"],
    [{ PORT: "eighty" }, "PORT", ""],
    [{ DONUM_PUBLIC_URL: "localhost" }, "DONUM_PUBLIC_URL", "an absolute URL"],
    [{ DONUM_DYNAMODB_TABLE: "t-1" }, "DONUM_DYNAMODB_TABLE", "set DONUM_STORE=dynamodb"],
    [{ DONUM_STORE: "dynamodb", DONUM_DYNAMODB_TABLE: "t-1", AWS_REGION: "eu-west-1", DONUM_DYNAMODB_CREATE_TABLE: "true" }, "DONUM_DYNAMODB_CREATE_TABLE", "only allowed with DONUM_DYNAMODB_ENDPOINT"],
    [{ DONUM_SUBJECT_PEPPER: "c2hvcnQ=" }, "DONUM_SUBJECT_PEPPER", "at least 32 random bytes"],
  ])("stops on %j naming %s and what it expects", (env, variable, expected) => {
    const error = errorOf(env);
    expect(error).toBeInstanceOf(ConfigError);
    const problem = error.problems.find((p) => p.variable === variable);
    expect(problem).toBeDefined();
    expect(problem!.expected).toContain(expected);
    expect(error.message).toContain(variable);
  });

  it("lists every wrong variable at once", () => {
    const error = errorOf({ DONUM_STORE: "mysql", PORT: "-1", DONUM_LOG_LEVEL: "loud" });
    expect(error.problems.map((p) => p.variable).sort()).toEqual(["DONUM_LOG_LEVEL", "DONUM_STORE", "PORT"]);
  });

  it("never echoes a secret back in the error", () => {
    const error = errorOf({ DONUM_SUBJECT_PEPPER: "dG9vLXNob3J0LXNlY3JldA==" });
    expect(error.message).not.toContain("dG9vLXNob3J0LXNlY3JldA==");
    expect(error.message).toContain("not shown");
  });
});

describe("configuration: sign-in", () => {
  it("uses the bundled development provider when no issuer is configured", () => {
    const { auth, mode } = parseConfig({});
    expect(mode).toBe("embedded");
    expect(auth.devIdp).toEqual({ port: 3001 });
    expect(auth.issuer).toBe("http://127.0.0.1:3001");
  });

  it("uses the configured eID provider when one is set", () => {
    const { auth } = parseConfig({
      DONUM_OIDC_ISSUER: "https://eid.example.org/realms/citizens",
      DONUM_OIDC_CLIENT_ID: "donum",
      DONUM_OIDC_CLIENT_SECRET: "a-long-enough-client-secret",
      DONUM_OIDC_ID_CLAIM: "eidas_pid",
      DONUM_REGULATOR_SUBS: "reg-1, reg-2",
    });
    expect(auth).toMatchObject({ devIdp: null, issuer: "https://eid.example.org/realms/citizens", idClaim: "eidas_pid", regulatorSubs: ["reg-1", "reg-2"] });
  });

  it("refuses half an OIDC configuration", () => {
    expect(() => parseConfig({ DONUM_OIDC_ISSUER: "https://eid.example.org" })).toThrow(/DONUM_OIDC_CLIENT_ID: required with the other/);
  });

  it("refuses production mode without a real eID provider and its secrets", () => {
    expect(() => parseConfig({ DONUM_MODE: "production" })).toThrow(/DONUM_OIDC_ISSUER: required when DONUM_MODE=production/);
  });

  it("refuses production mode against the development provider", () => {
    const error = (() => {
      try {
        parseConfig({
          DONUM_MODE: "production",
          DONUM_OIDC_ISSUER: "http://127.0.0.1:3001",
          DONUM_OIDC_CLIENT_ID: "donum-portal",
          DONUM_OIDC_CLIENT_SECRET: "a-long-enough-client-secret",
          DONUM_SESSION_SECRET: "x".repeat(40),
          DONUM_SUBJECT_PEPPER: Buffer.alloc(32, 1).toString("base64"),
          DONUM_PUBLIC_URL: "https://donum.example.org",
        });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error?.message).toMatch(/DONUM_OIDC_ISSUER: a loopback issuer .* refused/);
  });
});
