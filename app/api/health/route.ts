import { checkHealth } from "../../../lib/health";
import { withFrontDoor } from "../../../lib/http/public-route";

export const GET = withFrontDoor(async (_request, container) => {
  const health = await checkHealth(container);
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
});
