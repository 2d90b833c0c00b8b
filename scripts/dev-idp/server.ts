/**
 * The bundled development OpenID provider: what `npm start` signs citizens in with when no eID
 * broker is configured (DONUM_OIDC_ISSUER unset, embedded mode).
 *
 *   node --import tsx scripts/dev-idp/server.ts
 *
 * oidc-provider 9 on 127.0.0.1:<DONUM_DEV_IDP_PORT> only, issuer http://127.0.0.1:<port>, with one
 * client (the portal), PKCE required, an RS256 signing key and cookie key generated on first
 * start under <dataDir>/keys and reused. Its login screen lists demo accounts (accounts.ts), and
 * consent for the portal is given automatically. It refuses to run when DONUM_MODE=production.
 * It logs no personal data: no names, identifiers, subs or tokens.
 */
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Provider, errors, type ProviderContext } from "oidc-provider";
import { readOrCreateDevIdpClientSecret } from "../../lib/auth/dev-idp-secret";
import { DEV_IDP_CLAIM } from "../../lib/auth/claims";
import { randomSecret, readOrCreateSecretFile } from "../../lib/auth/secret-files";
import { ConfigError, getConfig, type Config } from "../../lib/config";
import { createLogger, type Logger } from "../../lib/log";
import { DEMO_ACCOUNTS, demoClaims, findDemoAccountByKey, findDemoAccountBySub } from "./accounts";
import { errorPage, loggedOutPage, loginPage, logoutPage } from "./pages";

const JWKS_FILE = "dev-idp-jwks.json";
const COOKIE_KEYS_FILE = "dev-idp-cookie-keys";
const HOST = "127.0.0.1";
const MAX_FORM_BYTES = 4096;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function loadConfig(): Config {
  try {
    return getConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message, 2);
    throw e;
  }
}

/** The RS256 signing key, as a private JWK set; generated once. */
function signingJwks(keysDir: string): { keys: Record<string, unknown>[] } {
  const file = readOrCreateSecretFile(keysDir, JWKS_FILE, () => {
    const jwk = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
    return `${JSON.stringify({ keys: [{ ...jwk, kid: randomUUID(), alg: "RS256", use: "sig" }] })}\n`;
  });
  const parsed = JSON.parse(file.content) as { keys?: Record<string, unknown>[] };
  if (!Array.isArray(parsed.keys) || parsed.keys.length === 0) throw new Error(`${keysDir}/${JWKS_FILE} holds no keys`);
  return { keys: parsed.keys };
}

function createDevProvider(config: Config, log: Logger): Provider {
  if (!config.auth.devIdp) throw new Error("the development provider is not configured");
  const issuer = `http://${HOST}:${config.auth.devIdp.port}`;
  const keysDir = config.keys.dir;
  const { idClaim, rolesClaim, clientId } = config.auth;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: readOrCreateDevIdpClientSecret(keysDir),
        client_name: "Donum portal",
        redirect_uris: [`${config.publicUrl}/api/auth/callback/eid`],
        post_logout_redirect_uris: [config.publicUrl],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: signingJwks(keysDir),
    cookies: {
      keys: [readOrCreateSecretFile(keysDir, COOKIE_KEYS_FILE, randomSecret).content.trim()],
      names: { session: "donum_dev_idp_session", interaction: "donum_dev_idp_interaction", resume: "donum_dev_idp_resume" },
      long: { httpOnly: true, sameSite: "lax" },
      short: { httpOnly: true, sameSite: "lax" },
    },
    pkce: { required: () => true },
    // Seconds. Short: this provider is for trying sign-in, and keeps everything in memory.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    claims: {
      openid: ["sub"],
      profile: ["name", "locale", idClaim, rolesClaim, DEV_IDP_CLAIM],
    },
    // Put the profile claims in the ID token itself: the portal reads them from there.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: ProviderContext, form: string) => {
          ctx.type = "html";
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: async (ctx: ProviderContext) => {
          ctx.type = "html";
          ctx.body = loggedOutPage();
        },
      },
    },
    renderError: async (ctx: ProviderContext, out: Record<string, unknown>) => {
      ctx.type = "html";
      ctx.body = errorPage(out);
    },
    async findAccount(_ctx: unknown, sub: string) {
      const account = findDemoAccountBySub(sub);
      if (!account) return undefined;
      return { accountId: account.sub, claims: () => demoClaims(account, { idClaim, rolesClaim }) };
    },
  });
  provider.proxy = false;
  // Koa would print whole error objects; report a name and a message instead.
  provider.silent = true;
  provider.on("server_error", (_ctx, err) => log.error("provider error", { error: describe(err) }));
  return provider;
}

