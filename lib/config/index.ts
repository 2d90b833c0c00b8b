/**
 * Configuration: the environment parsed and validated once into a typed object.
 *
 * Embedded defaults (no variables at all): SQLite under ./data, local signing key and
 * subject-key pepper generated under ./data/keys on first start. Setting DONUM_STORE=dynamodb
 * selects DynamoDB; then its table and region are required. A wrong or missing setting stops
 * start-up with a message naming each variable and what it expects.
 */
import { resolve } from "node:path";
import { z } from "zod";
import { readEnvironment } from "./env";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** The secrets' schemas, one definition for the environment and for DONUM_SECRETS_ARN (lib/config/secrets.ts). */
export const SECRET_SCHEMAS = {
  DONUM_SUBJECT_PEPPER: z
    .string()
    .refine((v) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(v) && Buffer.from(v, "base64").length >= 32, {
      message: "base64 of at least 32 random bytes",
    }),
  DONUM_SESSION_SECRET: z.string().min(32, "at least 32 characters of random text"),
  DONUM_OIDC_CLIENT_SECRET: z.string().min(16, "at least 16 characters"),
  DONUM_ORIGIN_SECRET: z.string().regex(/^[\x21-\x7e]{32,256}$/, "32 to 256 printable characters without spaces (an HTTP header value)"),
};

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Defaults to http://localhost:$PORT. */
    DONUM_PUBLIC_URL: z.url({ message: "an absolute URL such as https://donum.example.eu" }).optional(),
    DONUM_DATA_DIR: z.string().min(1).default("./data"),
    DONUM_STORE: z.enum(["sqlite", "dynamodb"], { message: 'one of "sqlite", "dynamodb"' }).default("sqlite"),
    DONUM_SQLITE_FILE: z.string().min(1).optional(),
    DONUM_DYNAMODB_TABLE: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, "a DynamoDB table name").optional(),
    DONUM_DYNAMODB_ENDPOINT: z.url({ message: "an http(s) URL of a DynamoDB-compatible endpoint" }).optional(),
    DONUM_DYNAMODB_CREATE_TABLE: bool.default(false),
    AWS_REGION: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "an AWS region such as eu-central-1").optional(),
    /** Production: the pepper comes from a secret store, never from a file in the bundle. */
    DONUM_SUBJECT_PEPPER: SECRET_SCHEMAS.DONUM_SUBJECT_PEPPER.optional(),
    /** Who signs decisions, receipts and checkpoints: the local key file (default) or an AWS KMS key (ADR 0006). */
    DONUM_SIGNER: z.enum(["local", "kms"], { message: 'one of "local", "kms"' }).default("local"),
    /** The KMS key (ECC_NIST_P256, SIGN_VERIFY): key id, key ARN, alias/name or alias ARN. */
    DONUM_KMS_KEY_ID: z
      .string()
      .regex(
        /^(arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[A-Za-z0-9/_+=,.@-]{1,256}|alias\/[A-Za-z0-9/_-]{1,250}|(mrk-)?[0-9a-f-]{32,36})$/,
        "a KMS key id, key ARN, alias/<name> or alias ARN",
      )
      .optional(),
    /** A KMS-compatible endpoint (the test stand-in); unset: AWS's regional endpoint. */
    DONUM_KMS_ENDPOINT: z.url({ message: "an http(s) URL of a KMS-compatible endpoint" }).optional(),
    DONUM_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /**
     * embedded: one machine, bundled development identity provider allowed.
     * production: real eID broker required; development-only parts refuse to run.
     */
    DONUM_MODE: z.enum(["embedded", "production"], { message: 'one of "embedded", "production"' }).default("embedded"),
    /** OpenID Connect issuer of the national eID broker. Unset (embedded): the bundled development provider. */
    DONUM_OIDC_ISSUER: z.url({ message: "the issuer URL of the eID OpenID provider" }).optional(),
    DONUM_OIDC_CLIENT_ID: z.string().min(1).optional(),
    DONUM_OIDC_CLIENT_SECRET: SECRET_SCHEMAS.DONUM_OIDC_CLIENT_SECRET.optional(),
    /** The ID-token claim that carries the national identifier (eIDAS PersonIdentifier). */
    DONUM_OIDC_ID_CLAIM: z.string().regex(/^[A-Za-z0-9_:.-]{1,100}$/, "a claim name").default("person_identifier"),
    /** The claim that carries roles (regulator, operator); citizens need none. */
    DONUM_OIDC_ROLES_CLAIM: z.string().regex(/^[A-Za-z0-9_:.-]{1,100}$/, "a claim name").default("donum_roles"),
    /** Comma-separated OIDC `sub` values granted a role, in addition to the roles claim. */
    DONUM_REGULATOR_SUBS: z.string().optional(),
    DONUM_OPERATOR_SUBS: z.string().optional(),
    /** Encrypts session cookies. Embedded: generated under data/keys on first start. */
    DONUM_SESSION_SECRET: SECRET_SCHEMAS.DONUM_SESSION_SECRET.optional(),
    /**
     * Behind a CDN (CloudFront in AWS): the value the CDN sends in the x-donum-origin-verify
     * header; a request without it is refused (403), so that the function's own URL cannot be used
     * to go around the CDN and its WAF. Unset: no such check (one machine, no CDN).
     */
    DONUM_ORIGIN_SECRET: SECRET_SCHEMAS.DONUM_ORIGIN_SECRET.optional(),
    /** Port of the bundled development OpenID provider (embedded mode only), on loopback. */
    DONUM_DEV_IDP_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
    /** Per-node rate limit of the node API (lib/nodes/rate-limit.ts): tokens per second and bucket size, per process. */
    DONUM_NODE_RATE_PER_SECOND: z.coerce.number().positive("a positive number of requests per second").max(1_000_000).default(200),
    DONUM_NODE_RATE_BURST: z.coerce.number().int().min(1, "at least 1").max(10_000_000).default(400),
    /** Where audit-log exports are written (lib/blob): files under DONUM_DATA_DIR (default) or an S3 bucket. */
    DONUM_BLOB_STORE: z.enum(["fs", "s3"], { message: 'one of "fs", "s3"' }).default("fs"),
    DONUM_S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "an S3 bucket name").optional(),
    /** An S3-compatible endpoint (a local test server); unset: AWS's regional endpoint. */
    DONUM_S3_ENDPOINT: z.url({ message: "an http(s) URL of an S3-compatible endpoint" }).optional(),
    /**
     * Production: an AWS Secrets Manager secret (ARN) whose JSON holds DONUM_SUBJECT_PEPPER,
     * DONUM_SESSION_SECRET, DONUM_OIDC_CLIENT_SECRET and DONUM_ORIGIN_SECRET; read once at start-up (lib/config/secrets.ts),
     * so that no secret is in the function's environment.
     */
    DONUM_SECRETS_ARN: z
      .string()
      .regex(/^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}$/, "a Secrets Manager secret ARN")
      .optional(),
    /**
     * Who runs audit exports: this process, right after the request (in-process, the default), or
     * only the scheduled log worker (worker: serverless, where a function is frozen after its response).
     */
    DONUM_EXPORT_RUNNER: z.enum(["in-process", "worker"], { message: 'one of "in-process", "worker"' }).default("in-process"),
    /** A Secrets-Manager-compatible endpoint (the test stand-in); unset: AWS's regional endpoint. */
    DONUM_SECRETS_ENDPOINT: z.url({ message: "an http(s) URL of a Secrets Manager-compatible endpoint" }).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.DONUM_STORE === "dynamodb") {
      if (!env.DONUM_DYNAMODB_TABLE) ctx.addIssue({ code: "custom", path: ["DONUM_DYNAMODB_TABLE"], message: "required when DONUM_STORE=dynamodb" });
      if (!env.AWS_REGION) ctx.addIssue({ code: "custom", path: ["AWS_REGION"], message: "required when DONUM_STORE=dynamodb" });
    }
    if (env.DONUM_SIGNER === "kms") {
      if (!env.DONUM_KMS_KEY_ID) ctx.addIssue({ code: "custom", path: ["DONUM_KMS_KEY_ID"], message: "required when DONUM_SIGNER=kms" });
      if (!env.AWS_REGION) ctx.addIssue({ code: "custom", path: ["AWS_REGION"], message: "required when DONUM_SIGNER=kms" });
    } else {
      for (const k of ["DONUM_KMS_KEY_ID", "DONUM_KMS_ENDPOINT"] as const) {
        if (env[k]) ctx.addIssue({ code: "custom", path: [k], message: "set DONUM_SIGNER=kms to sign with KMS, or remove this variable" });
      }
    }
    if (env.DONUM_BLOB_STORE === "s3") {
      if (!env.DONUM_S3_BUCKET) ctx.addIssue({ code: "custom", path: ["DONUM_S3_BUCKET"], message: "required when DONUM_BLOB_STORE=s3" });
      if (!env.AWS_REGION) ctx.addIssue({ code: "custom", path: ["AWS_REGION"], message: "required when DONUM_BLOB_STORE=s3" });
    } else {
      for (const k of ["DONUM_S3_BUCKET", "DONUM_S3_ENDPOINT"] as const) {
        if (env[k]) ctx.addIssue({ code: "custom", path: [k], message: "set DONUM_BLOB_STORE=s3 to write exports to S3, or remove this variable" });
      }
    }
    if (env.DONUM_SECRETS_ARN && !env.AWS_REGION) {
      ctx.addIssue({ code: "custom", path: ["AWS_REGION"], message: "required with DONUM_SECRETS_ARN" });
    }
    if (env.DONUM_SECRETS_ENDPOINT && !env.DONUM_SECRETS_ARN) {
      ctx.addIssue({ code: "custom", path: ["DONUM_SECRETS_ENDPOINT"], message: "only used with DONUM_SECRETS_ARN" });
    }
    if (env.DONUM_STORE === "sqlite" && env.DONUM_DYNAMODB_TABLE) {
      ctx.addIssue({ code: "custom", path: ["DONUM_DYNAMODB_TABLE"], message: "set DONUM_STORE=dynamodb to use DynamoDB, or remove this variable" });
    }
    // With DONUM_SECRETS_ARN the client secret comes from the secret, not the environment.
    const oidcVars = env.DONUM_SECRETS_ARN
      ? (["DONUM_OIDC_ISSUER", "DONUM_OIDC_CLIENT_ID"] as const)
      : (["DONUM_OIDC_ISSUER", "DONUM_OIDC_CLIENT_ID", "DONUM_OIDC_CLIENT_SECRET"] as const);
    const oidcSet = oidcVars.filter((k) => env[k]).length;
    if (oidcSet > 0 && oidcSet < oidcVars.length) {
      for (const k of oidcVars) {
        if (!env[k]) ctx.addIssue({ code: "custom", path: [k], message: "required with the other DONUM_OIDC_* settings" });
      }
    }
    if (env.DONUM_MODE === "production") {
      const need = ["DONUM_OIDC_ISSUER", "DONUM_OIDC_CLIENT_ID", "DONUM_PUBLIC_URL"] as const;
      for (const k of need) {
        if (!env[k]) ctx.addIssue({ code: "custom", path: [k], message: "required when DONUM_MODE=production" });
      }
      // The secrets come from the environment or, better, from the Secrets Manager secret.
      if (!env.DONUM_SECRETS_ARN) {
        for (const k of ["DONUM_OIDC_CLIENT_SECRET", "DONUM_SESSION_SECRET", "DONUM_SUBJECT_PEPPER"] as const) {
          if (!env[k]) ctx.addIssue({ code: "custom", path: [k], message: "required when DONUM_MODE=production (or set DONUM_SECRETS_ARN)" });
        }
      }
      if (env.DONUM_PUBLIC_URL && !env.DONUM_PUBLIC_URL.startsWith("https://")) {
        ctx.addIssue({ code: "custom", path: ["DONUM_PUBLIC_URL"], message: "must be https:// when DONUM_MODE=production" });
      }
      if (env.DONUM_OIDC_ISSUER && isLoopback(env.DONUM_OIDC_ISSUER)) {
        ctx.addIssue({
          code: "custom",
          path: ["DONUM_OIDC_ISSUER"],
          message: "a loopback issuer (the bundled development provider) is refused when DONUM_MODE=production",
        });
      }
    }
    if (env.DONUM_DYNAMODB_CREATE_TABLE && !env.DONUM_DYNAMODB_ENDPOINT) {
      ctx.addIssue({
        code: "custom",
        path: ["DONUM_DYNAMODB_CREATE_TABLE"],
        message: "only allowed with DONUM_DYNAMODB_ENDPOINT (a local emulator); in AWS the table is created by the infrastructure",
      });
    }
  });

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "localhost" || host === "[::1]" || host.startsWith("127.");
}

