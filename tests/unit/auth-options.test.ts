/**
 * next-auth options built from the configuration (lib/auth/options.ts): the provider, cookies,
 * secrets, and the callbacks that turn verified ID-token claims into a session — run directly,
 * without a server.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AuthOptions } from "next-auth";
import { parseConfig, type Config } from "../../lib/config";
import { createSubjectKeyer } from "../../lib/identity/subject-key";
import { createLogger } from "../../lib/log";
import { buildAuthOptions, sessionCookieName, type AuthDeps } from "../../lib/auth/options";

const keyer = createSubjectKeyer(Buffer.alloc(32, 3));
const ID = "ES/ES/02635542Y";
let dir: string;
const logs: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "donum-auth-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function deps(env: Record<string, string> = {}): AuthDeps {
  const config: Config = parseConfig({ DONUM_DATA_DIR: dir, ...env });
  return { config, log: createLogger("debug", (l) => logs.push(l)), keyOf: (raw) => keyer.keyOf(raw) };
}

type Callbacks = Required<NonNullable<AuthOptions["callbacks"]>>;
const cb = (o: AuthOptions) => o.callbacks as Callbacks;

async function signInAndToken(o: AuthOptions, profile: Record<string, unknown>) {
  const allowed = await cb(o).signIn({ user: { id: String(profile.sub) }, account: null, profile: profile as never });
  if (allowed !== true) return { allowed, token: null };
  const token = await cb(o).jwt({ token: { sub: String(profile.sub) }, user: { id: String(profile.sub) }, account: null, profile: profile as never, trigger: "signIn" });
  return { allowed, token };
}

describe("buildAuthOptions", () => {
  it("configures one OIDC provider with PKCE, state and nonce, reading claims from the ID token", () => {
    const o = buildAuthOptions(deps());
    expect(o.providers).toHaveLength(1);
    const p = o.providers[0] as unknown as Record<string, unknown>;
    expect(p).toMatchObject({
      id: "eid",
      name: "national eID",
      type: "oauth",
      wellKnown: "http://127.0.0.1:3001/.well-known/openid-configuration",
      clientId: "donum-portal",
      idToken: true,
      checks: ["pkce", "state", "nonce"],
    });
    expect((p.authorization as { params: Record<string, string> }).params).toEqual({ scope: "openid profile", prompt: "login" });
    expect((p.profile as (x: unknown) => unknown)({ sub: "s", name: "N", person_identifier: ID })).toEqual({ id: "s", name: "N" });
  });

  it("uses the configured eID broker and secret, without prompt=login", () => {
    const o = buildAuthOptions(
      deps({
        DONUM_OIDC_ISSUER: "https://eid.example.eu/oidc",
        DONUM_OIDC_CLIENT_ID: "donum-prod",
        DONUM_OIDC_CLIENT_SECRET: "0123456789abcdef0123",
        DONUM_SESSION_SECRET: "x".repeat(40),
      }),
    );
    const p = o.providers[0] as unknown as Record<string, unknown>;
    expect(p.wellKnown).toBe("https://eid.example.eu/oidc/.well-known/openid-configuration");
    expect(p.clientId).toBe("donum-prod");
    expect(p.clientSecret).toBe("0123456789abcdef0123");
    expect((p.authorization as { params: Record<string, string> }).params).toEqual({ scope: "openid profile" });
    expect(o.secret).toBe("x".repeat(40));
  });

  it("generates the session secret and the development client secret once, 0600, and reuses them", () => {
    const a = buildAuthOptions(deps());
    const b = buildAuthOptions(deps());
    expect(a.secret).toBe(b.secret);
    expect(a.secret!.length).toBeGreaterThanOrEqual(32);
    for (const f of ["session-secret", "dev-idp-client-secret"]) {
      expect(statSync(join(dir, "keys", f)).mode & 0o777).toBe(0o600);
    }
    const p = a.providers[0] as unknown as Record<string, unknown>;
    expect(p.clientSecret).toBe(readFileSync(join(dir, "keys", "dev-idp-client-secret"), "utf8").trim());
  });

  it("keeps sessions 30 minutes in an httpOnly, SameSite=Lax JWT cookie, Secure with the __Secure- prefix on https", () => {
    const http = buildAuthOptions(deps());
    expect(http.session).toMatchObject({ strategy: "jwt", maxAge: 1800 });
    expect(http.useSecureCookies).toBe(false);
    expect(http.cookies?.sessionToken).toEqual({
      name: "next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false },
    });
    const httpsDeps = deps({ DONUM_PUBLIC_URL: "https://donum.example.eu" });
    const https = buildAuthOptions(httpsDeps);
    expect(https.useSecureCookies).toBe(true);
    expect(https.cookies?.sessionToken?.name).toBe("__Secure-next-auth.session-token");
    expect(https.cookies?.sessionToken?.options).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
    expect(sessionCookieName(httpsDeps.config)).toBe("__Secure-next-auth.session-token");
  });
});

describe("sign-in callbacks", () => {
  it("issue a token of exactly { sub, subjectKey, roles, name } for a citizen, without the identifier", async () => {
    const o = buildAuthOptions(deps());
    const { allowed, token } = await signInAndToken(o, { sub: "sub-es", name: "María", person_identifier: ID, locale: "es", donum_dev_idp: true });
    expect(allowed).toBe(true);
    expect(token).toEqual({ sub: "sub-es", subjectKey: keyer.keyOf(ID), roles: ["citizen"], name: "María" });
    expect(JSON.stringify(token)).not.toContain("02635542");
  });

  it("refuse a citizen without a valid identifier, to the sign-in page with a reason", async () => {
    const o = buildAuthOptions(deps());
    const { allowed } = await signInAndToken(o, { sub: "sub-x", name: "X", person_identifier: "02635542Y" });
    expect(allowed).toBe("http://localhost:3000/signin?error=NoPersonIdentifier");
  });

  it("let a regulator in without an identifier (roles claim or allowlist)", async () => {
    const o = buildAuthOptions(deps({ DONUM_REGULATOR_SUBS: "sub-allow", DONUM_OIDC_ROLES_CLAIM: "roles" }));
    expect((await signInAndToken(o, { sub: "sub-r", name: "R", roles: ["regulator"] })).token).toEqual({
      sub: "sub-r",
      subjectKey: null,
      roles: ["regulator"],
      name: "R",
    });
    expect((await signInAndToken(o, { sub: "sub-allow", name: "A" })).token).toMatchObject({ roles: ["regulator"] });
  });

  it("refuse the development provider's tokens in production mode", async () => {
    const o = buildAuthOptions(
      deps({
        DONUM_MODE: "production",
        DONUM_PUBLIC_URL: "https://donum.example.eu",
        DONUM_OIDC_ISSUER: "https://eid.example.eu",
        DONUM_OIDC_CLIENT_ID: "donum",
        DONUM_OIDC_CLIENT_SECRET: "0123456789abcdef0123",
        DONUM_SESSION_SECRET: "x".repeat(40),
        DONUM_SUBJECT_PEPPER: Buffer.alloc(32, 1).toString("base64"),
      }),
    );
    const { allowed } = await signInAndToken(o, { sub: "s", name: "N", person_identifier: ID, donum_dev_idp: true });
    expect(allowed).toBe("https://donum.example.eu/signin?error=DevProviderInProduction");
    expect((await signInAndToken(o, { sub: "s", name: "N", person_identifier: ID })).allowed).toBe(true);
  });

  it("keep a session token as it is on later reads, and end a malformed one", async () => {
    const o = buildAuthOptions(deps());
    const stored = { sub: "s", subjectKey: keyer.keyOf(ID), roles: ["citizen"], name: "N", iat: 1, exp: 2, jti: "j" };
    await expect(cb(o).jwt({ token: stored as never, user: undefined as never, account: null })).resolves.toEqual({
      sub: "s",
      subjectKey: keyer.keyOf(ID),
      roles: ["citizen"],
      name: "N",
    });
    await expect(cb(o).jwt({ token: { sub: "s", name: "N" } as never, user: undefined as never, account: null })).rejects.toThrow();
  });

  it("show the browser { name, roles, hasSubject }, and server code the whole identity", async () => {
    const token = { sub: "s", subjectKey: keyer.keyOf(ID), roles: ["citizen"], name: "N" };
    const session = { expires: "2030-01-01T00:00:00.000Z" };
    const client = await cb(buildAuthOptions(deps(), "client")).session({ session, token, user: undefined as never, newSession: undefined, trigger: "update" } as never);
    expect(client).toEqual({ expires: session.expires, user: { name: "N", roles: ["citizen"], hasSubject: true } });
    const server = await cb(buildAuthOptions(deps(), "server")).session({ session, token, user: undefined as never, newSession: undefined, trigger: "update" } as never);
    expect(server).toEqual({ expires: session.expires, user: token });
  });

  it("log no personal data, and next-auth errors as a code, a name and a message only", async () => {
    logs.length = 0;
    const o = buildAuthOptions(deps());
    await signInAndToken(o, { sub: "sub-es", name: "María", person_identifier: ID });
    await signInAndToken(o, { sub: "sub-x", name: "Xavier", person_identifier: "nope" });
    const err = Object.assign(new Error("unexpected claims eyJhbGciOiJSUzI1NiJ9.eyJwZXJzb24iOiJFUyJ9.c2ln"), { jwt: ID });
    o.logger!.error!("OAUTH_CALLBACK_ERROR", { error: err, providerId: "eid", message: err.message } as never);
    o.logger!.error!("OAUTH_CALLBACK_HANDLER_ERROR", { error: new Error("access_denied"), providerId: "eid" } as never);
    const text = logs.join("\n");
    expect(text).toContain('"code":"OAUTH_CALLBACK_ERROR"');
    // A person cancelling at their provider is not an error of the portal.
    expect(text).toContain('"level":"info","msg":"sign-in cancelled at the provider","code":"OAUTH_CALLBACK_HANDLER_ERROR"');
    expect(text).toContain("[token]");
    for (const needle of ["02635542", "María", "Xavier", "sub-es", "eyJ"]) expect(text).not.toContain(needle);
  });
});
