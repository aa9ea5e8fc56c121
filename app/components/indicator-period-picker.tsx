import { Form, Link } from "@remix-run/react";
import type { MessageKey, MessageParams } from "~/locales";
import { useLang, useT } from "~/utils/i18n";
import { periodLabel, type PeriodLike } from "~/utils/period-label";

// The period picker of the monitoring pages: quick choices and earlier/later as links, a custom
// run of months as a GET form. All plain links and a plain form: it works without JavaScript.

export type PeriodPickerData = {
  period: PeriodLike;
  previous: PeriodLike;
  quick: { key: MessageKey; href: string; current: boolean }[];
  earlierHref: string;
  laterHref: string;
  typed: { dari: string; sampai: string };
  problem: { key: MessageKey; params?: MessageParams; field: string } | null;
};

export function IndicatorPeriodPicker({ data, action }: { data: PeriodPickerData; action: string }) {
  const t = useT();
  const lang = useLang();
  const errorId = "mon-period-error";
  return (
    <section aria-labelledby="mon-period" className="card space-y-3">
      <h2 id="mon-period" className="font-bold">
        {data.problem
          ? t("mon.period.legend")
          : t("mon.period.showing", { period: periodLabel(data.period, t, lang) })}
      </h2>
      {data.problem ? null : (
        <p className="text-sm text-stone-600">
          {t("mon.period.compared", { period: periodLabel(data.previous, t, lang) })}
        </p>
      )}
      <nav aria-label={t("mon.period.quick")} className="flex flex-wrap gap-2">
        {data.quick.map((choice) => (
          <Link
            key={choice.key}
            to={choice.href}
            aria-current={choice.current ? "true" : undefined}
            className={`inline-flex min-h-11 items-center rounded-full border px-3 text-sm ${
              choice.current
                ? "border-brand-600 bg-brand-50 font-semibold text-brand-800"
                : "border-stone-300 bg-white"
            }`}
          >
            {t(choice.key)}
          </Link>
        ))}
      </nav>
      {data.problem ? null : (
        <nav aria-label={t("mon.period.legend")} className="flex justify-between gap-2 text-sm">
          <Link to={data.earlierHref} className="link inline-flex min-h-11 items-center">
            ← {t("mon.period.earlier")}
          </Link>
          <Link to={data.laterHref} className="link inline-flex min-h-11 items-center">
            {t("mon.period.later")} →
          </Link>
        </nav>
      )}
      <Form
        method="get"
        action={action}
        className="space-y-2"
        aria-describedby={data.problem ? errorId : undefined}
      >
        <fieldset className="space-y-2">
          <legend className="font-medium">{t("mon.period.custom")}</legend>
          <div className="grid grid-cols-2 gap-2">
            <label className="space-y-1 text-sm">
              <span className="block">{t("mon.period.from")}</span>
              <input
                type="month"
                name="dari"
                defaultValue={data.typed.dari}
                placeholder="2026-01"
                aria-invalid={data.problem?.field === "dari" ? true : undefined}
                className="field-input"
                required
              />
            </label>
            <label className="space-y-1 text-sm">
              <span className="block">{t("mon.period.to")}</span>
              <input
                type="month"
                name="sampai"
                defaultValue={data.typed.sampai}
                placeholder="2026-06"
                aria-invalid={data.problem?.field === "sampai" ? true : undefined}
                className="field-input"
                required
              />
            </label>
          </div>
          <p className="text-sm text-stone-500">{t("mon.period.month_hint")}</p>
        </fieldset>
        {data.problem ? (
          <p
            id={errorId}
            role="alert"
            className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-800"
          >
            {t(data.problem.key, data.problem.params)}
          </p>
        ) : null}
        <button type="submit" className="btn-secondary">
          {t("mon.period.show")}
        </button>
      </Form>
    </section>
  );
}
