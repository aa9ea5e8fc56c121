// Passwords people here and everywhere pick first; refused at sign-up. Compared in lower case.
const COMMON_PASSWORDS = new Set([
  "12345678",
  "123456789",
  "1234567890",
  "12341234",
  "11111111",
  "00000000",
  "87654321",
  "password",
  "password1",
  "password123",
  "passw0rd",
  "qwertyui",
  "qwerty123",
  "qwertyuiop",
  "abcd1234",
  "abc12345",
  "iloveyou",
  "sayang123",
  "bismillah",
  "bismillah123",
  "indonesia",
  "indonesia123",
  "jakarta123",
  "bandung123",
  "rahasia123",
  "rahasia1",
  "katasandi",
  "admin123",
  "welcome1",
  "sunshine",
  "football",
  "superman",
  "1q2w3e4r",
  "aaaaaaaa",
  "asdfghjk",
  "asdf1234",
  "zxcvbnm1",
  "alhamdulillah",
  "jejaring",
  "jejaring123",
  "kube1234",
  "lembang123",
]);

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  return (
    COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(lower) || /^(0123456789|123456789|987654321)/.test(lower)
  );
}
