/**
 * next-auth (v4) options: sign-in with the national eID through OpenID Connect.
 *
 * One provider, "eid": the configured eID broker, or the bundled development provider in the
 * embedded default. Sessions are next-auth's encrypted JWT cookie holding exactly
 * { sub, subjectKey, roles, name } (lib/auth/claims.ts); the national identifier is keyed in
 * the callbacks and never stored, logged or returned. See docs/decisions/0004-sign-in.md.
 */
import type { AuthOptions, LoggerInstance, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { Config } from "../config";
import type { Logger } from "../log";
import { getContainer } from "../server/container";
import { clientSessionUser, identityFromClaims, parseSessionIdentity, tokenFromIdentity, type ClaimsPolicy } from "./claims";
import { readOrCreateDevIdpClientSecret } from "./dev-idp-secret";
import { readOrCreateSessionSecret } from "./secret-files";

export const EID_PROVIDER_ID = "eid";
export const SESSION_MAX_AGE_SECONDS = 30 * 60;
/** next-auth's base path for its own routes (app/api/auth/[...nextauth]). */
export const AUTH_BASE_PATH = "/api/auth";

export interface AuthDeps {
  config: Config;
  log: Logger;
  keyOf: (rawNationalId: string) => string;
}

/**
 * "client": the session callback gives the browser { name, roles, hasSubject }.
 * "server": for getServerSession in server code only (lib/auth/session.ts): the whole identity.
 */
export type SessionView = "client" | "server";

export function claimsPolicy(config: Config): ClaimsPolicy {
  return {
    mode: config.mode,
    idClaim: config.auth.idClaim,
    rolesClaim: config.auth.rolesClaim,
    regulatorSubs: config.auth.regulatorSubs,
    operatorSubs: config.auth.operatorSubs,
  };
}

export function useSecureCookies(config: Config): boolean {
  return config.publicUrl.startsWith("https://");
}

/** The name of the session cookie (with the __Secure- prefix when the portal is served over https). */
export function sessionCookieName(config: Config): string {
  return `${useSecureCookies(config) ? "__Secure-" : ""}next-auth.session-token`;
}

/** Builds the options; pure apart from reading (or creating) the secret files of the embedded default. */
export function buildAuthOptions(deps: AuthDeps, view: SessionView = "client"): AuthOptions {
  const { config, log, keyOf } = deps;
  const policy = claimsPolicy(config);
  const secure = useSecureCookies(config);
  const clientSecret = config.auth.clientSecret ?? readOrCreateDevIdpClientSecret(config.keys.dir);
  const secret = config.auth.sessionSecret ?? readOrCreateSessionSecret(config.keys.dir);

  const eid: OAuthConfig<Record<string, unknown>> = {
    id: EID_PROVIDER_ID,
    name: "national eID",
    type: "oauth",
    wellKnown: `${config.auth.issuer}/.well-known/openid-configuration`,
    clientId: config.auth.clientId,
    clientSecret,
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    authorization: {
      params: {
        scope: "openid profile",
        // The development provider is for switching between demo people: always let the
        // tester pick an account, even when the provider still has a session from before.
        ...(config.auth.devIdp ? { prompt: "login" } : {}),
      },
    },
    // Only what next-auth's `user` needs. The identifier claim is read in the callbacks below,
    // from the verified ID-token claims, and keyed there.
    profile(p) {
      return { id: String(p.sub), name: typeof p.name === "string" ? p.name : null };
    },
  };

  const cookieOptions = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };

  return {
    providers: [eid],
    secret,
    useSecureCookies: secure,
    cookies: {
      sessionToken: { name: sessionCookieName(config), options: cookieOptions },
    },
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 5 * 60 },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    debug: false,
    logger: nextAuthLogger(log),
    callbacks: {
      async signIn({ profile }) {
        const result = identityFromClaims((profile ?? {}) as Record<string, unknown>, policy, keyOf);
        if (result.ok) return true;
        log.warn("sign-in refused", { reason: result.refusal });
        return `${config.publicUrl}/signin?error=${result.refusal}`;
      },
      async jwt({ token, profile, trigger }) {
        if ((trigger === "signIn" || trigger === "signUp") && profile) {
          const result = identityFromClaims(profile as Record<string, unknown>, policy, keyOf);
          // signIn() above refused these already; never issue a session for one.
          if (!result.ok) throw new Error(`sign-in refused: ${result.refusal}`);
          return tokenFromIdentity(result.identity) as unknown as JWT;
        }
        const identity = parseSessionIdentity(token);
        // A token without the expected shape ends the session (next-auth clears the cookie).
        if (!identity) throw new Error("session token has an unexpected shape");
        return tokenFromIdentity(identity) as unknown as JWT;
      },
      async session({ session, token }) {
        const identity = parseSessionIdentity(token);
        if (!identity) return { expires: session.expires } as Session;
        const user = view === "server" ? tokenFromIdentity(identity) : clientSessionUser(identity);
        return { expires: session.expires, user } as unknown as Session;
      },
    },
    events: {
      // Nothing about the person is logged: the user object holds a name.
      async signIn() {
        log.info("signed in", {});
      },
      async signOut() {
        log.info("signed out", {});
      },
    },
  };
}

