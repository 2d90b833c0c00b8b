/**
 * The small framework of the operator CLI (`npm run donum -- <group> <command> …`): command
 * groups declare their commands, arguments and options; this file parses the command line,
 * prints help in one format, opens the container only for commands that need it, closes the
 * stores at the end and maps every error to an exit code:
 *
 *   0  ok
 *   1  domain error: one line "error <CODE>: <message>" on stderr
 *   2  usage error (unknown command or option, missing argument, no terminal to confirm on)
 *      or configuration error (the ConfigError message)
 *
 * To add a command group, write scripts/cli/<group>.ts exporting a CommandGroup and list it in
 * scripts/donum.ts.
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { ConfigError, getConfig } from "../../lib/config";
import { AppError } from "../../lib/errors";
import { createLogger } from "../../lib/log";
import { createContainer, type Container } from "../../lib/server/container";

export const PROGRAM = "donum";
export const EXIT = { ok: 0, domain: 1, usage: 2 } as const;

export interface OptionSpec {
  name: string;
  type: "string" | "boolean";
  short?: string;
  /** Placeholder shown in help for a string option, e.g. "<formId>". */
  value?: string;
  description: string;
}

export interface ArgumentSpec {
  name: string;
  description: string;
}

export type Options = Record<string, string | boolean | undefined>;

export interface CommandSpec {
  name: string;
  summary: string;
  /** Longer explanation shown in the command's help (lines). */
  description?: string[];
  args: ArgumentSpec[];
  options: OptionSpec[];
  examples?: string[];
  run(ctx: CliContext, args: string[], options: Options): Promise<void>;
}

export interface CommandGroup {
  name: string;
  summary: string;
  commands: CommandSpec[];
}

export interface CliIO {
  /** Writes one line (or several) to standard output. */
  out(text: string): void;
  /** Writes to standard error. */
  err(text: string): void;
  /** Writes raw text to standard output (no newline added). */
  raw(text: string): void;
  /** True when a person can answer a question on standard input. */
  interactive: boolean;
  ask(question: string): Promise<string>;
}

export interface CliContext {
  io: CliIO;
  /** The same container as the portal's, opened on first use and closed when the command ends. */
  container(): Promise<Container>;
}

