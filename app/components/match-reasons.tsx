import type { MatchReason } from "~/.server/matching/score";
import { useT } from "~/utils/i18n";

/** "anyaman bambu cocok · bisa selesai 5 hari sebelum tanggal · 3 km", in the reader's language. */
export function MatchReasons({ reasons, className }: { reasons: MatchReason[]; className?: string }) {
  const t = useT();
  if (reasons.length === 0) return null;
  return (
    <p className={className ?? "text-sm text-stone-600"}>
      {reasons.map((r) => t(r.key, r.params)).join(" · ")}
    </p>
  );
}
