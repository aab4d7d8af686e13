/** What `npm run schema:types` generates, and how: shared with the drift test. */

/** Each schema in schemas/ and the TypeScript file in pipeline/ generated from it. */
export const SCHEMA_TYPES = [
  { schema: 'document.schema.json', types: 'schema-types.ts' },
  { schema: 'run-report.schema.json', types: 'run-report-types.ts' },
];

/** json-schema-to-typescript options for one schema. */
export function json2tsOptions(schema) {
  return {
    additionalProperties: false,
    unreachableDefinitions: true,
    bannerComment: `/* Generated from schemas/${schema} by \`npm run schema:types\`. Do not edit. */`,
  };
}
