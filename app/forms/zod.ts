import { z } from "zod";

// The form schemas take zod from here, so this runs before any of them is built. Zod would
// otherwise try `new Function("")` to see whether it may compile faster parsers; the
// Content-Security-Policy forbids eval, and browsers report the try as a policy violation.
// Forms are small: the plain parser is fast enough, in the browser and on the server.
z.config({ jitless: true });

export { z };
