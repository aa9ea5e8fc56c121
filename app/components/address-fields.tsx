import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useT } from "~/utils/i18n";
import { Field } from "./forms";

type Text = FieldMetadata<string | undefined>;

/** Recipient, phone, street line and village: a new delivery address, at checkout or in the book. */
export function AddressFields({
  fields,
  villages,
}: {
  fields: { recipient: Text; phone: Text; line: Text; villageId: Text };
  villages: { id: string; name: string; district: string }[];
}) {
  const t = useT();
  return (
    <>
      <Field
        label={t("checkout.recipient")}
        htmlFor={fields.recipient.id}
        errorId={fields.recipient.errorId}
        errors={fields.recipient.errors}
      >
        <input
          {...getInputProps(fields.recipient, { type: "text" })}
          autoComplete="name"
          className="field-input"
        />
      </Field>
      <Field
        label={t("checkout.phone")}
        htmlFor={fields.phone.id}
        errorId={fields.phone.errorId}
        errors={fields.phone.errors}
      >
        <input {...getInputProps(fields.phone, { type: "tel" })} autoComplete="tel" className="field-input" />
      </Field>
      <Field
        label={t("checkout.address_line")}
        htmlFor={fields.line.id}
        errorId={fields.line.errorId}
        errors={fields.line.errors}
      >
        <textarea
          {...getTextareaProps(fields.line)}
          rows={2}
          autoComplete="street-address"
          className="field-input"
        />
      </Field>
      <Field
        label={t("checkout.village")}
        htmlFor={fields.villageId.id}
        errorId={fields.villageId.errorId}
        errors={fields.villageId.errors}
      >
        <select {...getInputProps(fields.villageId, { type: "text" })} className="field-input">
          <option value="">{t("form.choose")}</option>
          {villages.map((village) => (
            <option key={village.id} value={village.id}>
              {village.name} ({village.district})
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
