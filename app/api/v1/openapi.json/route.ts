/**
 * GET /api/v1/openapi.json: the OpenAPI 3.1 document of Donum's API (lib/openapi/document.ts),
 * generated from the zod schemas the routes validate with, for Donum's public URL. Public, and
 * cacheable for 5 minutes. The readable version is /docs/api.
 */
import { connection } from "next/server";
import { getConfig } from "../../../../lib/config";
import { problemResponse } from "../../../../lib/http/problem";
import { createLogger } from "../../../../lib/log";
import { openApiDocument } from "../../../../lib/openapi/document";

export async function GET(request: Request): Promise<Response> {
  await connection(); // the server URL is the running portal's, not the build machine's
  try {
    return new Response(JSON.stringify(openApiDocument(getConfig().publicUrl)), {
      status: 200,
      headers: { "content-type": "application/json", "cache-control": "public, max-age=300" },
    });
  } catch (error) {
    return problemResponse(error, createLogger("error"), new URL(request.url).pathname);
  }
}
