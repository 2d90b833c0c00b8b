/**
 * Runs once when the server starts: builds the container (configuration, keys, store) so that
 * a broken setting fails at start-up rather than on the first request.
 */
export async function register(): Promise<void> {
  const { readEnvironment } = await import("./lib/config/env");
  if (readEnvironment().NEXT_RUNTIME !== "nodejs") return;
  const { getContainer } = await import("./lib/server/container");
  await getContainer();
}
