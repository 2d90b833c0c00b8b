/** Donum's public signing keys (RFC 7517 JWK Set): verify receipts and decisions offline with them. */
import { connection } from "next/server";
import { JWKS_CONTENT_TYPE, publishedJwks } from "../../../lib/crypto/jwks";
import { problemResponse } from "../../../lib/http/problem";
import { createLogger } from "../../../lib/log";
import { getContainer } from "../../../lib/server/container";

export async function GET(request: Request): Promise<Response> {
  await connection();
  try {
    const { signer } = await getContainer();
    return new Response(JSON.stringify(publishedJwks(signer)), {
      status: 200,
      headers: { "content-type": JWKS_CONTENT_TYPE, "cache-control": "public, max-age=300" },
    });
  } catch (error) {
    return problemResponse(error, createLogger("error"), new URL(request.url).pathname);
  }
}
