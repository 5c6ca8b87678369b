/** Limits on a profile file, checked before and while parsing (the CLI can raise them). */
export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 32;
export const DEFAULT_MAX_ITEMS = 10000;