function describe(err: unknown): Record<string, unknown> {
  return err instanceof Error ? { name: err.name, message: err.message.slice(0, 300) } : { name: typeof err };
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  });
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") return new URLSearchParams();
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new Error("form too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** The interaction routes: GET /interaction/:uid, POST /interaction/:uid/login, POST /interaction/:uid/abort. */
function interactionHandler(provider: Provider, config: Config, log: Logger) {
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const match = /^\/interaction\/([A-Za-z0-9_-]{1,64})(\/login|\/abort)?$/.exec(path);
    if (!match) return send(res, 404, errorPage({ error: "not_found" }));
    const [, uid, action] = match;
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== uid) return send(res, 400, errorPage({ error: "invalid_request", error_description: "interaction mismatch" }));

      if (req.method === "GET" && !action) {
        if (details.prompt.name === "login") {
          return send(res, 200, loginPage({ uid: details.uid, clientName: "The Donum portal", accounts: DEMO_ACCOUNTS }));
        }
        if (details.prompt.name === "consent") {
          // The portal is the one client: consent is given for it without asking.
          const clientId = details.params.client_id;
          const accountId = details.session?.accountId;
          if (clientId !== config.auth.clientId || !accountId) {
            return send(res, 400, errorPage({ error: "invalid_request", error_description: "unknown client" }));
          }
          const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId, clientId });
          if (!grant) return send(res, 400, errorPage({ error: "invalid_request", error_description: "grant not found" }));
          const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details;
          if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(" "));
          if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
          for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(" "));
          const grantId = await grant.save();
          log.info("consent given automatically", {});
          return provider.interactionFinished(req, res, { consent: details.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
        }
        return send(res, 400, errorPage({ error: "invalid_request", error_description: "unsupported prompt" }));
      }

      if (req.method === "POST" && action === "/login") {
        if (details.prompt.name !== "login") return send(res, 400, errorPage({ error: "invalid_request", error_description: "not a login prompt" }));
        const account = findDemoAccountByKey((await readForm(req)).get("account"));
        if (!account) return send(res, 400, errorPage({ error: "invalid_request", error_description: "choose one of the demo accounts" }));
        log.info("demo account chosen", {});
        return provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
      }

      if (req.method === "POST" && action === "/abort") {
        log.info("sign-in cancelled", {});
        return provider.interactionFinished(
          req,
          res,
          { error: "access_denied", error_description: "The user cancelled the sign-in." },
          { mergeWithLastSubmission: false },
        );
      }
      return send(res, 405, errorPage({ error: "method_not_allowed" }));
    } catch (err) {
      if (err instanceof errors.SessionNotFound) {
        return send(res, 400, errorPage({ error: "session_expired", error_description: "This sign-in has expired. Go back to the portal and start again." }));
      }
      log.error("interaction failed", { error: describe(err) });
      return send(res, 500, errorPage({ error: "server_error" }));
    }
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.mode === "production") {
    fail(
      "The development OpenID provider does not run when DONUM_MODE=production: it signs anyone in as a demo person. " +
        "Configure the national eID broker (DONUM_OIDC_ISSUER, DONUM_OIDC_CLIENT_ID, DONUM_OIDC_CLIENT_SECRET) instead.",
      2,
    );
  }
  if (!config.auth.devIdp) {
    fail("DONUM_OIDC_ISSUER is set, so the portal signs in with that provider; the development provider is not used and does not start.", 2);
  }
  const log = createLogger(config.logLevel);
  const provider = createDevProvider(config, log);
  const providerCallback = provider.callback();
  const interactions = interactionHandler(provider, config, log);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === "/interaction" || path.startsWith("/interaction/")) {
      void interactions(req, res, path);
      return;
    }
    providerCallback(req, res);
  });
  const port = config.auth.devIdp.port;
  server.on("error", (e: NodeJS.ErrnoException) => {
    fail(`The development OpenID provider could not listen on ${HOST}:${port}: ${e.code ?? e.message}. Set DONUM_DEV_IDP_PORT to a free port.`, 1);
  });
  server.listen(port, HOST, () => {
    log.info("development OpenID provider listening", { issuer: `http://${HOST}:${port}`, accounts: DEMO_ACCOUNTS.length });
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`The development OpenID provider could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
