/**
 * piscina, the batch's and the processor's worker pool, loaded when a run has
 * workers (lib/lazy.ts). Its own module so that no published type names
 * piscina's (they need a newer @types/node than a user may have).
 */
import { lazy } from './lazy.js';

export const piscina = lazy<typeof import('piscina')>('piscina');
