/**
 * Production secrets from AWS Secrets Manager (lib/config/secrets.ts), with the secret's reader
 * injected: the values land in the configuration, a bad or unreadable secret stops start-up naming
 * the variable without echoing any value, and a secret set in two places is refused.
 */
import { parseConfig, ConfigError } from "../../lib/config";
import { resolveSecrets } from "../../lib/config/secrets";

const ARN = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:donum/app-AbCdEf";
const PEPPER = Buffer.alloc(32, 7).toString("base64");
const SESSION = "s".repeat(40);
const CLIENT = "client-secret-of-the-eid-broker";

const production = (extra: Record<string, string> = {}) =>
  parseConfig({
    DONUM_MODE: "production",
    DONUM_PUBLIC_URL: "https://donum.example.eu",
    DONUM_OIDC_ISSUER: "https://eid.example.eu",
    DONUM_OIDC_CLIENT_ID: "donum",
    DONUM_SECRETS_ARN: ARN,
    AWS_REGION: "eu-central-1",
    ...extra,
  });

const reader = (value: unknown) => async () => (typeof value === "string" ? value : JSON.stringify(value));

async function problems(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error("expected a ConfigError");
}

it("accepts a production configuration whose secrets are only in the secret", () => {
  expect(production().secrets).toEqual({ arn: ARN, region: "eu-central-1", endpoint: null });
});

it("fills the pepper, the session secret and the OIDC client secret from the secret", async () => {
  const config = await resolveSecrets(production(), reader({ DONUM_SUBJECT_PEPPER: PEPPER, DONUM_SESSION_SECRET: SESSION, DONUM_OIDC_CLIENT_SECRET: CLIENT }));
  expect(config.keys.pepperBase64).toBe(PEPPER);
  expect(config.auth.sessionSecret).toBe(SESSION);
  expect(config.auth.clientSecret).toBe(CLIENT);
});

it("fills the origin secret the CDN sends from the secret, or from the environment, never from both", async () => {
  const ORIGIN = "o".repeat(48);
  const both = { DONUM_SUBJECT_PEPPER: PEPPER, DONUM_SESSION_SECRET: SESSION, DONUM_OIDC_CLIENT_SECRET: CLIENT };
  expect((await resolveSecrets(production(), reader({ ...both, DONUM_ORIGIN_SECRET: ORIGIN }))).originSecret).toBe(ORIGIN);
  expect((await resolveSecrets(production(), reader(both))).originSecret).toBeNull();
  expect((await resolveSecrets(production({ DONUM_ORIGIN_SECRET: ORIGIN }), reader(both))).originSecret).toBe(ORIGIN);
  const text = await problems(resolveSecrets(production({ DONUM_ORIGIN_SECRET: ORIGIN }), reader({ ...both, DONUM_ORIGIN_SECRET: ORIGIN })));
  expect(text).toMatch(/DONUM_ORIGIN_SECRET: set in the environment and in DONUM_SECRETS_ARN/);
  expect(text).not.toContain(ORIGIN);
});

it.each([
  ["too short", "o".repeat(31)],
  ["a space in it", `${"o".repeat(40)} x`],
  ["a line break in it", `${"o".repeat(40)}\r\nx-injected: 1`],
])("refuses an origin secret %s, without showing it", (_, value) => {
  let message = "";
  try {
    parseConfig({ DONUM_ORIGIN_SECRET: value });
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message).toMatch(/DONUM_ORIGIN_SECRET: 32 to 256 printable characters/);
  expect(message).not.toContain(value);
});

it("leaves a configuration without DONUM_SECRETS_ARN untouched and reads nothing", async () => {
  const config = parseConfig({});
  const read = jest.fn();
  await expect(resolveSecrets(config, read)).resolves.toBe(config);
  expect(read).not.toHaveBeenCalled();
});

it.each([
  ["not JSON", "not json {", /a JSON object/],
  ["a short pepper", { DONUM_SUBJECT_PEPPER: "c2hvcnQ=", DONUM_SESSION_SECRET: SESSION, DONUM_OIDC_CLIENT_SECRET: CLIENT }, /DONUM_SUBJECT_PEPPER/],
  ["no session secret", { DONUM_SUBJECT_PEPPER: PEPPER, DONUM_OIDC_CLIENT_SECRET: CLIENT }, /DONUM_SESSION_SECRET/],
  ["an unknown member", { DONUM_SUBJECT_PEPPER: PEPPER, DONUM_SESSION_SECRET: SESSION, DONUM_OIDC_CLIENT_SECRET: CLIENT, EXTRA: "x" }, /DONUM_SECRETS_ARN/],
  ["no OIDC client secret anywhere", { DONUM_SUBJECT_PEPPER: PEPPER, DONUM_SESSION_SECRET: SESSION }, /DONUM_OIDC_CLIENT_SECRET/],
])("stops start-up on a secret with %s, without showing its values", async (_, value, message) => {
  const text = await problems(resolveSecrets(production(), reader(value)));
  expect(text).toMatch(message);
  expect(text).not.toContain(PEPPER);
  expect(text).not.toContain(SESSION);
  expect(text).not.toContain(CLIENT);
});

it("refuses a secret that is also set in the environment", async () => {
  const text = await problems(
    resolveSecrets(production({ DONUM_SESSION_SECRET: SESSION }), reader({ DONUM_SUBJECT_PEPPER: PEPPER, DONUM_SESSION_SECRET: SESSION, DONUM_OIDC_CLIENT_SECRET: CLIENT })),
  );
  expect(text).toMatch(/DONUM_SESSION_SECRET: set in the environment and in DONUM_SECRETS_ARN/);
});

it("names DONUM_SECRETS_ARN when the secret cannot be read", async () => {
  const text = await problems(
    resolveSecrets(production(), async () => {
      throw new Error("AccessDeniedException: not authorised");
    }),
  );
  expect(text).toMatch(/DONUM_SECRETS_ARN: a readable secret \(AccessDeniedException/);
});

it.each([
  [{ DONUM_BLOB_STORE: "s3" }, /DONUM_S3_BUCKET: required when DONUM_BLOB_STORE=s3/],
  [{ DONUM_S3_BUCKET: "donum-exports" }, /set DONUM_BLOB_STORE=s3/],
  [{ DONUM_SECRETS_ENDPOINT: "http://127.0.0.1:4566" }, /only used with DONUM_SECRETS_ARN/],
  [{ DONUM_MODE: "production", DONUM_PUBLIC_URL: "https://d.example.eu", DONUM_OIDC_ISSUER: "https://eid.example.eu", DONUM_OIDC_CLIENT_ID: "d" }, /DONUM_SUBJECT_PEPPER: required when DONUM_MODE=production \(or set DONUM_SECRETS_ARN\)/],
])("validates the blob-store and secrets settings: %o", (env, message) => {
  expect(() => parseConfig(env as Record<string, string>)).toThrow(message);
});

it("keeps the fs blob store apart from the keys and the database", () => {
  const config = parseConfig({ DONUM_DATA_DIR: "/srv/donum" });
  expect(config.blob).toEqual({ kind: "fs", root: "/srv/donum/blobs" });
  expect(parseConfig({ DONUM_BLOB_STORE: "s3", DONUM_S3_BUCKET: "donum-exports", AWS_REGION: "eu-central-1" }).blob).toEqual({
    kind: "s3",
    bucket: "donum-exports",
    region: "eu-central-1",
    endpoint: null,
  });
});
