/**
 * `npm run donum -- <group> <command> …`: the operator command line. Each command group lives
 * in scripts/cli/<group>.ts; add it to GROUPS below. Parsing, help, exit codes and the
 * container's lifetime are in scripts/cli/framework.ts.
 */
import { CLIENT_SHORTHANDS, clientCommands } from "./cli/check";
import { processIO, runCli, type CommandGroup } from "./cli/framework";
import { formsCommands } from "./cli/forms";
import { keysCommands } from "./cli/keys";
import { nodesCommands } from "./cli/nodes";
import { AUDIT_SHORTHANDS, auditCommands } from "./cli/verify-export";

const GROUPS: readonly CommandGroup[] = [formsCommands, nodesCommands, keysCommands, clientCommands, auditCommands];

// The node's commands stand on their own too: `donum check …` is `donum client check …`.
const argv = process.argv.slice(2);
const args =
  argv[0] !== undefined && CLIENT_SHORTHANDS.includes(argv[0])
    ? [clientCommands.name, ...argv]
    : argv[0] !== undefined && AUDIT_SHORTHANDS.includes(argv[0])
      ? [auditCommands.name, ...argv]
      : argv;

// Output piped into a reader that stops early (`| head`): stop quietly, as Unix tools do.
// Every write to a store is a complete transaction by then, so nothing is left half done.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

runCli(GROUPS, args, { io: processIO() }).then(
  (code) => {
    // exitCode rather than exit(): output piped to a file is flushed before the process ends.
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`error INTERNAL: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
