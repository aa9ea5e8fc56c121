import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTkmOfficer } from "~/.server/auth/guards";
import { readForm } from "~/.server/http/form";
import { getLang } from "~/.server/http/lang";
import { refusalResponse } from "~/.server/http/refusal";
import { createInstitution, institutionAreaChoices } from "~/.server/institutions/institutions";
import { FormErrors } from "~/components/forms";
import { InstitutionFields } from "~/components/institutions";
import { InstitutionSchema } from "~/forms/institutions";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "inst.add");

export async function loader({ request }: LoaderFunctionArgs) {
  const { team } = await requireTkmOfficer(request);
  return { areas: await institutionAreaChoices({ areaPath: team.areaPath }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, team } = await requireTkmOfficer(request);
  const submission = parseWithZod(await readForm(request), { schema: InstitutionSchema });
  if (submission.status !== "success") return Response.json(submission.reply(), { status: 400 });
  const result = await createInstitution({ areaPath: team.areaPath }, viewer.id, submission.value);
  if (!result.ok) return refusalResponse(submission.reply, result, await getLang(request));
  return redirect(`/tkm/lembaga/${result.id}?tersimpan=lembaga`);
}

export default function NewInstitution() {
  const t = useT();
  const { areas } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="space-y-4">
      <Link to="/tkm/lembaga" className="link inline-flex min-h-11 items-center">
        ← {t("inst.back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("inst.add")}</h1>
      <Form method="post" className="card space-y-3">
        <FormErrors errors={lastResult?.error?.[""] ?? null} />
        <InstitutionFields areas={areas} lastResult={lastResult} />
        <button type="submit" className="btn-primary" disabled={busy}>
          {t("inst.save")}
        </button>
      </Form>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
