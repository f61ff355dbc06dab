/**
 * Signing at lock (docs/signatures.md): the device signs one statement per signer recorded on the assessment
 * (each drawn signature, or the first assessor when nobody drew one), covering the content hashes, the decision and
 * totals, the signer, the drawn image's hash, the time and the key. It proves the device, not the person: the app
 * never calls it "chữ ký số".
 */
import type { Assessment, Attestation, CriteriaSet } from '../core.js';
import { buildStatement, score, signStatement } from '../core-checked.js';

export { lockAssessment } from '../core-checked.js';
import type { DeviceKey } from '../storage/db.js';

/** Who signs: the recorded signatures, else the first assessor; nobody named means no statement. */
export function signers(
  a: Assessment,
): { name: string; role: 'assessor' | 'facility-head' | 'other'; image?: string }[] {
  const drawn = (a.signatures ?? []).filter((s) => s.name.trim());
  if (drawn.length)
    return drawn.map((s) =>
      s.image ? { name: s.name, role: s.role, image: s.image } : { name: s.name, role: s.role },
    );
  const first = a.assessors?.[0];
  return first?.name.trim() ? [{ name: first.name, role: 'assessor' }] : [];
}

/**
 * The signed statements for a just-locked assessment.
 * @returns an empty list when nobody is named or the assessment cannot be scored
 */
export async function signLocked(
  locked: Assessment,
  set: CriteriaSet,
  key: DeviceKey,
  now: string,
  subtle?: SubtleCrypto,
): Promise<Attestation[]> {
  const result = score(set, locked);
  if (!result.ok) return [];
  const out: Attestation[] = [];
  for (const s of signers(locked)) {
    const statement = buildStatement({
      assessment: locked,
      result: result.value,
      signer: { name: s.name, role: s.role },
      ...(s.image ? { imageHash: s.image } : {}),
      signedAt: now,
      keyId: key.keyId,
    });
    out.push(await signStatement(statement, key.privateKey, key.publicKey, subtle as never));
  }
  return out;
}
