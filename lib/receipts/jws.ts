/**
 * Signed consent receipts: the receipt as the payload of a compact JWS (lib/crypto/jws.ts).
 *
 * Header: { "alg": "ES256", "kid": <RFC 7638 thumbprint>, "typ": "consent-receipt+jwt" }.
 *
 * Why typ "consent-receipt+jwt" and not "JOSE": the same Donum key signs receipts now and will
 * sign node decisions (and audit checkpoints) later. RFC 8725 §3.11 (JWT best current practice)
 * recommends explicit typing for exactly this case, so that a document signed for one purpose
 * cannot be passed off as another: a verifier that asks for "consent-receipt+jwt" refuses a signed
 * decision even though the signature is good. "JOSE" (RFC 7515 §4.1.9) says only that the
 * content is a JWS in compact form — which the media type of the download (application/jose)
 * already says. The "+jwt" suffix is accurate: the payload is a JWT claims set (with `iss` and
 * `iat`), and Kantara's receipt is itself specified as a JWT.
 */
import { signCompactJws, verifyCompactJws, type JwsError, type JwsHeader, type VerificationJwks } from "../crypto/jws";
import type { Signer } from "../crypto/signer";
import { ConsentReceipt, RECEIPT_JWS_TYPE } from "./schema";

export { RECEIPT_JWS_TYPE };

export async function signConsentReceipt(signer: Signer, receipt: ConsentReceipt): Promise<string> {
  if (receipt.publicKey.kid !== signer.kid) {
    throw new Error(`the receipt names key ${receipt.publicKey.kid} but would be signed with ${signer.kid}`);
  }
  return signCompactJws(signer, receipt, { typ: RECEIPT_JWS_TYPE });
}

export type ReceiptVerification =
  | { ok: true; header: JwsHeader; receipt: ConsentReceipt }
  | { ok: false; error: JwsError | { code: "INVALID_RECEIPT"; message: string } };

/** Verifies the signature (ES256 only, typ enforced), then that the payload is a receipt. */
export function verifyConsentReceipt(jws: string, jwks: VerificationJwks): ReceiptVerification {
  const v = verifyCompactJws(jws, jwks, { typ: RECEIPT_JWS_TYPE, algorithms: ["ES256"] });
  if (!v.ok) return v;
  const parsed = ConsentReceipt.safeParse(v.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: { code: "INVALID_RECEIPT", message: `${issue?.path.join(".") ?? ""}: ${issue?.message ?? "not a receipt"}` } };
  }
  if (parsed.data.publicKey.kid !== v.header.kid) {
    return { ok: false, error: { code: "INVALID_RECEIPT", message: "the receipt names a different key than the one that signed it" } };
  }
  return { ok: true, header: v.header, receipt: parsed.data };
}