const subs = (v: string | undefined) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean);

export type AuthConfig = {
  /** The bundled development provider is used (embedded mode with no issuer configured). */
  devIdp: { port: number } | null;
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  idClaim: string;
  rolesClaim: string;
  regulatorSubs: string[];
  operatorSubs: string[];
  sessionSecret: string | null;
};

export type StoreConfig =
  | { kind: "sqlite"; file: string }
  | { kind: "dynamodb"; table: string; region: string; endpoint: string | null; createTable: boolean };

export type BlobConfig =
  | { kind: "fs"; /** Objects are files under this directory (DONUM_DATA_DIR). */ root: string }
  | { kind: "s3"; bucket: string; region: string; endpoint: string | null };

export type SignerConfig = { kind: "local" } | { kind: "kms"; keyId: string; region: string; endpoint: string | null };

export interface Config {
  env: "development" | "production" | "test";
  mode: "embedded" | "production";
  auth: AuthConfig;
  port: number;
  publicUrl: string;
  dataDir: string;
  store: StoreConfig;
  keys: { dir: string; pepperBase64: string | null };
  /** Who signs (ADR 0006); the local key lives in keys.dir. */
  signer: SignerConfig;
  logLevel: "debug" | "info" | "warn" | "error";
  /** Per-node rate limit of the node API, per process (the WAF rule is the global limit). */
  nodeRateLimit: { ratePerSecond: number; burst: number };
  /** Where audit-log exports are written, and who runs them. */
  blob: BlobConfig;
  exportRunner: "in-process" | "worker";
  /** Secrets read from AWS Secrets Manager at start-up (lib/config/secrets.ts); null: from the environment or local files. */
  secrets: { arn: string; region: string; endpoint: string | null } | null;
  /** The value the CDN sends in x-donum-origin-verify (lib/http/front-door.ts); null: no check. */
  originSecret: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; expected: string }[]) {
    super(
      `Donum cannot start: the configuration is not valid.\n${problems
        .map((p) => `  - ${p.variable}: ${p.expected}`)
        .join("\n")}\nSee README.md ("Configuration") for every setting.`,
    );
    this.name = "ConfigError";
  }
}

