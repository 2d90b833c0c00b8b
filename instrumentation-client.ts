/**
 * Runs in the browser before any of the portal's own code (Next.js instrumentation-client).
 *
 * zod compiles object parsers with `new Function` when it may, and finds out whether it may by
 * trying once, when the first object schema is built. The Content Security Policy forbids eval
 * (lib/http/csp.ts), so that try would be blocked and reported as a violation on every page with a
 * form. In the browser zod runs without compiling instead: the schemas are small and parse on a
 * click, where the difference does not show. The server keeps the compiled parsers.
 */
import { z } from "zod";

z.config({ jitless: true });
