/**
 * GET /api/v1/openapi.json: the OpenAPI 3.1 document of Donum's API (lib/openapi/document.ts),
 * generated from the zod schemas the routes validate with, for Donum's public URL (the running
 * portal's, not the build machine's). Public, and cacheable for 5 minutes. The readable version
 * is /docs/api.
 */
import { withFrontDoor } from "../../../../lib/http/public-route";
import { openApiDocument } from "../../../../lib/openapi/document";

export const GET = withFrontDoor(
  async (_request, container) =>
    new Response(JSON.stringify(openApiDocument(container.config.publicUrl)), {
      status: 200,
      headers: { "content-type": "application/json", "cache-control": "public, max-age=300" },
    }),
);