/** Parses an environment (pure: pass any record). Throws ConfigError naming each bad variable. */
export function parseConfig(raw: Record<string, string | undefined>): Config {
  // Empty strings are treated as unset, as a shell `FOO=` usually intends.
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => ({
        variable: String(i.path[0] ?? "environment"),
        expected: `${i.message}${describeGot(cleaned, i.path[0])}`,
      })),
    );
  }
  const env = result.data;
  // The data directory is chosen at run time; it is not part of the build output.
  const dataDir = resolve(/*turbopackIgnore: true*/ env.DONUM_DATA_DIR);
  const store: StoreConfig =
    env.DONUM_STORE === "dynamodb"
      ? {
          kind: "dynamodb",
          table: env.DONUM_DYNAMODB_TABLE!,
          region: env.AWS_REGION!,
          endpoint: env.DONUM_DYNAMODB_ENDPOINT ?? null,
          createTable: env.DONUM_DYNAMODB_CREATE_TABLE,
        }
      : { kind: "sqlite", file: resolve(/*turbopackIgnore: true*/ env.DONUM_SQLITE_FILE ?? `${dataDir}/donum.db`) };
  const devIdp = env.DONUM_OIDC_ISSUER ? null : { port: env.DONUM_DEV_IDP_PORT };
  const auth: AuthConfig = {
    devIdp,
    issuer: env.DONUM_OIDC_ISSUER ?? `http://127.0.0.1:${env.DONUM_DEV_IDP_PORT}`,
    clientId: env.DONUM_OIDC_CLIENT_ID ?? "donum-portal",
    // The development provider's client secret is generated with the other local keys.
    clientSecret: env.DONUM_OIDC_CLIENT_SECRET ?? null,
    idClaim: env.DONUM_OIDC_ID_CLAIM,
    rolesClaim: env.DONUM_OIDC_ROLES_CLAIM,
    regulatorSubs: subs(env.DONUM_REGULATOR_SUBS),
    operatorSubs: subs(env.DONUM_OPERATOR_SUBS),
    sessionSecret: env.DONUM_SESSION_SECRET ?? null,
  };
  return {
    env: env.NODE_ENV,
    mode: env.DONUM_MODE,
    auth,
    port: env.PORT,
    publicUrl: (env.DONUM_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    dataDir,
    store,
    keys: { dir: resolve(/*turbopackIgnore: true*/ dataDir, "keys"), pepperBase64: env.DONUM_SUBJECT_PEPPER ?? null },
    signer:
      env.DONUM_SIGNER === "kms"
        ? { kind: "kms", keyId: env.DONUM_KMS_KEY_ID!, region: env.AWS_REGION!, endpoint: env.DONUM_KMS_ENDPOINT ?? null }
        : { kind: "local" },
    logLevel: env.DONUM_LOG_LEVEL,
    nodeRateLimit: { ratePerSecond: env.DONUM_NODE_RATE_PER_SECOND, burst: env.DONUM_NODE_RATE_BURST },
    blob:
      env.DONUM_BLOB_STORE === "s3"
        ? { kind: "s3", bucket: env.DONUM_S3_BUCKET!, region: env.AWS_REGION!, endpoint: env.DONUM_S3_ENDPOINT ?? null }
        : { kind: "fs", root: resolve(/*turbopackIgnore: true*/ dataDir, "blobs") },
    exportRunner: env.DONUM_EXPORT_RUNNER,
    secrets: env.DONUM_SECRETS_ARN ? { arn: env.DONUM_SECRETS_ARN, region: env.AWS_REGION!, endpoint: env.DONUM_SECRETS_ENDPOINT ?? null } : null,
    originSecret: env.DONUM_ORIGIN_SECRET ?? null,
  };
}

/** Secrets are never echoed back, even when wrong. */
function describeGot(env: Record<string, string | undefined>, key: PropertyKey | undefined): string {
  if (typeof key !== "string" || env[key] === undefined) return "";
  if (/PEPPER|SECRET|KEY/.test(key)) return " (the value given is not shown)";
  return ` (got "${env[key]!.slice(0, 80)}")`;
}

let cached: Config | null = null;

/** The process's configuration, parsed on first use. */
export function getConfig(): Config {
  cached ??= parseConfig(readEnvironment());
  return cached;
}
