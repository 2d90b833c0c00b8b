/**
 * The demo people of the bundled development OpenID provider. None of them is real: the person
 * identifiers are test values shaped like each member state's national numbers, in eIDAS
 * PersonIdentifier form ("origin/destination/identifier").
 *
 * `sub` is stable and opaque, as a real eID broker's is: it is not the national identifier.
 */
export type DemoKind = "citizen" | "regulator" | "operator" | "incomplete";

export interface DemoAccount {
  /** Form value on the login page. */
  key: string;
  sub: string;
  kind: DemoKind;
  name: string;
  locale: string;
  /** What the login page says about the account (no identifier). */
  description: string;
  /** eIDAS PersonIdentifier; citizens only. */
  personIdentifier?: string;
  /** Values of the roles claim; regulator and operator only. */
  roles?: string[];
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    key: "citizen-be",
    sub: "dev-4f1c2a9e-7b3d-4e58-9a61-0c2d8e5b7f13",
    kind: "citizen",
    name: "Lucas Peeters",
    locale: "nl-BE",
    description: "Citizen of Belgium, signs in with the Belgian eID",
    personIdentifier: "BE/BE/85073003328",
  },
  {
    key: "citizen-es",
    sub: "dev-b7e90d14-2c6a-4f3b-8d25-61a9f0c4e2d8",
    kind: "citizen",
    name: "María García López",
    locale: "es-ES",
    description: "Citizen of Spain, signs in with the Spanish DNIe",
    personIdentifier: "ES/ES/02635542Y",
  },
  {
    key: "citizen-de",
    sub: "dev-2a8d6f31-9e4b-4c07-b1f2-7d3e5a0c9b64",
    kind: "citizen",
    name: "Lena Schmidt",
    locale: "de-DE",
    description: "Citizen of Germany, signs in with the German eID card",
    personIdentifier: "DE/DE/T22000129",
  },
  {
    key: "incomplete",
    sub: "dev-9c0e3b57-6d12-4a8f-a4e9-2f7b1d6c8e05",
    kind: "incomplete",
    name: "Jan Novák",
    locale: "cs-CZ",
    description: "An eID that sends no national identifier (to try a refused sign-in)",
  },
  {
    key: "regulator",
    sub: "dev-e5d27a80-3f96-4b1c-9e38-4a0b6c2f1d79",
    kind: "regulator",
    name: "Dr. Katarzyna Wójcik",
    locale: "pl-PL",
    description: "Regulator: a data protection authority's auditor",
    roles: ["regulator"],
  },
  {
    key: "operator",
    sub: "dev-71b4c9e2-8a05-4d6f-b3c1-e9f2a7d05b38",
    kind: "operator",
    name: "Jonas Berg",
    locale: "sv-SE",
    description: "Operator of the Donum portal",
    roles: ["operator"],
  },
];

export function findDemoAccountByKey(key: unknown): DemoAccount | undefined {
  return typeof key === "string" ? DEMO_ACCOUNTS.find((a) => a.key === key) : undefined;
}

export function findDemoAccountBySub(sub: string): DemoAccount | undefined {
  return DEMO_ACCOUNTS.find((a) => a.sub === sub);
}

/** The claims a demo account's tokens carry. `idClaim` and `rolesClaim` follow the portal's configuration. */
export function demoClaims(account: DemoAccount, names: { idClaim: string; rolesClaim: string }): Record<string, unknown> {
  return {
    sub: account.sub,
    name: account.name,
    locale: account.locale,
    ...(account.personIdentifier ? { [names.idClaim]: account.personIdentifier } : {}),
    ...(account.roles ? { [names.rolesClaim]: [...account.roles] } : {}),
    donum_dev_idp: true,
  };
}
