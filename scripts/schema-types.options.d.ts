import type { Options } from 'json-schema-to-typescript';
export declare const SCHEMA_TYPES: readonly { schema: string; types: string }[];
export declare function json2tsOptions(schema: string): Partial<Options>;
