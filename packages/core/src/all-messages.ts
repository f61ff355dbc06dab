/**
 * Every message a person reads, by code: the engine's table (`messages.ts`) and the checks' (`check-messages.ts`)
 * joined. The public `message()`; modules that report check problems import from here, the scoring engine only
 * from `messages.ts` (ADR 0017).
 */
import type { MessageArgs, Msg } from './catalogue.js';
import { CHECK_TABLE, type CheckMessageCode, checkMessage } from './check-messages.js';
import { type MessageCode as EngineMessageCode, message as engineMessage } from './messages.js';

/** A code of any message table of core. */
export type MessageCode = EngineMessageCode | CheckMessageCode;

/** The message for `code` with `{placeholders}` filled from `args`. */
export function message(code: MessageCode, args?: MessageArgs): Msg {
  return Object.hasOwn(CHECK_TABLE, code)
    ? checkMessage(code as CheckMessageCode, args)
    : engineMessage(code as EngineMessageCode, args);
}
