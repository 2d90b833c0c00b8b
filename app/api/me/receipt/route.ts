/**
 * The signed-in citizen's consent receipt.
 *   GET /api/me/receipt              → { receipt, jws } (JSON)
 *   GET /api/me/receipt?format=jws   → the compact JWS alone, application/jose, as a download
 * Optional `lang` chooses the labels of a receipt that has no form text of its own (an opt-out).
 */
import { withSession } from "../../../../lib/auth/with-session";
import { Language } from "../../../../lib/consent/vocabulary";
import { AppError } from "../../../../lib/errors";
import { getConsentReceipt } from "../../../../lib/usecases/receipts";

const FORMATS = ["json", "jws"] as const;

export const GET = withSession({ role: "citizen" }, async ({ request, actor, container }) => {
  const query = new URL(request.url).searchParams;
  const format = query.get("format") ?? "json";
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new AppError("INVALID_INPUT", "format must be json or jws", [{ path: "format", message: "json or jws" }]);
  }
  const lang = query.get("lang");
  if (lang !== null && !Language.safeParse(lang).success) {
    throw new AppError("INVALID_INPUT", "lang must be an ISO 639-1 code", [{ path: "lang", message: "ISO 639-1 language code, lower case" }]);
  }

  const { receipt, jws } = await getConsentReceipt(
    { ...container.deps, signer: container.signer, publicUrl: container.config.publicUrl },
    actor,
    lang ?? undefined,
  );

  if (format === "jws") {
    const filename = `donum-consent-receipt-${receipt.consentId}-v${receipt.change.position}.jws`;
    return new Response(jws, {
      headers: {
        "content-type": "application/jose",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  }
  return Response.json({ receipt, jws }, { headers: { "cache-control": "no-store" } });
});
