/**
 * Turns ajv's errors into {@link Problem}s a criteria author understands: a JSON Pointer, a code and a
 * message in Vietnamese and English. Redundant errors (the branches of a union that were not meant) are
 * dropped so the author sees the one that matters.
 */
import { message } from './all-messages.js';
import type { Problem } from './outcome.js';
import type { CriteriaSetPassRule } from './generated/types.js';
import { RESPONSE_KINDS } from './kinds/index.js';

/** The shape of an ajv error object (ajv's ErrorObject, restated so core needs no ajv types at run time). */
export interface AjvError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
  /** Set by ajv on errors inside `propertyNames`: the offending key. */
  propertyName?: string;
}

const FORMAT_HINTS: Record<string, string> = {
  '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$': 'id: letters, digits, ".", "_", "-"',
  '^\\d{4}-\\d{2}-\\d{2}$': 'date YYYY-MM-DD',
  '^[0-9a-f]{64}$': 'SHA-256 hex',
};

/**
 * Every pass-rule kind, checked against the schema's union by the type system (a kind missing here or unknown
 * to the schema does not compile).
 */
const PASS_RULE_KINDS: Record<CriteriaSetPassRule['kind'], true> = {
  'total-percent-at-least': true,
  'each-criterion-percent-at-least': true,
  'each-section-percent-at-least': true,
  'criterion-percent-at-least': true,
  'no-failed-knockout': true,
  'mean-level-at-least': true,
  'each-criterion-level-at-least': true,
};

/** The kinds a discriminated union allows, by where it stands in a document (ajv's schemaPath is relative). */
const KINDS: [RegExp, readonly string[]][] = [
  [/\/response$/, RESPONSE_KINDS], // from the answer-kind registry (kinds/index.ts)
  [/\/passRules\/\d+$/, Object.keys(PASS_RULE_KINDS)],
];

const quote = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

function one(e: AjvError): Problem {
  const p = e.params;
  const at = e.instancePath;
  switch (e.keyword) {
    case 'required': {
      const field = String(p.missingProperty);
      return {
        code: 'schema.required',
        pointer: at,
        message: message('schema.required', { field }),
        params: { field },
      };
    }
    case 'additionalProperties': {
      const field = String(p.additionalProperty);
      return {
        code: 'schema.additional',
        pointer: `${at}/${field.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        message: message('schema.additional', { field }),
        params: { field },
      };
    }
    case 'type':
      return { code: 'schema.type', pointer: at, message: message('schema.type', { expected: String(p.type) }) };
    case 'enum':
      return {
        code: 'schema.enum',
        pointer: at,
        message: message('schema.enum', { allowed: (p.allowedValues as unknown[]).map(quote).join(', ') }),
      };
    case 'const':
      return {
        code: 'schema.const',
        pointer: at,
        message: message('schema.const', { expected: quote(p.allowedValue) }),
      };
    case 'pattern': {
      const pat = String(p.pattern);
      return {
        code: 'schema.pattern',
        pointer: at,
        message: message('schema.pattern', { what: FORMAT_HINTS[pat] ?? pat }),
      };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        code: 'schema.range',
        pointer: at,
        message: message('schema.range', { limit: `${p.comparison} ${p.limit}` }),
      };
    case 'minLength':
    case 'maxLength':
      return {
        code: 'schema.length',
        pointer: at,
        message: message('schema.length', { limit: `${e.keyword === 'minLength' ? '≥' : '≤'} ${p.limit}` }),
      };
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
      return {
        code: 'schema.count',
        pointer: at,
        message: message('schema.count', { limit: `${e.keyword.startsWith('min') ? '≥' : '≤'} ${p.limit}` }),
      };
    case 'uniqueItems':
      return { code: 'schema.unique', pointer: at, message: message('schema.unique') };
    case 'discriminator': {
      // The value is untrusted: quote it (JSON) so a newline or a control character cannot break a line of output.
      const value = p.tagValue === undefined ? '(none)' : JSON.stringify(p.tagValue);
      const allowed = KINDS.find(([where]) => where.test(at))?.[1] ?? [];
      return {
        code: 'schema.kind',
        pointer: `${at}/kind`,
        message: message('schema.kind', { value, allowed: allowed.map(quote).join(', ') }),
        params: { value },
      };
    }
    default:
      // The generated validators carry no message texts (ajv `messages: false`, a smaller app): name the rule.
      return {
        code: 'schema.other',
        pointer: at,
        message: message('schema.other', { detail: OTHER[e.keyword] ?? e.keyword }),
      };
  }
}

/** What the rules without a message of their own require, for the 'schema.other' problem. */
const OTHER: Record<string, string> = {
  oneOf: 'oneOf (must match exactly one allowed form)',
  anyOf: 'anyOf (must match one allowed form)',
  propertyNames: 'propertyNames (a key that is not allowed)',
  multipleOf: 'multipleOf',
  format: 'format',
  not: 'not',
};

/** Maps ajv errors to problems, dropping duplicates and union noise; at most `limit` problems. */
export function fromAjvErrors(errors: readonly AjvError[] | null | undefined, limit = 50): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  const list = errors ?? [];
  // A `propertyNames` failure is reported twice (the name's pattern, then propertyNames itself): keep the name.
  for (const e of list) {
    if (e.keyword === 'oneOf' || e.keyword === 'if' || e.keyword === 'propertyNames') continue;
    let pr = one(e);
    if (e.propertyName !== undefined) {
      pr = { ...pr, pointer: `${e.instancePath}/${e.propertyName.replace(/~/g, '~0').replace(/\//g, '~1')}` };
    }
    const key = `${pr.code}|${pr.pointer}|${pr.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(pr);
    if (out.length >= limit) break;
  }
  if (out.length === 0 && list.length) out.push(one(list[0]!));
  return out;
}
