/**
 * Zod's classic object schemas compile fast parsers with `new Function`, and probe for
 * it when a schema is created; the pages' Content Security Policy forbids eval, and
 * even the caught probe is reported as a violation. The app's schemas use `zod/mini`,
 * whose objects do not compile, so nothing probes today; this keeps it so if a classic
 * schema ever reaches a page. Each entry imports this module first, before any schema
 * module is evaluated. (The configuration is shared by classic and mini.)
 */
import { z } from "zod/mini";

z.config({ jitless: true });
