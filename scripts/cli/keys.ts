/**
 * `donum keys …`: Donum's signing key (ADR 0006). Show the current, next and previous keys, print
 * the JWK Set the portal publishes, and rotate the local key in two phases — stage a next key
 * (published at once, not yet signing), then activate it once every cache of the JWK Set has
 * seen it. A running portal picks up each step by itself, without a restart.
 */
import { userInfo } from "node:os";
import { join, resolve } from "node:path";
import type { Actor } from "../../lib/audit/events";
import { JWKS_MAX_AGE_SECONDS } from "../../lib/crypto/jwks";
import { activateKmsSigningKey, activateSigningKey, cancelStagedSigningKey, stageKmsSigningKey, stageSigningKey } from "../../lib/crypto/key-rotation";
import { KEY_STATE_FILE } from "../../lib/crypto/keyring";
import { SIGNING_KEY_FILE } from "../../lib/crypto/local-keys";
import {
  ACTIVATION_DELAY_SECONDS,
  activationReadyAt,
  DEFAULT_PREVIOUS_KEY_RETENTION_DAYS,
  KEY_RELOAD_SECONDS,
  MIN_PREVIOUS_KEY_RETENTION_DAYS,
  SigningKeyError,
} from "../../lib/crypto/signing-keys";
import type { Container } from "../../lib/server/container";
import { CliError, UsageError, type CliContext, type CommandGroup, type CommandSpec, type Options } from "./framework";

/** The operator who runs the CLI, as the audit trail records them (as `forms publish` does). */
function operatorActor(): Actor {
  let name: string;
  try {
    name = userInfo().username || `uid-${process.getuid?.() ?? "unknown"}`;
  } catch {
    name = `uid-${process.getuid?.() ?? "unknown"}`;
  }
  return { kind: "operator", id: `cli:${name}`.slice(0, 200) };
}

/** Runs a key operation; its refusals become "error <CODE>: …" with exit code 1. */
async function keyOperation<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof SigningKeyError) throw new CliError(e.code, e.message);
    throw e;
  }
}

function requireLocalSigner(c: Container): void {
  if (c.config.signer.kind !== "local") {
    throw new CliError(
      "SIGNER_NOT_LOCAL",
      'DONUM_SIGNER=kms: the signing key lives in AWS KMS; rotate it with "keys kms-rotate" (a new KMS key, published before it signs; docs/deploy.md)',
    );
  }
}

const inSeconds = (target: Date, now: Date) => {
  const s = Math.ceil((target.getTime() - now.getTime()) / 1000);
  return s <= 0 ? "now" : s < 120 ? `in ${s} s` : `in ${Math.ceil(s / 60)} min`;
};

function status(c: Container, now: Date) {
  const signer = c.keyring.signer();
  const state = c.keyring.state();
  const published = c.keyring.jwks().keys.map((k) => k.kid);
  return {
    signer:
      c.config.signer.kind === "kms"
        ? { kind: "kms" as const, keyId: c.config.signer.keyId }
        : { kind: "local" as const, file: join(c.config.keys.dir, SIGNING_KEY_FILE) },
    current: { kid: signer.kid, alg: signer.alg },
    next: state.next
      ? {
          kid: state.next.jwk.kid,
          stagedAt: state.next.stagedAt,
          activatableAt: activationReadyAt(state.next).toISOString(),
          ready: now >= activationReadyAt(state.next),
          activationStartedAt: state.next.activationStartedAt ?? null,
        }
      : null,
    previous: state.previous.map((k) => ({
      kid: k.kid,
      retiredAt: k.retiredAt,
      publishUntil: k.publishUntil,
      published: published.includes(k.kid),
    })),
    published,
  };
}

