/**
 * Per-request DataLoaders: a list of invoices loads all their notices in one statement (no N+1).
 * Each module declares its own loaders here by declaration merging (e.g. billing.loaders.ts) and makes
 * them; the composition root (server/src/loaders.ts) puts them together for each request.
 */
// biome-ignore lint/suspicious/noEmptyInterface: modules add their loaders by declaration merging
export interface Loaders {}
