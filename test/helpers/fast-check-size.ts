/**
 * Property tests generate their values up to the sizes they name: fast-check's default size ('small') stops arrays
 * and strings near ten elements whatever their maxLength (an article number with an ideographic space at its edge,
 * a trie node of more than 8 edges were never made by tests that named more). 'medium' goes up to a hundred, past
 * every maxLength the tests name; 'max' would also make the strings without one as long as memory allows. Loaded
 * before every test file (vitest.config.ts).
 */
import fc from 'fast-check';

fc.configureGlobal({ baseSize: 'medium' });
