import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { datasetAreas, datasetProvinces, importAreas } from "~/.server/admin/areas-import";
import { browseAreas } from "~/.server/admin/areas-tree";
import { requireAdmin } from "~/.server/auth/guards";
import { adminDone, adminInvalid, adminRefused } from "~/.server/http/admin-reply";
import { readForm } from "~/.server/http/form";
import { getLang } from "~/.server/http/lang";
import { invariantResponse } from "~/.server/http/responses";
import { AdminNotice, AdminSection, FormProblems, type AdminResult } from "~/components/admin";
import { ImportAreasSchema } from "~/forms/admin";
import type { MessageKey } from "~/locales";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "adm.areas_title");

const LEVEL_KEYS: Record<string, MessageKey> = {
  PROVINCE: "adm.level_province",
  REGENCY: "adm.level_regency",
  DISTRICT: "adm.level_district",
  VILLAGE: "adm.level_village",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const code = new URL(request.url).searchParams.get("kode")?.trim() || null;
  const [tree, provinces] = await Promise.all([browseAreas(code), datasetProvinces()]);
  invariantResponse(tree);
  return { ...tree, provinces };
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer } = await requireAdmin(request);
  const submission = parseWithZod(await readForm(request), { schema: ImportAreasSchema });
  if (submission.status !== "success") return adminInvalid("import", null, submission.reply);
  const province = submission.value.province;
  const rows = await datasetAreas(province);
  if (rows.length === 0) {
    return adminRefused(
      "import",
      null,
      submission.reply,
      { key: "form.choose_one", field: "province" },
      await getLang(request),
    );
  }
  const outcome = await importAreas(rows, { actorId: viewer.id, scope: province });
  if (!outcome.ok) {
    return adminRefused(
      "import",
      null,
      submission.reply,
      { key: "adm.import_missing_parent", params: { code: outcome.missingParent } },
      await getLang(request),
    );
  }
  return adminDone("import", null, {
    key: "adm.import_done",
    params: { ...outcome.result, province: rows[0]?.name ?? province },
  });
}

export default function AdminAreas() {
  const t = useT();
  const { area, trail, children, provinces } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as AdminResult;
  const navigation = useNavigation();
  const importing = navigation.state === "submitting" && navigation.formData?.get("intent") === "import";
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold">{area ? area.name : t("adm.areas_title")}</h1>
        <p className="text-stone-600">
          {area ? `${t(LEVEL_KEYS[area.level]!)} · ${area.code}` : t("adm.areas_intro")}
        </p>
      </header>
      <nav aria-label={t("adm.areas_trail")}>
        <ol className="flex flex-wrap items-center gap-x-1 text-sm">
          <li>
            <Link to="/admin/wilayah" className="link inline-flex min-h-11 items-center">
              {t("adm.all_provinces")}
            </Link>
          </li>
          {trail.map((step) => (
            <li key={step.code} className="flex items-center gap-x-1">
              <span aria-hidden="true">›</span>
              <Link
                to={`/admin/wilayah?kode=${step.code}`}
                className="link inline-flex min-h-11 items-center"
              >
                {step.name}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      <AdminNotice result={result} />

      {children.length === 0 ? (
        <p className="card text-stone-600">{area ? t("adm.no_sub_areas") : t("adm.no_areas_yet")}</p>
      ) : (
        <ul className="card divide-y divide-stone-100 p-0" aria-label={t("adm.areas_title")}>
          {children.map((child) => (
            <li key={child.code} className="px-3 py-2">
              {child.children > 0 ? (
                <Link
                  to={`/admin/wilayah?kode=${child.code}`}
                  className="link inline-flex min-h-11 items-center font-medium"
                >
                  {child.name}
                </Link>
              ) : (
                <span className="inline-flex min-h-11 items-center font-medium">{child.name}</span>
              )}
              <span className="ml-2 font-mono text-xs text-stone-500">{child.code}</span>
              <p className="text-sm text-stone-600">
                {child.children > 0
                  ? t("adm.area_figures", {
                      areas: child.children,
                      groups: child.groups,
                      businesses: child.businesses,
                    })
                  : t("adm.area_figures_leaf", { groups: child.groups, businesses: child.businesses })}
              </p>
            </li>
          ))}
        </ul>
      )}

      <AdminSection title={t("adm.import_title")} id="import">
        <p className="text-stone-600">{t("adm.import_intro")}</p>
        <Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="import" />
          <FormProblems result={result} intent="import" />
          <div className="space-y-1">
            <label htmlFor="import-province" className="block font-medium">
              {t("adm.import_province")}
            </label>
            <select id="import-province" name="province" className="field-input" required defaultValue="32">
              {provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.code} · {p.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-primary" disabled={importing}>
            {importing ? t("adm.importing") : t("adm.import_button")}
          </button>
        </Form>
      </AdminSection>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
