/** Operators: suspend or reactivate a node. Body: { status: "active" | "suspended" }. */
import { withSession } from "../../../../../../lib/auth/with-session";
import { setNodeStatus } from "../../../../../../lib/nodes/registry";

export const POST = withSession<{ id: string }>({ role: "operator" }, async ({ actor, container, params, body }) => {
  const status = body && typeof body === "object" ? (body as { status?: unknown }).status : undefined;
  const { node, changed } = await setNodeStatus(container.deps, actor, { id: params.id, status });
  return Response.json({ node: { id: node.id, status: node.status, version: node.version }, changed });
});
