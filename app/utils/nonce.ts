import { createContext, useContext } from "react";

// The Content-Security-Policy nonce of this response (server/security-headers.js), for Remix's
// inline scripts. Only the server render has one: browsers hide a nonce from the page once it is
// read, and the scripts that need it have run by the time the app hydrates.
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
