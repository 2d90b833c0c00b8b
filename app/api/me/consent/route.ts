/** The signed-in citizen's own consent: read it, give it, change it. The subject comes from the session only. */
import { withSession } from "../../../../lib/auth/with-session";
import { DEFAULT_FORM_ID } from "../../../../lib/consent/forms";
import { amendConsent, grantConsent } from "../../../../lib/usecases/consent-changes";
import { getCurrentConsent } from "../../../../lib/usecases/consent-reads";
import { toConsentView } from "../../../../lib/usecases/consent-view";

export const GET = withSession({ role: "citizen" }, async ({ actor, container }) => {
  const current = await getCurrentConsent(container.deps, actor, DEFAULT_FORM_ID);
  return Response.json({ ...current, consent: current.consent ? toConsentView(current.consent) : null });
});

export const POST = withSession({ role: "citizen" }, async ({ actor, container, body }) =>
  Response.json(toConsentView(await grantConsent(container.deps, actor, body)), { status: 201 }),
);

export const PUT = withSession({ role: "citizen" }, async ({ actor, container, body }) =>
  Response.json(toConsentView(await amendConsent(container.deps, actor, body))),
);
