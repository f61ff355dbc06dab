/**
 * The device key's id (core's `attestationKeyId`, SHA-256 of the key's thumbprint input), loaded by
 * `Storage.deviceKey()` when it makes a key, so the hashing code stays off the start-up path (issue 20, ADR 0017).
 */
export { attestationKeyId } from '@tieuchi/core/trusted';
