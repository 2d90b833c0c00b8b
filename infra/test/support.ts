/**
 * Test support: a deployment synthesised from fixture directories laid out like the OpenNext
 * output (ADR 0009), in a temporary directory, with fixed settings. No AWS account is used.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { createDonumApp } from "../lib/app";
import { settingsFromContext } from "../lib/settings";

export const ROOT = resolve(__dirname, "../..");
export const ACCOUNT = "123456789012";
export const CERTIFICATE = `arn:aws:acm:us-east-1:${ACCOUNT}:certificate/11111111-2222-3333-4444-555555555555`;

/** A directory shaped like .open-next/: server-functions/default/index.mjs and assets/. */
export function openNextFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), "donum-open-next-"));
  mkdirSync(join(dir, "server-functions", "default"), { recursive: true });
  writeFileSync(join(dir, "server-functions", "default", "index.mjs"), "export const handler = async () => ({ statusCode: 200 });\n");
  mkdirSync(join(dir, "assets", "_next", "static", "chunks"), { recursive: true });
  writeFileSync(join(dir, "assets", "_next", "static", "chunks", "app.js"), "console.log(1);\n");
  writeFileSync(join(dir, "assets", "BUILD_ID"), "fixture\n");
  writeFileSync(join(dir, "assets", "favicon.ico"), "icon");
  mkdirSync(join(dir, "assets", "fonts"));
  writeFileSync(join(dir, "assets", "fonts", "a.woff2"), "font");
  return dir;
}

export const BASE_CONTEXT: Record<string, string> = {
  account: ACCOUNT,
  region: "eu-central-1",
  domainName: "donum.example.eu",
  certificateArn: CERTIFICATE,
  oidcIssuer: "https://eid.example.eu/realms/citizens",
  oidcClientId: "donum-portal",
  alarmEmail: "ops@example.eu",
  exportRetentionDays: "2555",
};

export interface Synth {
  app: App;
  main: Template;
  edge: Template;
  outdir: string;
}

export function synth(context: Record<string, string>): Synth {
  const outdir = mkdtempSync(join(tmpdir(), "donum-cdk-out-"));
  const app = new App({ outdir });
  const { main, edge } = createDonumApp(app, settingsFromContext((k) => context[k], ROOT));
  const t = { app, main: Template.fromStack(main), edge: Template.fromStack(edge), outdir };
  return t;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- CloudFormation properties

/** Every resource of a type, as [logicalId, properties]. */
export function resourcesOf(t: Template, type: string): [string, Json][] {
  return Object.entries(t.findResources(type)).map(([id, r]) => [id, (r as { Properties?: Json }).Properties ?? {}]);
}

/** The one resource of a type whose properties satisfy `pick`. */
export function only(t: Template, type: string, pick: (props: Json) => boolean = () => true): [string, Json] {
  const found = resourcesOf(t, type).filter(([, p]) => pick(p));
  if (found.length !== 1) throw new Error(`expected exactly one ${type}, found ${found.length}`);
  return found[0]!;
}

export interface Statement {
  Effect: "Allow" | "Deny";
  Action: string | string[];
  Resource?: unknown;
  Principal?: unknown;
  Condition?: unknown;
  Sid?: string;
}

export const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Every identity-policy statement: AWS::IAM::Policy, ManagedPolicy and the inline policies of roles. */
export function identityStatements(t: Template): { where: string; statement: Statement }[] {
  const out: { where: string; statement: Statement }[] = [];
  for (const [id, p] of [...resourcesOf(t, "AWS::IAM::Policy"), ...resourcesOf(t, "AWS::IAM::ManagedPolicy")]) {
    for (const s of list((p.PolicyDocument as { Statement: Statement[] }).Statement)) out.push({ where: id, statement: s });
  }
  for (const [id, p] of resourcesOf(t, "AWS::IAM::Role")) {
    for (const pol of list(p.Policies as { PolicyDocument: { Statement: Statement[] } }[])) {
      for (const s of list(pol.PolicyDocument.Statement)) out.push({ where: `${id} (inline)`, statement: s });
    }
  }
  return out;
}

/** The statements of the default policy attached to a function's role. */
export function functionStatements(t: Template, functionId: string): Statement[] {
  const fn = t.findResources("AWS::Lambda::Function")[functionId] as { Properties: { Role: { "Fn::GetAtt": [string, string] } } };
  const roleId = fn.Properties.Role["Fn::GetAtt"][0];
  return resourcesOf(t, "AWS::IAM::Policy")
    .filter(([, p]) => list(p.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap(([, p]) => list((p.PolicyDocument as { Statement: Statement[] }).Statement));
}

/** The logical id a Ref / Fn::GetAtt points at. */
export function refId(v: unknown): string | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const o = v as Json;
  if (typeof o.Ref === "string") return o.Ref;
  const ga = o["Fn::GetAtt"];
  if (Array.isArray(ga) && typeof ga[0] === "string") return ga[0];
  const join = o["Fn::Join"];
  if (Array.isArray(join) && Array.isArray(join[1])) for (const part of join[1]) if (refId(part)) return refId(part);
  return undefined;
}
