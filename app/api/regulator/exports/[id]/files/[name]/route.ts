/** Regulators: one file of a finished export's bundle, streamed from the blob store. */
import { Readable } from "node:stream";
import { openExportFile } from "../../../../../../../lib/audit/export/jobs";
import { exportDepsOf } from "../../../../../../../lib/audit/export/runtime";
import { withSession } from "../../../../../../../lib/auth/with-session";

export const GET = withSession<{ id: string; name: string }>({ role: "regulator" }, async ({ actor, container, params }) => {
  const { object, body, contentType } = await openExportFile(exportDepsOf(container), actor, params.id, params.name);
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(object.bytes),
      "Content-Disposition": `attachment; filename="${params.name}"`,
      "Cache-Control": "no-store",
    },
  });
});