/**
 * next-auth's own messages go to our logger as a code and an error name and message only:
 * its default logger prints whole metadata objects, and openid-client errors can carry the
 * ID token (with the national identifier) as a property.
 */
function nextAuthLogger(log: Logger): LoggerInstance {
  const describe = (metadata: unknown): Record<string, unknown> => {
    const err = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
    if (!(err instanceof Error)) return {};
    // Drop anything shaped like a JWT/JWE from the message, just in case.
    const message = err.message.replace(/eyJ[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]*)+/g, "[token]").slice(0, 300);
    return { error: { name: err.name, message } };
  };
  return {
    error(code, metadata) {
      const details = describe(metadata);
      // The person cancelled at their eID provider: not a fault of the portal.
      if ((details.error as { message?: string } | undefined)?.message === "access_denied") {
        log.info("sign-in cancelled at the provider", { code });
        return;
      }
      log.error("next-auth error", { code, ...details });
    },
    warn(code) {
      log.warn("next-auth warning", { code });
    },
    debug() {
      // never: debug metadata includes profiles and tokens
    },
  };
}

interface OptionsPair {
  client: AuthOptions;
  server: AuthOptions;
}

const holder = globalThis as unknown as { __donumAuthOptions?: Promise<OptionsPair> };

async function createOptions(): Promise<OptionsPair> {
  const container = await getContainer();
  const { config } = container;
  // next-auth v4 takes its own absolute URL (callback URLs, redirects) from process.env.NEXTAUTH_URL
  // at each request (utils/detect-origin.js); without it, it assumes http://localhost:3000. The
  // validated configuration is the only source of the public URL, so it is copied there, once,
  // here. This is the one write to process.env; nothing in Donum reads it back.
  process.env.NEXTAUTH_URL = `${config.publicUrl}${AUTH_BASE_PATH}`;
  const deps: AuthDeps = { config, log: container.log, keyOf: (raw) => container.subjects.keyOf(raw) };
  return { client: buildAuthOptions(deps, "client"), server: buildAuthOptions(deps, "server") };
}

function options(): Promise<OptionsPair> {
  holder.__donumAuthOptions ??= createOptions().catch((e: unknown) => {
    holder.__donumAuthOptions = undefined;
    throw e;
  });
  return holder.__donumAuthOptions;
}

/** The options for next-auth's route handler (what the browser sees of a session is the client view). */
export async function getAuthOptions(): Promise<AuthOptions> {
  return (await options()).client;
}

/** The options for getServerSession in server code: the session carries sub and subjectKey. Never hand its result to a client component. */
export async function getServerAuthOptions(): Promise<AuthOptions> {
  return (await options()).server;
}
