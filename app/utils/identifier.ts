import { normalizeIndonesianPhone } from "./phone";

export type Identifier = { kind: "phone"; value: string } | { kind: "email"; value: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A sign-in identifier is an Indonesian mobile number or an email address. */
export function parseIdentifier(input: string): Identifier | null {
  const trimmed = input.trim();
  if (trimmed.includes("@")) {
    const email = trimmed.toLowerCase();
    return EMAIL.test(email) && email.length <= 254 ? { kind: "email", value: email } : null;
  }
  const phone = normalizeIndonesianPhone(trimmed);
  return phone ? { kind: "phone", value: phone } : null;
}
