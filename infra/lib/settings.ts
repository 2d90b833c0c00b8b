/**
 * Deployment settings from CDK context (`-c key=value` or infra/cdk.json "context"), checked
 * before anything is synthesised: a missing or malformed value stops with a message naming it.
 */
import { existsSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import type { StackProps } from "aws-cdk-lib";
import type { DonumStackProps, LogWorkerCode, PrebuiltCode } from "./donum-stack";

/** What the stacks need (DonumStackProps without what the app wires itself), plus where and how to deploy them. */
export type Settings = Omit<DonumStackProps, keyof StackProps | "webAclArn"> & {
  stackName: string;
  account: string;
  region: string;
  /** The WAF's per-IP rate limit on /api/ (DonumEdgeStack). */
  apiRateLimitPer5Minutes: number;
};
/** 6 years: a common retention for records of processing; set `exportRetentionDays` to your policy. */
export const DEFAULT_EXPORT_RETENTION_DAYS = 6 * 365;

export function settingsFromContext(
  get: (key: string) => unknown,
  root: string,
  env: Record<string, string | undefined> = {},
): Settings {
  const problems: string[] = [];
  const str = (key: string, required: boolean, pattern?: RegExp, hint = ""): string | undefined => {
    const v = get(key);
    if (v === undefined || v === null || v === "") {
      if (required) problems.push(`${key}: required${hint ? ` (${hint})` : ""}`);
      return undefined;
    }
    if (typeof v !== "string" || (pattern && !pattern.test(v))) {
      problems.push(`${key}: ${hint || "invalid"} (got ${JSON.stringify(v)})`);
      return undefined;
    }
    return v;
  };
  const int = (key: string, fallback: number, min: number, max: number): number => {
    const v = get(key);
    if (v === undefined || v === null || v === "") return fallback;
    const n = typeof v === "number" ? v : Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${key}: an integer from ${min} to ${max} (got ${JSON.stringify(v)})`);
      return fallback;
    }
    return n;
  };
  const path = (p: string) => (isAbsolute(p) ? p : resolve(root, p));

  const account = str("account", false, /^\d{12}$/, "a 12-digit AWS account id") ?? env.CDK_DEFAULT_ACCOUNT;
  const region = str("region", false, /^[a-z]{2}(-[a-z]+)+-\d$/, "an AWS region") ?? "eu-central-1"; // explicit: not the CLI's default region
  if (!account) problems.push("account: required (or run with AWS credentials so that CDK_DEFAULT_ACCOUNT is set)");
  const domainName = str("domainName", true, /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/, "the portal's host name, e.g. donum.example.eu");
  const certificateArn = str("certificateArn", true, /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/, "an ACM certificate ARN in us-east-1 for domainName");
  const oidcIssuer = str("oidcIssuer", true, /^https:\/\/[^\s]+$/, "the https issuer URL of the eID OpenID provider");
  const oidcClientId = str("oidcClientId", true, /^\S{1,200}$/, "the client id registered with the eID provider");
  const alarmEmail = str("alarmEmail", false, /^[^@\s]+@[^@\s]+\.[^@\s]+$/, "an e-mail address");
  const signingKeysRaw = str("signingKeys", false, /^[A-Za-z0-9-]{1,40}(,[A-Za-z0-9-]{1,40})*$/, "comma-separated key names, e.g. 2026a,2027a") ?? "1";
  const signingKeys = signingKeysRaw.split(",");
  const activeSigningKey = str("activeSigningKey", false) ?? signingKeys[signingKeys.length - 1]!;
  if (!signingKeys.includes(activeSigningKey)) problems.push(`activeSigningKey: one of ${signingKeys.join(", ")} (got "${activeSigningKey}")`);
  const signingKeyStateFile = str("signingKeyStateFile", false);
  if (signingKeyStateFile && !existsSync(path(signingKeyStateFile))) problems.push(`signingKeyStateFile: ${path(signingKeyStateFile)} does not exist`);
  const existingTableName = str("existingTableName", false, /^[A-Za-z0-9_.-]{3,255}$/, "a DynamoDB table name");

  const openNext = path(str("openNextDir", false) ?? ".open-next");
  const serverCodePath = join(openNext, "server-functions", "default");
  const assetsPath = join(openNext, "assets");
  for (const [key, p] of [["server function", join(serverCodePath, "index.mjs")], ["static assets", assetsPath]] as const) {
    if (!existsSync(p)) problems.push(`openNextDir: no ${key} at ${p}: run the OpenNext build first (npm run deploy does)`);
  }
  const workerDir = str("logWorkerDir", false);
  const logWorkerCode: LogWorkerCode | PrebuiltCode = workerDir ? { kind: "directory", path: path(workerDir) } : { kind: "bundle", projectRoot: root };

  if (problems.length > 0) {
    throw new Error(`Donum deployment settings are not valid (CDK context, -c key=value; docs/deploy.md):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
  return {
    stackName: str("stackName", false, /^[A-Za-z][A-Za-z0-9-]{0,100}$/, "a stack name") ?? "donum",
    account: account!,
    region,
    domainName: domainName!,
    certificateArn: certificateArn!,
    oidcIssuer: oidcIssuer!,
    oidcClientId: oidcClientId!,
    ...(alarmEmail ? { alarmEmail } : {}),
    exportRetentionDays: int("exportRetentionDays", DEFAULT_EXPORT_RETENTION_DAYS, 1, 36500),
    apiRateLimitPer5Minutes: int("apiRateLimitPer5Minutes", 30000, 10, 2_000_000_000),
    serverCodePath,
    assetsPath,
    logWorkerCode,
    signingKeys,
    activeSigningKey,
    ...(signingKeyStateFile ? { signingKeyStateFile: path(signingKeyStateFile) } : {}),
    ...(existingTableName ? { existingTableName } : {}),
  };
}
