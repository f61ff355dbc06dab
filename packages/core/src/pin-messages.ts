/**
 * The pinned-set message (`pin.ts`), apart from the other integrity messages (`verify-messages.ts`, which includes
 * it) so that scoring a trusted document does not load them all (ADR 0017).
 */
export const PIN_MESSAGES = {
  'verify.set-pin-mismatch': {
    vi: 'Phiếu đã khoá theo bộ tiêu chí có mã băm {want}, nhưng bộ được đưa vào có mã băm {got}: không chấm',
    en: 'The locked assessment pins a criteria set with hash {want}, but the set given hashes to {got}: not scored',
  },
  'verify.set-pin-unchecked': {
    vi: 'Phiếu đã khoá theo bộ tiêu chí có mã băm {want}, nhưng mã băm của bộ được đưa vào chưa được tính: chưa chấm',
    en: 'The locked assessment pins a criteria set with hash {want}, but the hash of the set given is not computed yet: not scored',
  },
} as const satisfies Record<string, { vi: string; en: string }>;
