import { useT } from "~/utils/i18n";

/** Phone, and name and position for a phone with no account yet: how the admin names a person. */
export function PersonFields({ idPrefix }: { idPrefix: string }) {
  const t = useT();
  return (
    <div className="grid gap-2 sm:grid-cols-3">
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-phone`} className="block font-medium">
          {t("adm.person_phone")}
        </label>
        <input
          id={`${idPrefix}-phone`}
          name="phone"
          type="tel"
          required
          maxLength={32}
          className="field-input"
          autoComplete="off"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-name`} className="block font-medium">
          {t("adm.person_name")}
        </label>
        <input
          id={`${idPrefix}-name`}
          name="name"
          maxLength={100}
          className="field-input"
          autoComplete="off"
        />
        <p className="text-sm text-stone-500">{t("adm.person_name_hint")}</p>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-position`} className="block font-medium">
          {t("adm.person_position")}
        </label>
        <input
          id={`${idPrefix}-position`}
          name="position"
          maxLength={60}
          className="field-input"
          autoComplete="off"
        />
      </div>
    </div>
  );
}
