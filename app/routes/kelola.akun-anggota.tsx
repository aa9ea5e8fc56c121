import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireGroupManager } from "~/.server/auth/guards";
import { giveSignInCode, listMemberAccounts } from "~/.server/auth/member-accounts";
import { invariantResponse } from "~/.server/http/responses";
import { readForm } from "~/.server/http/form";
import { allErrors } from "~/components/forms";
import { MemberCodes } from "~/components/member-codes";
import { GiveCodeSchema } from "~/forms/member-account";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.title");

/** Only the ketua gives members their codes (or a TKM officer: tkm.kelompok.$groupId_.akun). */
async function requireKetua(request: Request) {
  const { viewer, group } = await requireGroupManager(request);
  invariantResponse(group.role === "KETUA" ? group : null);
  return { viewer, group };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { group } = await requireKetua(request);
  const list = await listMemberAccounts({ kind: "ketua", groupId: group.id });
  invariantResponse(list);
  return list;
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, group } = await requireKetua(request);
  const submission = parseWithZod(await readForm(request), { schema: GiveCodeSchema });
  if (submission.status !== "success")
    return Response.json({ reply: submission.reply(), given: null }, { status: 400 });
  const given = await giveSignInCode(
    { kind: "ketua", groupId: group.id },
    viewer.id,
    submission.value.memberId,
  );
  if (!given.ok) {
    invariantResponse(!given.notFound ? given : null);
    return Response.json(
      { reply: submission.reply({ formErrors: [given.key] }), given: null },
      { status: 400 },
    );
  }
  // The code is in this one answer only; reloading the page does not show it again.
  return Response.json(
    { reply: null, given: { code: given.code, memberName: given.memberName, expiresAt: given.expiresAt } },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function MemberAccounts() {
  const t = useT();
  const { group, members } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <Link to="/kelola" className="link inline-flex min-h-11 items-center">
        ← {group.name}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{t("account.title")}</h1>
        <p className="text-stone-600">{t("account.intro")}</p>
      </header>
      <MemberCodes
        members={members}
        given={result?.given ?? null}
        errors={allErrors(result?.reply ?? undefined)}
      />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