/** Wrong command line: exit 2 with a hint to --help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A domain failure found by the CLI itself (no AppError code fits): exit 1 with this code. */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** The process's real input and output. Human output goes to stdout; logs, prompts and errors to stderr. */
export function processIO(): CliIO {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    raw: (text) => process.stdout.write(text),
    interactive: Boolean(process.stdin.isTTY),
    async ask(question) {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Help

const HELP_OPTION: OptionSpec = { name: "help", short: "h", type: "boolean", description: "Show this help" };

function optionLabel(o: OptionSpec): string {
  const flag = `${o.short ? `-${o.short}, ` : "    "}--${o.name}`;
  return o.type === "string" ? `${flag} ${o.value ?? "<value>"}` : flag;
}

function columns(rows: [string, string][], indent = "  "): string[] {
  const w = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `${indent}${a.padEnd(w)}   ${b}`);
}

const EXIT_CODES_HELP = "Exit codes: 0 ok; 1 domain error (one line with the error code, on stderr); 2 usage or configuration error.";

export function programHelp(groups: readonly CommandGroup[]): string {
  return [
    `${PROGRAM} — the Donum operator command line`,
    "",
    `Usage: npm run -s ${PROGRAM} -- <group> <command> [arguments] [options]`,
    "",
    "Command groups:",
    ...columns(groups.map((g) => [g.name, g.summary])),
    "",
    `Run "npm run -s ${PROGRAM} -- <group> --help" for the commands of a group.`,
    "The CLI uses the portal's configuration (DONUM_* variables; embedded default: ./data).",
    EXIT_CODES_HELP,
  ].join("\n");
}

export function groupHelp(group: CommandGroup): string {
  return [
    `Usage: ${PROGRAM} ${group.name} <command> [arguments] [options]`,
    "",
    group.summary,
    "",
    "Commands:",
    ...columns(group.commands.map((c) => [c.name, c.summary])),
    "",
    `Run "${PROGRAM} ${group.name} <command> --help" for the arguments and options of a command.`,
    EXIT_CODES_HELP,
  ].join("\n");
}

export function commandHelp(group: CommandGroup, cmd: CommandSpec): string {
  const usage = [PROGRAM, group.name, cmd.name, ...cmd.args.map((a) => `<${a.name}>`), cmd.options.length ? "[options]" : ""]
    .filter(Boolean)
    .join(" ");
  const lines = [`Usage: ${usage}`, "", cmd.summary];
  if (cmd.description?.length) lines.push("", ...cmd.description);
  if (cmd.args.length) lines.push("", "Arguments:", ...columns(cmd.args.map((a) => [`<${a.name}>`, a.description])));
  lines.push("", "Options:", ...columns([...cmd.options, HELP_OPTION].map((o) => [optionLabel(o), o.description])));
  if (cmd.examples?.length) lines.push("", "Examples:", ...cmd.examples.map((e) => `  ${e}`));
  lines.push("", EXIT_CODES_HELP);
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Running

function parseCommandLine(cmd: CommandSpec, argv: string[]): { args: string[]; options: Options; help: boolean } {
  const spec = Object.fromEntries(
    [...cmd.options, HELP_OPTION].map((o) => [o.name, { type: o.type, ...(o.short ? { short: o.short } : {}) }]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // node:util names the option, then explains "--" at length; the name is what helps here.
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    throw new UsageError(unknown ? `unknown option ${unknown[1]}` : message.split("\n")[0]!);
  }
  const options = parsed.values as Options;
  const help = options.help === true;
  if (!help) {
    const args = parsed.positionals;
    if (args.length < cmd.args.length) {
      const missing = cmd.args.slice(args.length).map((a) => `<${a.name}>`);
      throw new UsageError(`missing ${missing.join(" ")}`);
    }
    if (args.length > cmd.args.length) throw new UsageError(`unexpected argument "${args[cmd.args.length]}"`);
  }
  return { args: parsed.positionals, options, help };
}

/** One line: the code, the message and, for invalid input, each field. */
export function describeAppError(e: AppError): string {
  const issues = e.issues.slice(0, 6).map((i) => `${i.path || "(root)"}: ${i.message}`);
  if (e.issues.length > 6) issues.push(`and ${e.issues.length - 6} more`);
  return `error ${e.code}: ${e.message}${issues.length ? ` — ${issues.join("; ")}` : ""}`;
}

export interface RunOptions {
  io: CliIO;
  /** How to build the container; defaults to the portal's configuration (getConfig) and createContainer. */
  openContainer?: () => Promise<Container>;
}

async function defaultOpenContainer(): Promise<Container> {
  const config = getConfig();
  // Logs (e.g. "generated a new signing key" on first start) go to stderr: stdout carries the
  // command's output, which may be redirected to a file (forms export > draft.json).
  const log = createLogger(config.logLevel, (line) => process.stderr.write(`${line}\n`));
  return createContainer(config, log);
}

/** Runs the CLI on `argv` (without node and the script) and returns the exit code. */
export async function runCli(groups: readonly CommandGroup[], argv: readonly string[], opts: RunOptions): Promise<number> {
  const { io } = opts;
  const [groupName, commandName, ...rest] = argv;

  if (groupName === undefined || groupName === "help") {
    const named = groups.find((g) => g.name === commandName);
    const help = named ? groupHelp(named) : programHelp(groups);
    if (groupName === undefined) {
      io.err(help);
      return EXIT.usage;
    }
    io.out(help);
    return EXIT.ok;
  }
  if (groupName === "--help" || groupName === "-h") {
    io.out(programHelp(groups));
    return EXIT.ok;
  }
  const group = groups.find((g) => g.name === groupName);
  if (!group) {
    io.err(`usage error: unknown command group "${groupName}" (one of: ${groups.map((g) => g.name).join(", ")})`);
    io.err(`Run "${PROGRAM} --help" for usage.`);
    return EXIT.usage;
  }
  if (commandName === undefined || commandName === "--help" || commandName === "-h" || commandName === "help") {
    if (commandName === undefined) {
      io.err(groupHelp(group));
      return EXIT.usage;
    }
    io.out(groupHelp(group));
    return EXIT.ok;
  }
  const cmd = group.commands.find((c) => c.name === commandName);
  if (!cmd) {
    io.err(`usage error: unknown command "${group.name} ${commandName}" (one of: ${group.commands.map((c) => c.name).join(", ")})`);
    io.err(`Run "${PROGRAM} ${group.name} --help" for usage.`);
    return EXIT.usage;
  }

  const opened: { container: Promise<Container> | null } = { container: null };
  const ctx: CliContext = {
    io,
    container: () => (opened.container ??= (opts.openContainer ?? defaultOpenContainer)()),
  };
  try {
    const { args, options, help } = parseCommandLine(cmd, rest);
    if (help) {
      io.out(commandHelp(group, cmd));
      return EXIT.ok;
    }
    await cmd.run(ctx, args, options);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`usage error: ${e.message}`);
      io.err(`Run "${PROGRAM} ${group.name} ${cmd.name} --help" for usage.`);
      return EXIT.usage;
    }
    if (e instanceof ConfigError) {
      io.err(e.message);
      return EXIT.usage;
    }
    if (e instanceof AppError) {
      io.err(describeAppError(e));
      return EXIT.domain;
    }
    if (e instanceof CliError) {
      io.err(`error ${e.code}: ${e.message}`);
      return EXIT.domain;
    }
    // Unexpected: the message only (no stack, no data), under the INTERNAL code.
    io.err(`error INTERNAL: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.domain;
  } finally {
    if (opened.container) {
      try {
        await (await opened.container).stores.close();
      } catch {
        // The container never opened (its error was reported above) or is already closed.
      }
    }
  }
}
