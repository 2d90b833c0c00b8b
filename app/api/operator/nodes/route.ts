/** Operators: the registered imaging nodes (GET) and the registration of a new one (POST). */
import { withSession } from "../../../../lib/auth/with-session";
import { listNodes, registerNode } from "../../../../lib/nodes/registry";

export const GET = withSession({ role: "operator" }, async ({ actor, container }) => {
  const nodes = await listNodes(container.deps, actor);
  return Response.json({ nodes });
});

/** Body: { id, organisation, country, organisationType, publicJwk, kid? } (lib/nodes/registry.ts, RegisterNodeInput). */
export const POST = withSession({ role: "operator" }, async ({ actor, container, body }) => {
  const node = await registerNode(container.deps, actor, body);
  return Response.json({ node }, { status: 201 });
});
