/**
 * Donum's public signing keys (RFC 7517 JWK Set): verify receipts and decisions offline with them.
 * The set holds the current key, the staged next key during a rotation, and the previous keys
 * still within their publication period (ADR 0006); it follows a rotation without a restart.
 */
import { JWKS_CONTENT_TYPE, JWKS_MAX_AGE_SECONDS } from "../../../lib/crypto/jwks";
import { withFrontDoor } from "../../../lib/http/public-route";

export const GET = withFrontDoor(
  async (_request, { keyring }) =>
    new Response(JSON.stringify(keyring.jwks()), {
      status: 200,
      // Key rotation waits for this to expire (twice: a shared cache, then the node's) before a new key signs.
      headers: { "content-type": JWKS_CONTENT_TYPE, "cache-control": `public, max-age=${JWKS_MAX_AGE_SECONDS}` },
    }),
);
