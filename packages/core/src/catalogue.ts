/**
 * One way to write the words a person reads, for every package (core, CLI, report, app, server): a table of
 * `{ vi, en }` templates per package, by code, built with `defineMessages`. Modelled on workbox's messages map.
 *
 * Templates fill `{name}` from the arguments; `{name:one|other}` picks the plural form for the number in `name`
 * by the language's plural rules (Intl.PluralRules: English "1 item", "2 items"; Vietnamese has one form).
 */

/** A text in both languages, Vietnamese first. */
export type Msg = { vi: string; en: string };
/** The languages of the product. */
export type Lang = keyof Msg;
/** Message arguments: a value for both languages, or `{ vi, en }` where the wording differs. */
export type MessageArgs = Record<string, string | number | Msg>;

const PLURAL = { vi: new Intl.PluralRules('vi'), en: new Intl.PluralRules('en') };

/** Fills one template for one language (see the module comment for the syntax). */
export function fillTemplate(template: string, args: MessageArgs, lang: Lang): string {
  return template.replace(/\{(\w+)(?::([^|}]*)\|([^}]*))?\}/g, (m, k: string, one?: string, other?: string) => {
    const v = args[k];
    if (v === undefined) return m;
    if (one !== undefined) {
      const n = Number(typeof v === 'object' ? v.en : v); // a number written for both languages: its English digits
      return PLURAL[lang].select(n) === 'one' ? one : other!;
    }
    return typeof v === 'object' ? v[lang] : String(v);
  });
}

/** A package's message function: the message for `code` in both languages, placeholders filled. */
export type MessageFn<Code extends string> = (code: Code, args?: MessageArgs) => Msg;

/**
 * Builds a package's message function from its table. Codes are typed as the table's keys, so a missing or
 * misspelled code is a compile error:
 *
 * ```ts
 * const TABLE = { 'cli.done': { vi: 'Xong {n} tệp', en: 'Done: {n} {n:file|files}' } } as const satisfies MessageTable;
 * export const msg = defineMessages(TABLE);
 * msg('cli.done', { n: 1 }).en; // "Done: 1 file"
 * ```
 */
export function defineMessages<T extends MessageTable>(table: T): MessageFn<Extract<keyof T, string>> {
  return (code, args = {}) => {
    const t = table[code]!;
    return { vi: fillTemplate(t.vi, args, 'vi'), en: fillTemplate(t.en, args, 'en') };
  };
}

/** A package's table of templates. */
export type MessageTable = Record<string, Msg>;
