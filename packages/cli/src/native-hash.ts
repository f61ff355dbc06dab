/**
 * SHA-256 through Node's native `node:crypto` for every content hash and photo hash this process computes (core's
 * own is JavaScript, so that core runs in a browser): the same digests (core's test/hash-fast.test.ts), several
 * times faster. Imported for its effect by `main.ts` and by each council-scale worker (`pool-worker.ts`).
 */
import { createHash } from 'node:crypto';
import { setSha256 } from '@tieuchi/core';

setSha256((data) => createHash('sha256').update(data).digest('hex'));
