/** Options shared by `npm run schema:types` and the drift test. */
export const JSON2TS_OPTIONS = {
  additionalProperties: false,
  unreachableDefinitions: true,
  bannerComment: '/* Generated from schemas/document.schema.json by `npm run schema:types`. Do not edit. */',
};
