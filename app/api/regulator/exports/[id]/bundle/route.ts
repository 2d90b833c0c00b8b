/** Regulators: a finished export's bundle as one .tar, streamed from the blob store. */
import { Readable } from "node:stream";
import { exportBundleTar } from "../../../../../../lib/audit/export/jobs";
import { exportDepsOf } from "../../../../../../lib/audit/export/runtime";
import { withSession } from "../../../../../../lib/auth/with-session";

export const GET = withSession<{ id: string }>({ role: "regulator" }, async ({ actor, container, params }) => {
  const { fileName, stream } = await exportBundleTar(exportDepsOf(container), actor, params.id);
  return new Response(Readable.toWeb(Readable.from(stream)) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/x-tar",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
});
