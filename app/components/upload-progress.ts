import { useNavigate, useSubmit } from "@remix-run/react";
import { useState, type FormEvent } from "react";

/**
 * With JavaScript, a form carrying photos is sent by XMLHttpRequest so the phone can show how
 * much has gone up (fetch cannot report upload progress). When the server answers with a
 * redirect, it has saved the form: we go where it sent us, whatever that page answers, and never
 * send the form again. When it answers on the same address, it refused (a 4xx with messages), so
 * the same form is sent again the ordinary Remix way for its messages to appear as usual. Without
 * JavaScript the form posts as HTML.
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
      const next = afterUpload(target.href, xhr.responseURL);
      if (next.go) navigate(next.go);
      else submit(form, { method: "post", encType: "multipart/form-data" });
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

/**
 * What to do once the upload is answered. A redirect (the request ended somewhere else) means
 * the form was saved: go there, even if that page is an error, and never send it again. An
 * answer at the same address is a refusal: send it again the Remix way to show its messages.
 */
export function afterUpload(sentTo: string, landedOn: string): { go: string } | { go: null } {
  if (!landedOn) return { go: null };
  const landed = new URL(landedOn);
  if (landed.href === new URL(sentTo).href) return { go: null };
  return { go: `${landed.pathname}${landed.search}` };
}
