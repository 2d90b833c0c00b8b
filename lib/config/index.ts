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

const Base64Secret = z
  .string()
  .refine((v) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(v) && Buffer.from(v, "base64").length >= 32, {
    message: "base64 of at least 32 random bytes",
  });

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
    DONUM_SUBJECT_PEPPER: Base64Secret.optional(),
    DONUM_LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.DONUM_STORE === "dynamodb") {
      if (!env.DONUM_DYNAMODB_TABLE) ctx.addIssue({ code: "custom", path: ["DONUM_DYNAMODB_TABLE"], message: "required when DONUM_STORE=dynamodb" });
      if (!env.AWS_REGION) ctx.addIssue({ code: "custom", path: ["AWS_REGION"], message: "required when DONUM_STORE=dynamodb" });
    }
    if (env.DONUM_STORE === "sqlite" && env.DONUM_DYNAMODB_TABLE) {
      ctx.addIssue({ code: "custom", path: ["DONUM_DYNAMODB_TABLE"], message: "set DONUM_STORE=dynamodb to use DynamoDB, or remove this variable" });
    }
    if (env.DONUM_DYNAMODB_CREATE_TABLE && !env.DONUM_DYNAMODB_ENDPOINT) {
      ctx.addIssue({
        code: "custom",
        path: ["DONUM_DYNAMODB_CREATE_TABLE"],
        message: "only allowed with DONUM_DYNAMODB_ENDPOINT (a local emulator); in AWS the table is created by the infrastructure",
      });
    }
  });

export type StoreConfig =
  | { kind: "sqlite"; file: string }
  | { kind: "dynamodb"; table: string; region: string; endpoint: string | null; createTable: boolean };

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  publicUrl: string;
  dataDir: string;
  store: StoreConfig;
  keys: { dir: string; pepperBase64: string | null };
  logLevel: "debug" | "info" | "warn" | "error";
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
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    publicUrl: (env.DONUM_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    dataDir,
    store,
    keys: { dir: resolve(/*turbopackIgnore: true*/ dataDir, "keys"), pepperBase64: env.DONUM_SUBJECT_PEPPER ?? null },
    logLevel: env.DONUM_LOG_LEVEL,
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