const show: CommandSpec = {
  name: "show",
  summary: "Show the signing keys: the current kid, a staged next kid, the previous kids and what is published",
  args: [],
  options: [{ name: "json", type: "boolean", description: "Print JSON instead of text" }],
  examples: ["npm run -s donum -- keys show", "npm run -s donum -- keys show --json"],
  async run(ctx, _args, o) {
    const c = await ctx.container();
    const s = status(c, new Date());
    if (o.json) {
      ctx.io.out(JSON.stringify(s, null, 2));
      return;
    }
    const now = new Date();
    const lines = [
      `Signer:         ${s.signer.kind === "kms" ? `AWS KMS key ${s.signer.keyId}` : `local key file ${s.signer.file}`}`,
      `Current key:    ${s.current.kid}  (${s.current.alg}, signs now)`,
    ];
    if (!s.next) lines.push("Next key:       none staged");
    else if (s.next.activationStartedAt) {
      lines.push(`Next key:       ${s.next.kid}  activation begun at ${s.next.activationStartedAt} but not finished: run "keys rotate --activate"`);
    } else {
      lines.push(
        `Next key:       ${s.next.kid}  staged ${s.next.stagedAt}, published; ` +
          (s.next.ready ? "ready to activate" : `activate from ${s.next.activatableAt} (${inSeconds(new Date(s.next.activatableAt), now)})`),
      );
    }
    if (s.previous.length === 0) lines.push("Previous keys:  none");
    else {
      lines.push("Previous keys:");
      for (const k of s.previous) {
        lines.push(`  ${k.kid}  retired ${k.retiredAt}  ${k.published ? `published until ${k.publishUntil}` : `no longer published (since ${k.publishUntil})`}`);
      }
    }
    lines.push(
      "",
      `/.well-known/jwks.json publishes ${s.published.length} key(s); clients may cache it for ${JWKS_MAX_AGE_SECONDS} s, ` +
        `and a running portal re-reads the key files within ${KEY_RELOAD_SECONDS} s of a change.`,
    );
    ctx.io.out(lines.join("\n"));
  },
};

const jwks: CommandSpec = {
  name: "jwks",
  summary: "Print the JWK Set the portal publishes at /.well-known/jwks.json (keep it to verify offline)",
  args: [],
  options: [],
  examples: ["npm run -s donum -- keys jwks > donum-jwks.json"],
  async run(ctx) {
    const c = await ctx.container();
    ctx.io.raw(`${JSON.stringify(c.keyring.jwks(), null, 2)}\n`);
  },
};

function retentionDays(o: Options): number {
  if (o["keep-previous-days"] === undefined) return DEFAULT_PREVIOUS_KEY_RETENTION_DAYS;
  const v = String(o["keep-previous-days"]);
  if (!/^\d{1,5}$/.test(v)) throw new UsageError(`--keep-previous-days takes a whole number of days (got "${v}")`);
  return Number(v);
}

async function stage(ctx: CliContext, c: Container): Promise<void> {
  const r = await keyOperation(() => stageSigningKey(c.deps, operatorActor(), c.config.keys.dir));
  const now = new Date();
  ctx.io.out(
    [
      "Staged the next signing key. It is published in the JWK Set now; the current key goes on signing.",
      `next kid: ${r.kid}`,
      `Activate it from ${r.activatableAt} (${inSeconds(new Date(r.activatableAt), now)}), when every cache of the JWK Set has it:`,
      "  npm run -s donum -- keys rotate --activate",
    ].join("\n"),
  );
}

async function activate(ctx: CliContext, c: Container, o: Options): Promise<void> {
  const days = retentionDays(o);
  const before = c.keyring.state().next;
  const early = before !== null && !before.activationStartedAt && new Date() < activationReadyAt(before);
  const r = await keyOperation(() => activateSigningKey(c.deps, operatorActor(), c.config.keys.dir, { force: o.force === true, retentionDays: days }));
  const lines: string[] = [];
  if (early && o.force) {
    lines.push(
      `warning: activated less than ${ACTIVATION_DELAY_SECONDS} s after staging (--force): a node holding an older copy of the JWK Set meets an unknown kid until it fetches it again.`,
    );
  }
  lines.push(
    r.resumed ? "Finished the activation begun earlier (already recorded in the audit trail)." : "Activated the staged signing key; recorded in the audit trail (signing_key.rotated).",
    `new kid: ${r.newKeyId}`,
    `Retired ${r.retiredKeyId}: it signs no more and stays published until ${r.publishUntil}.`,
    `A running portal signs with the new key within ${KEY_RELOAD_SECONDS} s.`,
  );
  ctx.io.out(lines.join("\n"));
}

