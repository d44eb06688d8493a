/**
 * Imported first by main.tsx, so it runs before any schema is built: zod
 * probes for eval when it builds an object schema, and an extension page's
 * CSP refuses eval, so the probe only costs time (and a CSP report).
 */
import { config } from 'zod/mini';

config({ jitless: true });
