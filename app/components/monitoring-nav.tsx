import { NavLink } from "@remix-run/react";
import { useT } from "~/utils/i18n";
import type { MessageKey } from "~/locales";

// The places of monitoring, one list for the dashboard's header: TKM's team sees every page of
// its work; the village government only what it may read (dashboard, network, report).

const TKM_PLACES: readonly [string, MessageKey][] = [
  ["/tkm", "mon.nav.dashboard"],
  ["/tkm/jaringan", "net.title"],
  ["/tkm/laporan", "mon.nav.report"],
  ["/tkm/ekspor", "mon.nav.exports"],
  ["/tkm/verifikasi", "stew.verify.nav"],
  ["/tkm/kelompok/baru", "stew.register.nav"],
  ["/tkm/lembaga", "inst.title"],
  ["/tkm/rapat", "meet.title"],
  ["/tkm/pembeli", "mon.links.tempo"],
  ["/tkm/permintaan", "mon.links.requests"],
];

const VILLAGE_PLACES: readonly [string, MessageKey][] = [
  ["/desa", "mon.nav.dashboard"],
  ["/desa/jaringan", "net.title"],
  ["/desa/laporan", "mon.nav.report"],
];

export function MonitoringNav({ kind }: { kind: "tkm" | "village" }) {
  const t = useT();
  const places = kind === "tkm" ? TKM_PLACES : VILLAGE_PLACES;
  return (
    <nav aria-label={t("mon.nav.label")}>
      <ul className="flex flex-wrap gap-x-4">
        {places.map(([to, label]) => (
          <li key={to}>
            <NavLink
              to={to}
              end
              className={({ isActive }) =>
                `link inline-flex min-h-11 items-center ${isActive ? "font-bold no-underline" : ""}`
              }
            >
              {t(label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
