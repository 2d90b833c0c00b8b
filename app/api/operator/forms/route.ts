/** Operators: review a consent-form draft against the latest version, or publish it. */
import { withSession } from "../../../../lib/auth/with-session";
import { DEFAULT_FORM_ID } from "../../../../lib/consent/forms";
import { reviewOrPublishForm } from "../../../../lib/usecases/form-publication";

export const GET = withSession({ role: "operator" }, async ({ container }) => {
  const versions = await container.stores.forms.list(DEFAULT_FORM_ID);
  return Response.json({
    formId: DEFAULT_FORM_ID,
    versions: versions.map((v) => ({ version: v.version, material: v.material, publishedAt: v.publishedAt, textHashes: v.textHashes })),
  });
});

// A form version with every EU language is a few hundred kilobytes of text.
export const POST = withSession({ role: "operator", maxBodyBytes: 2 * 1024 * 1024 }, async ({ actor, container, body }) => {
  const { review, published } = await reviewOrPublishForm(container.deps, actor, body);
  return Response.json(
    { review, published: published ? { formId: published.formId, version: published.version, textHashes: published.textHashes } : null },
    { status: published ? 201 : 200 },
  );
});
