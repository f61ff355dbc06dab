/**
 * The key id of a device's signing key, on its own so that code which only names keys (the app's storage at
 * start-up) does not load the signature verifier and its validators (`attest.ts`; issue 20, ADR 0017).
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { AssessmentPublicKey } from './generated/types.js';
import { sha256Hex } from './hash.js';

/** The key id of a P-256 public key: SHA-256 (hex) of its RFC 7638 JWK thumbprint input. */
export function attestationKeyId(jwk: AssessmentPublicKey): string {
  return sha256Hex(utf8ToBytes(`{"crv":"${jwk.crv}","kty":"${jwk.kty}","x":"${jwk.x}","y":"${jwk.y}"}`));
}
