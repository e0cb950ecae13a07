/**
 * Zod compiles fast object parsers with `new Function`, and probes for it when a
 * schema is created. The pages' Content Security Policy forbids eval, and even the
 * caught probe is reported as a violation, so the app runs Zod jitless. This module
 * must be evaluated before any schema is created: each entry imports it first.
 */
import { z } from "zod";

z.config({ jitless: true });
