/** Regulators: the recent exports of the audit trail (GET) and a new one (POST, 202; runs in the background). */
import { kickExportRunner } from "../../../../lib/audit/export/runtime";
import { listExports, requestExport } from "../../../../lib/audit/export/jobs";
import { withSession } from "../../../../lib/auth/with-session";

export const GET = withSession({ role: "regulator" }, async ({ actor, container }) => {
  const exports = await listExports(container.deps, actor);
  return Response.json({ exports }, { headers: { "Cache-Control": "no-store" } });
});

/** Body: { from, to, filters? } (lib/audit/export/jobs.ts, ExportRequestBody). */
export const POST = withSession({ role: "regulator" }, async ({ actor, container, body }) => {
  const job = await requestExport(container.deps, actor, body);
  kickExportRunner(container);
  return Response.json({ export: job }, { status: 202, headers: { Location: `/api/regulator/exports/${job.id}` } });
});
