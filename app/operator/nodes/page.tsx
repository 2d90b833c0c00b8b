/** Operators: the registered imaging nodes, their status and keys; suspend, reactivate, register. */
import type { Metadata } from "next";
import { actorFor, requirePageUser } from "../../../lib/auth/with-session";
import { keyState, listNodes } from "../../../lib/nodes/registry";
import { getContainer } from "../../../lib/server/container";
import { NodeStatusButton, type NodeStatusButtonText } from "./NodeStatusButton";
import { RegisterNodeForm, type RegisterNodeFormText } from "./RegisterNodeForm";

export const metadata: Metadata = { title: "Imaging nodes — Donum operator" };

const TEXT = {
  title: "Imaging nodes",
  intro: "Hospital gateways that ask Donum before releasing data. A suspended node's requests are refused; only active keys are accepted.",
  none: "No node is registered.",
  id: "Node",
  organisation: "Organisation",
  country: "Country",
  type: "Type",
  status: "Status",
  keys: "Keys",
  action: "Action",
  statuses: { active: "Active", suspended: "Suspended" },
  types: { public: "Public body", non_profit: "Not-for-profit", commercial: "Commercial" },
  keyStates: { active: "active", retiring: "active until {until}", retired: "retired" },
  cliHint: "Keys are rotated with the operator CLI: npm run donum -- nodes rotate-key <id> --public-key <file>.",
  registerHeading: "Register a node",
  button: {
    suspend: "Suspend",
    activate: "Activate",
    working: "Saving…",
    failed: "Not changed:",
  } satisfies NodeStatusButtonText,
  form: {
    id: "Node id",
    idHint: "Lower-case letters, digits and dashes, 3–63 characters, e.g. uzleuven-pacs.",
    organisation: "Organisation",
    country: "Country",
    countryHint: "Two letters (ISO 3166-1), e.g. BE.",
    type: "Organisation type",
    types: { public: "Public body", non_profit: "Not-for-profit", commercial: "Commercial" },
    publicJwk: "Public key (JWK)",
    publicJwkHint: 'The node\'s public key as JSON: {"kty":"EC","crv":"P-256","x":…,"y":…} or {"kty":"OKP","crv":"Ed25519","x":…}. Never the private key.',
    submit: "Register node",
    working: "Registering…",
    required: "Required.",
    invalidJson: "This is not valid JSON.",
    summary: "The node was not registered: see the fields marked below.",
    registered: "Node {id} is registered and active.",
    failed: "Not registered:",
  } satisfies RegisterNodeFormText,
};

export default async function OperatorNodesPage() {
  const user = await requirePageUser("operator", "/operator/nodes");
  const container = await getContainer();
  const nodes = await listNodes(container.deps, actorFor(user, "operator"));
  const now = container.deps.now();
  const headers = [TEXT.id, TEXT.organisation, TEXT.country, TEXT.type, TEXT.status, TEXT.keys, TEXT.action];

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold text-brand-800">{TEXT.title}</h1>
      <p className="mt-2">{TEXT.intro}</p>
      {nodes.length === 0 ? (
        <p className="mt-6">{TEXT.none}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{TEXT.title}</caption>
            <thead>
              <tr>
                {headers.map((h) => (
                  <th key={h} scope="col" className="border-2 border-line p-2">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {nodes.map((node) => (
                <tr key={node.id} data-testid={`node-${node.id}`}>
                  <th scope="row" className="whitespace-nowrap border-2 border-line p-2 font-mono">
                    {node.id}
                  </th>
                  <td className="border-2 border-line p-2">{node.organisation}</td>
                  <td className="border-2 border-line p-2">{node.country}</td>
                  <td className="border-2 border-line p-2">{TEXT.types[node.organisationType]}</td>
                  <td className="border-2 border-line p-2 font-semibold" data-testid="node-status">
                    {TEXT.statuses[node.status]}
                  </td>
                  <td className="border-2 border-line p-2">
                    <ul className="space-y-1">
                      {node.keys.map((k) => {
                        const s = keyState(k, now);
                        return (
                          <li key={k.kid}>
                            <code className="break-all text-xs">{k.kid}</code>{" "}
                            <span className="text-muted">
                              ({k.jwk.kty === "EC" ? "ES256" : "EdDSA"}, {TEXT.keyStates[s.state].replace("{until}", s.until ?? "")})
                            </span>
                          </li>
                        );
                      })}
                    </ul>
                  </td>
                  <td className="border-2 border-line p-2">
                    <NodeStatusButton nodeId={node.id} status={node.status} text={TEXT.button} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-4 text-sm text-muted">{TEXT.cliHint}</p>
      <section aria-labelledby="register" className="mt-8 max-w-2xl">
        <h2 id="register" className="text-2xl font-semibold">
          {TEXT.registerHeading}
        </h2>
        <div className="mt-4">
          <RegisterNodeForm text={TEXT.form} />
        </div>
      </section>
    </div>
  );
}
