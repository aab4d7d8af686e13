import type { Options } from 'json-schema-to-typescript';
export declare const JSON2TS_OPTIONS: Partial<Options>;
