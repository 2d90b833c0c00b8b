/**
 * Secrets from AWS Secrets Manager (DONUM_SECRETS_ARN), read once when the container starts, so
 * that in AWS no secret sits in a function's environment or in the CloudFormation template. The
 * secret's value is a JSON object with DONUM_SUBJECT_PEPPER, DONUM_SESSION_SECRET and optionally
 * DONUM_OIDC_CLIENT_SECRET and DONUM_ORIGIN_SECRET, validated as the environment variables of the same name are. A value
 * set in the environment as well is refused: one source per secret, never a silent precedence.
 */
import { z } from "zod";
import { ConfigError, SECRET_SCHEMAS, type Config } from "./index";

export const SecretValue = z
  .object({
    DONUM_SUBJECT_PEPPER: SECRET_SCHEMAS.DONUM_SUBJECT_PEPPER,
    DONUM_SESSION_SECRET: SECRET_SCHEMAS.DONUM_SESSION_SECRET,
    DONUM_OIDC_CLIENT_SECRET: SECRET_SCHEMAS.DONUM_OIDC_CLIENT_SECRET.optional(),
    DONUM_ORIGIN_SECRET: SECRET_SCHEMAS.DONUM_ORIGIN_SECRET.optional(),
  })
  .strict();
export type SecretValue = z.infer<typeof SecretValue>;

/** Reads the secret's string value; injected in tests. */
export type SecretReader = (secrets: NonNullable<Config["secrets"]>) => Promise<string>;

export const awsSecretReader: SecretReader = async ({ arn, region, endpoint }) => {
  const { SecretsManagerClient, GetSecretValueCommand } = await import("@aws-sdk/client-secrets-manager");
  const client = new SecretsManagerClient({ region, ...(endpoint ? { endpoint } : {}) });
  try {
    const out = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    if (typeof out.SecretString !== "string") throw new Error("the secret has no string value");
    return out.SecretString;
  } finally {
    client.destroy();
  }
};

/** The configuration with the secrets of DONUM_SECRETS_ARN filled in (unchanged when it is not set). */
export async function resolveSecrets(config: Config, read: SecretReader = awsSecretReader): Promise<Config> {
  if (!config.secrets) return config;
  let raw: string;
  try {
    raw = await read(config.secrets);
  } catch (error) {
    // The SDK's message names the secret and the reason (AccessDenied, not found); never its value.
    throw new ConfigError([{ variable: "DONUM_SECRETS_ARN", expected: `a readable secret (${error instanceof Error ? error.message : String(error)})` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError([{ variable: "DONUM_SECRETS_ARN", expected: "a secret whose value is a JSON object (the value is not shown)" }]);
  }
  const parsed = SecretValue.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: `DONUM_SECRETS_ARN → ${i.path.join(".") || "value"}`, expected: `${i.message} (the value is not shown)` })),
    );
  }
  const s = parsed.data;
  const twice: { variable: string; expected: string }[] = [];
  if (config.keys.pepperBase64) twice.push({ variable: "DONUM_SUBJECT_PEPPER", expected: "set in the environment and in DONUM_SECRETS_ARN: keep one" });
  if (config.auth.sessionSecret) twice.push({ variable: "DONUM_SESSION_SECRET", expected: "set in the environment and in DONUM_SECRETS_ARN: keep one" });
  if (config.auth.clientSecret && s.DONUM_OIDC_CLIENT_SECRET) {
    twice.push({ variable: "DONUM_OIDC_CLIENT_SECRET", expected: "set in the environment and in DONUM_SECRETS_ARN: keep one" });
  }
  if (config.originSecret && s.DONUM_ORIGIN_SECRET) {
    twice.push({ variable: "DONUM_ORIGIN_SECRET", expected: "set in the environment and in DONUM_SECRETS_ARN: keep one" });
  }
  if (config.mode === "production" && !config.auth.clientSecret && !s.DONUM_OIDC_CLIENT_SECRET) {
    twice.push({ variable: "DONUM_OIDC_CLIENT_SECRET", expected: "required when DONUM_MODE=production: in the environment or in DONUM_SECRETS_ARN" });
  }
  if (twice.length > 0) throw new ConfigError(twice);
  return {
    ...config,
    keys: { ...config.keys, pepperBase64: s.DONUM_SUBJECT_PEPPER },
    auth: { ...config.auth, sessionSecret: s.DONUM_SESSION_SECRET, clientSecret: config.auth.clientSecret ?? s.DONUM_OIDC_CLIENT_SECRET ?? null },
    originSecret: config.originSecret ?? s.DONUM_ORIGIN_SECRET ?? null,
  };
}