/** The options of an activation, local or KMS. */
const ACTIVATION_OPTIONS: CommandSpec["options"] = [
  { name: "force", type: "boolean", description: "Activate before every cache can have seen the next key" },
  {
    name: "keep-previous-days",
    type: "string",
    value: "<days>",
    description: `How long the retired key stays published (default ${DEFAULT_PREVIOUS_KEY_RETENTION_DAYS})`,
  },
];

const rotate: CommandSpec = {
  name: "rotate",
  summary: "Rotate the local signing key in two phases: --stage a next key, later --activate it",
  description: [
    "Nodes cache the JWK Set, so a new key is published before it signs:",
    `  --stage      generates the next key and publishes its public key; the current key goes on signing.`,
    `  --activate   no earlier than ${ACTIVATION_DELAY_SECONDS} s after staging (the portal's reload interval plus twice`,
    `               the JWK Set's max-age of ${JWKS_MAX_AGE_SECONDS} s: a shared cache, then the node's own), the next key`,
    "               signs; the old public key moves to the previous keys and its private key is deleted.",
    "               Writes the audit entry signing_key.rotated. --force skips the wait (e.g. a compromised key).",
    "  --cancel     withdraws a staged key that has not been activated.",
    "Without one of them, rotate takes the next step: --stage when nothing is staged, else --activate.",
    `A retired key stays published for --keep-previous-days (default ${DEFAULT_PREVIOUS_KEY_RETENTION_DAYS}, at least ${MIN_PREVIOUS_KEY_RETENTION_DAYS}),`,
    "so that receipts and decisions it signed still verify. A running portal picks up every step without a restart.",
    `The public state is in <DONUM_DATA_DIR>/keys/${KEY_STATE_FILE}.`,
  ],
  args: [],
  options: [
    { name: "stage", type: "boolean", description: "Generate and publish the next key (phase 1)" },
    { name: "activate", type: "boolean", description: "Switch to the staged key (phase 2)" },
    { name: "cancel", type: "boolean", description: "Withdraw the staged key" },
    ...ACTIVATION_OPTIONS,
  ],
  examples: [
    "npm run -s donum -- keys rotate --stage",
    "npm run -s donum -- keys rotate --activate",
    "npm run -s donum -- keys rotate --activate --force --keep-previous-days 3650",
  ],
  async run(ctx, _args, o) {
    const steps = (["stage", "activate", "cancel"] as const).filter((k) => o[k] === true);
    if (steps.length > 1) throw new UsageError(`choose one of --stage, --activate, --cancel (got ${steps.map((s) => `--${s}`).join(" and ")})`);
    if ((o.force || o["keep-previous-days"] !== undefined) && (steps[0] === "stage" || steps[0] === "cancel")) {
      throw new UsageError("--force and --keep-previous-days apply to activation only");
    }
    if (o["keep-previous-days"] !== undefined) retentionDays(o); // a usage error before anything opens
    const c = await ctx.container();
    requireLocalSigner(c);
    const step = steps[0] ?? (c.keyring.state().next ? "activate" : "stage");
    if (step === "stage") return stage(ctx, c);
    if (step === "activate") return activate(ctx, c, o);
    const r = await keyOperation(() => cancelStagedSigningKey(operatorActor(), c.config.keys.dir));
    ctx.io.out(`Withdrew the staged key ${r.kid}; it never signed. The current key goes on signing.`);
  },
};

function stateFileOption(o: Options): string {
  if (typeof o.state !== "string" || o.state === "") throw new UsageError("--state <file> is required: the signing-key state you deploy (signingKeyStateFile)");
  return resolve(o.state);
}

