/**
 * The one place that reads process.env. Everything else receives a validated Config.
 */
export function readEnvironment(): Record<string, string | undefined> {
  return process.env;
}
