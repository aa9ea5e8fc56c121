import { Form, useNavigation } from "@remix-run/react";
import { FormErrors } from "~/components/forms";
import { useLang, useT } from "~/utils/i18n";
import type { MessageKey } from "~/locales";
import { formatDateTime } from "~/utils/time";

const MEMBER_ROLE_KEYS = {
  KETUA: "account.role.KETUA",
  SEKRETARIS: "account.role.SEKRETARIS",
  BENDAHARA: "account.role.BENDAHARA",
  ANGGOTA: "account.role.ANGGOTA",
} as const satisfies Record<string, MessageKey>;

type MemberRow = {
  id: string;
  name: string;
  role: keyof typeof MEMBER_ROLE_KEYS;
  hasPhone: boolean;
  hasAccount: boolean;
  codeExpiresAt: string | Date | null;
  canGetCode: boolean;
  whyNoCode: "officer" | "phone" | null;
};

type Given = { code: string; memberName: string; expiresAt: string | Date } | null;

/**
 * The group's members and "Beri kode masuk": the code is shown once, on the page the form returns,
 * to be read out or written down for her; only its hash is kept.
 */
export function MemberCodes({
  members,
  given,
  errors,
}: {
  members: MemberRow[];
  given: Given;
  errors: string[] | null;
}) {
  const t = useT();
  const lang = useLang();
  const navigation = useNavigation();
  return (
    <div className="space-y-4">
      {given ? (
        <div role="status" className="rounded-lg border border-brand-600 bg-brand-50 p-3 text-brand-800">
          <p className="font-medium">{t("account.code_for", { name: given.memberName })}</p>
          <p className="my-2 font-mono text-3xl font-bold tracking-widest">
            {given.code.slice(0, 4)} {given.code.slice(4)}
          </p>
          <p className="text-sm">
            {t("account.code_until", { when: formatDateTime(given.expiresAt, lang) })}
          </p>
          <p className="text-sm">{t("account.code_how")}</p>
        </div>
      ) : null}
      <FormErrors errors={errors} />
      {members.length === 0 ? (
        <p className="card text-stone-600">{t("account.no_members")}</p>
      ) : (
        <ul className="space-y-2">
          {members.map((member) => (
            <li key={member.id} className="card space-y-2 p-3">
              <div>
                <p className="font-semibold">{member.name}</p>
                <p className="text-sm text-stone-600">
                  {t(MEMBER_ROLE_KEYS[member.role])} ·{" "}
                  {member.hasAccount ? t("account.has_account") : t("account.no_account")}
                </p>
                {member.codeExpiresAt ? (
                  <p className="text-sm text-stone-600">
                    {t("account.code_waiting", { when: formatDateTime(member.codeExpiresAt, lang) })}
                  </p>
                ) : null}
              </div>
              {member.canGetCode ? (
                <Form method="post">
                  <input type="hidden" name="memberId" value={member.id} />
                  <button
                    type="submit"
                    className="btn-secondary w-full"
                    disabled={navigation.state === "submitting"}
                    aria-label={t("account.give_code_for", { name: member.name })}
                  >
                    {member.hasAccount ? t("account.give_new_code") : t("account.give_code")}
                  </button>
                </Form>
              ) : (
                <p className="text-sm text-stone-600">
                  {member.whyNoCode === "officer" ? t("account.officer_signs_in") : t("account.needs_phone")}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
