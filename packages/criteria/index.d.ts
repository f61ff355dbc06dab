/** The folder holding the built-in sets, one `<id>.json` per set. */
export declare const setsDir: string;
/** The file names of the built-in sets, sorted. */
export declare function setFiles(): string[];
/** Every built-in set, parsed (not validated: pass each to @tieuchi/core's `validateCriteriaSet`). */
export declare function loadSets(): unknown[];
