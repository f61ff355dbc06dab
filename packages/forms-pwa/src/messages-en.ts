/**
 * The English texts of the start-up message table, loaded by `setLocale('en')` on the first switch (issue 20,
 * ADR 0017). As written here (development, tests) they are read from the table itself; the production build
 * replaces this module with a literal table and strips the English from the start-up chunk
 * (`scripts/split-english.ts`).
 */
import { messages } from './messages.js';

/** Key → English template. */
export const english: Record<string, string> = Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, v.en]));
