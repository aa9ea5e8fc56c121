import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireGroupManager } from "~/.server/auth/guards";
import { getGroupProfile, updateGroupProfile } from "~/.server/groups/profile";
import { readMultipartForm, tooLargeReply } from "~/.server/http/multipart";
import { ImageRejected } from "~/.server/images/pipeline";
import { Field, FormErrors } from "~/components/forms";
import { ResponsiveImage } from "~/components/responsive-image";
import { UploadProgressBar } from "~/components/upload-progress-bar";
import { useUploadProgress } from "~/components/upload-progress";
import { GroupProfileSchema } from "~/forms/group";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";
import { formatPhoneForDisplay } from "~/utils/phone";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "group_profile.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const { group } = await requireGroupManager(request);
  return { profile: await getGroupProfile(group.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  // The group is the manager's own: nothing in the form can name another.
  const { viewer, group } = await requireGroupManager(request);
  const formData = await readMultipartForm(request);
  if (formData === "too_large") return tooLargeReply("photo");
  const submission = parseWithZod(formData, { schema: GroupProfileSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const { photo, removePhoto, ...input } = submission.value;
  try {
    const changed = await updateGroupProfile(group.id, viewer.id, input, {
      add: photo ? new Uint8Array(await photo.arrayBuffer()) : null,
      remove: removePhoto === "on",
    });
    return redirect(`/kelola/profil?tersimpan=${changed.length > 0 ? 1 : 0}`);
  } catch (error) {
    if (error instanceof ImageRejected) {
      return Response.json(submission.reply({ fieldErrors: { photo: [error.problem] } }), { status: 400 });
    }
    throw error;
  }
}

export default function GroupProfile() {
  const t = useT();
  const { profile } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const saved = searchParams.get("tersimpan");
  return (
    <section className="mx-auto max-w-lg space-y-4">
      <Link to="/kelola" className="link inline-flex min-h-11 items-center">
        ← {t("manage.back")}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{t("group_profile.title")}</h1>
        <p className="text-stone-600">{t("group_profile.intro")}</p>
      </header>
      {saved ? (
        <p role="status" className="rounded-lg border border-brand-600 bg-brand-50 p-3 text-brand-800">
          {t(saved === "1" ? "group_profile.saved" : "group_profile.nothing_changed")}
        </p>
      ) : null}
      <Link to={`/kelompok/${profile.slug}`} className="link inline-flex min-h-11 items-center">
        {t("group_profile.see_public")}
      </Link>
      {/* A new form once saved: the values as stored (the account number in digits), no file chosen. */}
      <ProfileForm key={JSON.stringify(profile)} profile={profile} />
    </section>
  );
}

function ProfileForm({ profile }: { profile: ReturnType<typeof useLoaderData<typeof loader>>["profile"] }) {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    shouldRevalidate: "onInput",
    defaultValue: {
      name: profile.name,
      story: profile.story,
      rw: profile.rw ?? "",
      phone: profile.phone ? formatPhoneForDisplay(profile.phone) : "",
      bankName: profile.bankName ?? "",
      bankAccountNumber: profile.bankAccountNumber ?? "",
      bankAccountName: profile.bankAccountName ?? "",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: GroupProfileSchema }),
  });
  const formProps = getFormProps(form);
  const upload = useUploadProgress(formProps.onSubmit);
  const busy = navigation.state === "submitting" || upload.progress !== null;
  const text = (field: typeof fields.name, autoComplete?: string) => (
    <input {...getInputProps(field, { type: "text" })} autoComplete={autoComplete} className="field-input" />
  );
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="card space-y-4"
      {...formProps}
      onSubmit={upload.onSubmit}
    >
      <FormErrors errors={form.errors} />
      <Field
        label={t("group_profile.photo")}
        htmlFor={fields.photo.id}
        errorId={fields.photo.errorId}
        errors={fields.photo.errors}
        hint={t("group_profile.photo_hint")}
      >
        {profile.photo ? (
          <div className="space-y-2">
            <ResponsiveImage
              image={profile.photo}
              alt={t("group_profile.photo_current")}
              sizes="(min-width: 32rem) 32rem, 100vw"
              className="aspect-[4/3] w-full rounded-lg object-cover"
            />
            <label className="flex min-h-11 items-center gap-2">
              <input type="checkbox" name={fields.removePhoto.name} className="h-5 w-5" />
              {t("group_profile.photo_remove")}
            </label>
          </div>
        ) : null}
        <input
          id={fields.photo.id}
          name={fields.photo.name}
          type="file"
          accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
          aria-invalid={fields.photo.errors ? true : undefined}
          aria-describedby={fields.photo.errors ? fields.photo.errorId : undefined}
          className="field-input"
        />
      </Field>
      <Field
        label={t("group_profile.name")}
        htmlFor={fields.name.id}
        errorId={fields.name.errorId}
        errors={fields.name.errors}
        hint={t("group_profile.name_hint")}
      >
        {text(fields.name, "organization")}
      </Field>
      <Field
        label={t("group_profile.story")}
        htmlFor={fields.story.id}
        errorId={fields.story.errorId}
        errors={fields.story.errors}
        hint={t("group_profile.story_hint")}
      >
        <textarea {...getTextareaProps(fields.story)} rows={6} className="field-input" />
      </Field>
      <Field
        label={t("group_profile.rw")}
        htmlFor={fields.rw.id}
        errorId={fields.rw.errorId}
        errors={fields.rw.errors}
      >
        <input {...getInputProps(fields.rw, { type: "text" })} inputMode="numeric" className="field-input" />
      </Field>
      <Field
        label={t("group_profile.phone")}
        htmlFor={fields.phone.id}
        errorId={fields.phone.errorId}
        errors={fields.phone.errors}
        hint={t("group_profile.phone_hint")}
      >
        <input {...getInputProps(fields.phone, { type: "tel" })} autoComplete="tel" className="field-input" />
      </Field>
      <fieldset className="space-y-3">
        <legend className="font-bold">{t("group_profile.bank")}</legend>
        <p className="text-sm text-stone-600">{t("group_profile.bank_hint")}</p>
        <Field
          label={t("group_profile.bank_name")}
          htmlFor={fields.bankName.id}
          errorId={fields.bankName.errorId}
          errors={fields.bankName.errors}
        >
          {text(fields.bankName)}
        </Field>
        <Field
          label={t("group_profile.account_number")}
          htmlFor={fields.bankAccountNumber.id}
          errorId={fields.bankAccountNumber.errorId}
          errors={fields.bankAccountNumber.errors}
        >
          <input
            {...getInputProps(fields.bankAccountNumber, { type: "text" })}
            inputMode="numeric"
            className="field-input"
          />
        </Field>
        <Field
          label={t("group_profile.account_name")}
          htmlFor={fields.bankAccountName.id}
          errorId={fields.bankAccountName.errorId}
          errors={fields.bankAccountName.errors}
        >
          {text(fields.bankAccountName)}
        </Field>
      </fieldset>
      <label className="flex min-h-11 items-start gap-2">
        <input
          type="checkbox"
          name={fields.shareMemberNames.name}
          defaultChecked={profile.shareMemberNames}
          className="mt-1 h-5 w-5 shrink-0"
        />
        <span>
          {t("group_profile.share_names")}
          <span className="block text-sm text-stone-600">{t("group_profile.share_names_hint")}</span>
        </span>
      </label>
      <UploadProgressBar progress={upload.progress} />
      <button type="submit" className="btn-primary w-full" disabled={busy}>
        {busy ? t("product_form.saving") : t("group_profile.save")}
      </button>
    </Form>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
