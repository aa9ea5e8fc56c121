import { useRef, type FormEvent, type InputHTMLAttributes, type ReactNode } from "react";
import { translateEncoded, useT } from "~/utils/i18n";
import { caretAfterRegroup, groupThousands, regroupAsTyped } from "~/utils/money";

/** Errors arrive as catalog keys (see app/forms); shown in the reader's language. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] | null }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 text-sm font-medium text-red-700">
      {errors.map((error) => (
        <li key={error}>{translateEncoded(t, error)}</li>
      ))}
    </ul>
  );
}

export function Field({
  label,
  htmlFor,
  errorId,
  errors,
  hint,
  children,
}: {
  label: string;
  htmlFor: string;
  errorId: string;
  errors?: string[] | null;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={htmlFor} className="block font-medium">
        {label}
      </label>
      {children}
      {hint ? <p className="text-sm text-stone-500">{hint}</p> : null}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

/** Every message of a conform reply, field and form alike: for small forms that show them together. */
export function allErrors(reply: { error?: Record<string, string[] | null> } | undefined): string[] | null {
  const messages = Object.values(reply?.error ?? {}).flatMap((list) => list ?? []);
  return messages.length > 0 ? messages : null;
}

/**
 * What was typed into `name` before the server refused the form (conform's reply carries it), so
 * a page rendered again without JavaScript shows it instead of an empty field.
 */
export function typedValue(
  reply: { initialValue?: Record<string, unknown> | null } | undefined,
  name: string,
): string | undefined {
  const value = reply?.initialValue?.[name];
  return typeof value === "string" ? value : undefined;
}

export function FormErrors({ errors }: { errors?: string[] | null }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-800">
      {errors.map((error) => (
        <p key={error}>{translateEncoded(t, error)}</p>
      ))}
    </div>
  );
}

/** A question answered by one of a few choices, as big radio rows a thumb can hit. */
export function RadioChoices({
  legend,
  name,
  choices,
  checked,
  errorId,
  errors,
}: {
  legend: string;
  name: string;
  choices: { value: string; label: string }[];
  checked: string | undefined;
  errorId?: string;
  errors?: string[] | null;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">{legend}</legend>
      {choices.map((choice) => (
        <label
          key={choice.value}
          className="flex min-h-11 items-center gap-3 rounded-lg border border-stone-300 bg-white px-3"
        >
          <input
            type="radio"
            name={name}
            value={choice.value}
            defaultChecked={checked === choice.value}
            className="size-5"
          />
          {choice.label}
        </label>
      ))}
      {errorId ? <FieldErrors id={errorId} errors={errors} /> : null}
    </fieldset>
  );
}

/** The picture types the image pipeline reads (HEIC is what many phones take). */
const PHOTO_TYPES = "image/jpeg,image/png,image/webp,image/heic,image/heif";

/** A file input for photos, tied to its Field's error message. */
export function PhotoInput({
  id,
  name,
  errorId,
  errors,
  multiple = false,
}: {
  id: string;
  name: string;
  errorId: string;
  errors?: string[] | null;
  multiple?: boolean;
}) {
  return (
    <input
      id={id}
      name={name}
      type="file"
      multiple={multiple}
      accept={PHOTO_TYPES}
      aria-invalid={errors?.length ? true : undefined}
      aria-describedby={errors?.length ? errorId : undefined}
      className="field-input"
    />
  );
}

/** A whole-number input as a phone should offer it: the numeric keypad. `className` adds to the field style. */
export function WholeNumberInput({
  className,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  return (
    <input
      type="number"
      inputMode="numeric"
      className={className ? `field-input ${className}` : "field-input"}
      {...props}
    />
  );
}

/**
 * A rupiah amount, typed the way people write it ("35.000", "Rp 35.000", "35 rb"): a plain text
 * field that the form's schema reads (app/forms/fields.ts `rupiah`), so it works without
 * JavaScript. With JavaScript, digits are grouped by thousands as she types; anything else she
 * types (a comma, "rb") is left as it is for the schema to read or refuse.
 */
export function MoneyInput({
  className,
  defaultValue,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "value" | "onInput" | "onFocus">) {
  const before = useRef("");
  const shown = typeof defaultValue === "number" ? String(defaultValue) : defaultValue;
  function remember(event: FormEvent<HTMLInputElement>) {
    before.current = event.currentTarget.value;
  }
  function regroup(event: FormEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const native = event.nativeEvent as InputEvent;
    const inserted = native.inputType?.startsWith("delete") ? null : (native.data ?? "");
    const after = input.value;
    const next = regroupAsTyped(before.current, after, inserted);
    if (next !== after) {
      const caret = caretAfterRegroup(after, input.selectionEnd ?? after.length, next);
      input.value = next;
      input.setSelectionRange(caret, caret);
    }
    before.current = next;
  }
  return (
    <input
      {...props}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      defaultValue={typeof shown === "string" ? groupThousands(shown) : shown}
      onFocus={remember}
      onInput={regroup}
      className={className ? `field-input ${className}` : "field-input"}
    />
  );
}
