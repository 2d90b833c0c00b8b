/**
 * Runs once when the server starts: builds the container (configuration, keys, store) so that
 * a broken setting fails at start-up rather than on the first request.
 *
 * NEXT_RUNTIME is not configuration: Next replaces it at build time, which is what keeps the
 * Node-only container out of the edge bundle. It is the one process.env read outside lib/config.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getContainer } = await import("./lib/server/container");
    await getContainer();
  }
}
