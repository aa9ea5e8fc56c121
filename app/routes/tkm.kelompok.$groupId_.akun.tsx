import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireTkmOfficer } from "~/.server/auth/guards";
import { giveSignInCode, listMemberAccounts } from "~/.server/auth/member-accounts";
import { invariantResponse } from "~/.server/http/responses";
import { readForm } from "~/.server/http/form";
import { allErrors } from "~/components/forms";
import { MemberCodes } from "~/components/member-codes";
import { GiveCodeSchema } from "~/forms/member-account";
import { useT } from "~/utils/i18n";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.title");

// A TKM officer gives a member of a group in the team's area her code (the ketua may have no
// phone with her, or be the one who left). A group outside the area is answered as not existing.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team } = await requireTkmOfficer(request);
  const list = await listMemberAccounts({
    kind: "tkm",
    areaPath: team.areaPath,
    groupId: params.groupId ?? "",
  });
  invariantResponse(list);
  return list;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, team } = await requireTkmOfficer(request);
  const giver = { kind: "tkm" as const, areaPath: team.areaPath, groupId: params.groupId ?? "" };
  const submission = parseWithZod(await readForm(request), { schema: GiveCodeSchema });
  if (submission.status !== "success")
    return Response.json({ reply: submission.reply(), given: null }, { status: 400 });
  const given = await giveSignInCode(giver, viewer.id, submission.value.memberId);
  if (!given.ok) {
    // Not on this page: a group outside the area, or another group's member.
    invariantResponse(!given.notFound ? given : null);
    return Response.json(
      { reply: submission.reply({ formErrors: [given.key] }), given: null },
      { status: 400 },
    );
  }
  return Response.json(
    { reply: null, given: { code: given.code, memberName: given.memberName, expiresAt: given.expiresAt } },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function TkmMemberAccounts() {
  const t = useT();
  const { group, members } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <Link to={`/tkm/kelompok/${group.id}`} className="link inline-flex min-h-11 items-center">
        ← {group.name}
      </Link>
      <header>
        <h1 className="text-2xl font-bold">{t("account.title")}</h1>
        <p className="text-stone-600">{t("account.intro")}</p>
        <p className="text-stone-600">{t("stew.account.tkm_intro")}</p>
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
