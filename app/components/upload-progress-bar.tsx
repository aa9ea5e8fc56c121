import { useT } from "~/utils/i18n";

/** How much of a photo has gone up (see useUploadProgress); nothing while no upload runs. */
export function UploadProgressBar({ progress }: { progress: number | null }) {
  const t = useT();
  if (progress === null) return null;
  const percent = Math.round(progress * 100);
  return (
    <div role="status" className="space-y-1">
      <p className="text-sm font-medium">{t("product_form.uploading", { percent })}</p>
      <progress value={progress} max={1} className="h-3 w-full accent-brand-600">
        {percent}%
      </progress>
    </div>
  );
}
