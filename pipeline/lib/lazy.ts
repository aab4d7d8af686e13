/**
 * Packages a run may not need, loaded on first use instead of at start-up:
 * the HTML parser only for HTML, the Markdown parser only for Markdown, the
 * schema compiler only when a schema has no prepared validator, piscina only
 * with workers, the progress bar only when it is drawn. Importing them all
 * cost a one-document run ≈ 0.2 s before its first line (Benchmark, cold
 * start). Synchronous code calls them, so they are required, not imported:
 * Node ≥ 20.19 requires an ES module synchronously (`require(esm)`).
 *
 * The memo holds the module only: which package is loaded changes no result.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** `load()` gives the package's module, required on the first call (once per thread). */
export function lazy<T>(specifier: string): () => T {
  let module: T | undefined;
  return () => (module ??= require(specifier) as T);
}