const kmsRotate: CommandSpec = {
  name: "kms-rotate",
  summary: "Rotate an AWS KMS signing key in two phases: --stage the new generation's key, later --activate it",
  description: [
    "With DONUM_SIGNER=kms the private keys never leave KMS: the stack holds one KMS key per generation",
    "(signingKeys, activeSigningKey; docs/deploy.md). This command keeps the public key state you deploy",
    "as signingKeyStateFile, and records the rotation in the audit trail. Run it with the production",
    "configuration of the key that signs now (DONUM_KMS_KEY_ID) and credentials for kms:GetPublicKey.",
    "  --stage --key <id>  reads the new KMS key's public key and stages it in --state; deploy the file so",
    "                      that the JWK Set publishes it while the current key goes on signing.",
    `  --activate          no earlier than ${ACTIVATION_DELAY_SECONDS} s after staging (--force skips the wait), writes the`,
    "                      audit entry signing_key.rotated, then moves the current key to the previous keys in",
    "                      --state. Deploy at once with the new key active and this file; then disable the old",
    "                      key in KMS (never delete it: what it signed must stay verifiable).",
  ],
  args: [],
  options: [
    { name: "stage", type: "boolean", description: "Stage the new KMS key (phase 1)" },
    { name: "activate", type: "boolean", description: "Record the switch and retire the current key (phase 2)" },
    { name: "key", type: "string", value: "<kms-key>", description: "The new generation's KMS key: id, ARN or alias (with --stage)" },
    { name: "state", type: "string", value: "<file>", description: "The signing-key state file you deploy (created if missing)" },
    ...ACTIVATION_OPTIONS,
  ],
  examples: [
    "npm run -s donum -- keys kms-rotate --stage --key alias/donum/signing-2 --state infra/signing-keys.json",
    "npm run -s donum -- keys kms-rotate --activate --state infra/signing-keys.json",
  ],
  async run(ctx, _args, o) {
    const steps = (["stage", "activate"] as const).filter((k) => o[k] === true);
    if (steps.length !== 1) throw new UsageError("choose one of --stage, --activate");
    const stateFile = stateFileOption(o);
    if (steps[0] === "stage" && (typeof o.key !== "string" || o.key === "")) throw new UsageError("--stage needs --key <the new KMS key>");
    if (steps[0] === "activate" && o.key !== undefined) throw new UsageError("--key applies to --stage only: activation retires the key that signs now");
    if (steps[0] === "stage" && (o.force || o["keep-previous-days"] !== undefined)) throw new UsageError("--force and --keep-previous-days apply to activation only");
    const days = retentionDays(o);
    const c = await ctx.container();
    if (c.config.signer.kind !== "kms") {
      throw new CliError("SIGNER_NOT_KMS", 'DONUM_SIGNER is not kms: the local key file is rotated with "keys rotate"');
    }
    const current = c.keyring.signer();
    if (steps[0] === "stage") {
      const { createKmsClient, createKmsSigner } = await import("../../lib/crypto/kms-signer");
      const next = await createKmsSigner({ client: createKmsClient(c.config.signer), keyId: String(o.key) });
      const r = await keyOperation(() => stageKmsSigningKey(c.deps, operatorActor(), stateFile, { current: current.publicJwk, next: next.publicJwk }));
      ctx.io.out(
        [
          `Staged KMS key ${next.keyArn} (kid ${r.kid}) in ${stateFile}.`,
          "Deploy the state file now, so that the JWK Set publishes the key while the current one goes on signing:",
          `  npm run deploy -- -c signingKeyStateFile=${stateFile}   (with your other settings)`,
          `Then, from ${r.activatableAt} (${inSeconds(new Date(r.activatableAt), new Date())}):`,
          `  npm run -s donum -- keys kms-rotate --activate --state ${stateFile}`,
        ].join("\n"),
      );
      return;
    }
    const r = await keyOperation(() => activateKmsSigningKey(c.deps, operatorActor(), stateFile, current.publicJwk, { force: o.force === true, retentionDays: days }));
    ctx.io.out(
      [
        "Recorded the rotation in the audit trail (signing_key.rotated).",
        `new kid: ${r.newKeyId}; retired ${r.retiredKeyId}, published until ${r.publishUntil}.`,
        "Deploy now with the new key active and this state file:",
        `  npm run deploy -- -c activeSigningKey=<the new generation> -c signingKeyStateFile=${stateFile}`,
        `Once the deployment has finished, disable the old key (never delete it): aws kms disable-key --key-id ${c.config.signer.keyId}`,
      ].join("\n"),
    );
  },
};

export const keysCommands: CommandGroup = {
  name: "keys",
  summary: "Donum's signing key: show, jwks, rotate (two-phase: stage, then activate; kms-rotate with AWS KMS)",
  commands: [show, jwks, rotate, kmsRotate],
};
