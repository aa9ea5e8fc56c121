import { NavLink } from "@remix-run/react";
import { useT } from "~/utils/i18n";

/** The three pages of the group's people and their income, as tabs a thumb can hit. */
export function MembersNav() {
  const t = useT();
  const tab = ({ isActive }: { isActive: boolean }) =>
    `inline-flex min-h-11 items-center rounded-lg px-3 font-medium ${isActive ? "bg-emerald-800 text-white" : "bg-stone-100 text-stone-800"}`;
  return (
    <nav aria-label={t("members.nav_label")} className="flex flex-wrap gap-2 print:hidden">
      <NavLink to="/kelola/anggota" end className={tab}>
        {t("members.nav_members")}
      </NavLink>
      <NavLink to="/kelola/anggota/kerja" className={tab}>
        {t("members.nav_work")}
      </NavLink>
      <NavLink to="/kelola/bagi-hasil" className={tab}>
        {t("members.nav_sharing")}
      </NavLink>
    </nav>
  );
}
