/**
 * next-auth's routes (/api/auth/signin, /callback/eid, /session, /signout, /csrf, /providers).
 * The options need the container (keys, subject keyer), so the handler is made per request
 * from the memoised options rather than at module load, which would run during `next build`.
 */
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "../../../../lib/auth/options";
import { withFrontDoor } from "../../../../lib/http/public-route";

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = withFrontDoor(async (request, _container, context: Context): Promise<Response> => {
  const options = await getAuthOptions();
  return (await NextAuth(request as NextRequest, context, options)) as Response;
});

export { handler as GET, handler as POST };
