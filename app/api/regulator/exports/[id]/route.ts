/** Regulators: one export and its progress. */
import { getExport } from "../../../../../lib/audit/export/jobs";
import { withSession } from "../../../../../lib/auth/with-session";

export const GET = withSession<{ id: string }>({ role: "regulator" }, async ({ actor, container, params }) => {
  const job = await getExport(container.deps, actor, params.id);
  return Response.json({ export: job }, { headers: { "Cache-Control": "no-store" } });
});
