import { useNavigate, useSubmit } from "@remix-run/react";
import { useState, type FormEvent } from "react";

/**
 * With JavaScript, a form carrying photos is sent by XMLHttpRequest so the phone can show how
 * much has gone up (fetch cannot report upload progress). When the server answers with a
 * redirect, we follow it; when it refuses (a 4xx with messages), the same form is sent again the
 * ordinary Remix way so its messages appear as usual. Without JavaScript the form posts as HTML.
 */
export function useUploadProgress(validate: (event: FormEvent<HTMLFormElement>) => void) {
  const [progress, setProgress] = useState<number | null>(null);
  const navigate = useNavigate();
  const submit = useSubmit();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    validate(event);
    if (event.defaultPrevented) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const hasFiles = [...data.values()].some((value) => value instanceof File && value.size > 0);
    if (!hasFiles) return; // nothing worth a progress bar: let Remix submit it
    event.preventDefault();
    const target = new URL(form.action || window.location.href, window.location.href);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", target.href);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      setProgress(null);
      const landed = xhr.responseURL ? new URL(xhr.responseURL) : null;
      if (xhr.status === 200 && landed && landed.href !== target.href) {
        navigate(`${landed.pathname}${landed.search}`);
      } else {
        submit(form, { method: "post", encType: "multipart/form-data" });
      }
    };
    xhr.onerror = () => {
      setProgress(null);
      submit(form, { method: "post", encType: "multipart/form-data" });
    };
    setProgress(0);
    xhr.send(data);
  }

  return { progress, onSubmit };
}
