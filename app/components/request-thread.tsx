import { Form } from "@remix-run/react";
import { FieldErrors, PhotoInput } from "~/components/forms";
import { ResponsiveImage, type ResponsiveImageData } from "~/components/responsive-image";
import { useLang, useT } from "~/utils/i18n";
import { systemLineText } from "~/utils/thread-text";
import { formatDateTime } from "~/utils/time";

export type ThreadLineData = {
  id: string;
  side: "BUYER" | "GROUP" | "SYSTEM";
  authorName: string | null;
  body: string;
  params: Record<string, unknown> | null;
  photo: ResponsiveImageData | null;
  createdAt: string | Date;
};

/**
 * One request's conversation between a buyer and a group: their lines, the system's lines about
 * the quote, and a form to write (text and an optional photo) that works without JavaScript.
 */
export function RequestThread({
  lines,
  viewerSide,
  names,
  errors,
  busy,
}: {
  lines: ThreadLineData[];
  viewerSide: "BUYER" | "GROUP";
  names: { BUYER: string; GROUP: string };
  errors?: { body?: string[] | null; photo?: string[] | null };
  busy: boolean;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="card space-y-3" aria-labelledby="thread-title">
      <h2 id="thread-title" className="font-bold">
        {t("thread.title", { name: viewerSide === "GROUP" ? names.BUYER : names.GROUP })}
      </h2>
      <p className="text-sm text-stone-600">{t("thread.private")}</p>
      {lines.length === 0 ? (
        <p className="text-stone-600">{t("thread.empty")}</p>
      ) : (
        <ol className="space-y-2">
          {lines.map((line) =>
            line.side === "SYSTEM" ? (
              <li key={line.id} className="rounded-lg bg-stone-100 px-3 py-2 text-sm text-stone-700">
                <span className="sr-only">{t("thread.system")}: </span>
                {systemLineText(t, lang, line.body, line.params)}
                <span className="block text-xs text-stone-700">{formatDateTime(line.createdAt, lang)}</span>
              </li>
            ) : (
              <li
                key={line.id}
                className={`rounded-lg border px-3 py-2 ${
                  line.side === viewerSide
                    ? "ml-6 border-brand-200 bg-brand-50"
                    : "mr-6 border-stone-200 bg-white"
                }`}
              >
                <p className="text-xs font-medium text-stone-600">
                  {names[line.side]}
                  {line.authorName ? ` · ${line.authorName}` : ""} · {formatDateTime(line.createdAt, lang)}
                </p>
                <p className="whitespace-pre-line break-words">{line.body}</p>
                {line.photo ? (
                  <div className="mt-2 max-w-xs">
                    <ResponsiveImage image={line.photo} alt={t("thread.photo_alt")} sizes="20rem" />
                  </div>
                ) : null}
              </li>
            ),
          )}
        </ol>
      )}
      <Form method="post" encType="multipart/form-data" className="space-y-2">
        <input type="hidden" name="intent" value="message" />
        <label htmlFor="thread-body" className="block font-medium">
          {t("thread.message_label")}
        </label>
        <textarea
          id="thread-body"
          name="body"
          required
          maxLength={2000}
          rows={3}
          className="field-input"
          aria-invalid={errors?.body?.length ? true : undefined}
          aria-describedby={errors?.body?.length ? "thread-body-error" : undefined}
        />
        <FieldErrors id="thread-body-error" errors={errors?.body} />
        <label htmlFor="thread-photo" className="block text-sm font-medium">
          {t("thread.photo_label")}
        </label>
        <PhotoInput id="thread-photo" name="photo" errorId="thread-photo-error" errors={errors?.photo} />
        <FieldErrors id="thread-photo-error" errors={errors?.photo} />
        <button type="submit" className="btn-primary" disabled={busy}>
          {t("thread.send")}
        </button>
      </Form>
    </section>
  );
}
