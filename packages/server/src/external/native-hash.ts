/**
 * SHA-256 through Node's native `node:crypto` for every content hash and photo hash the server computes (core's
 * own is JavaScript, so that core runs in a browser): the same digests (core's test/hash-fast.test.ts), several
 * times faster. Imported for its effect by `app.ts`, as the CLI's `native-hash.ts` is by its entry points.
 */
import { createHash } from 'node:crypto';
import { setSha256 } from '@tieuchi/core';

setSha256((data) => createHash('sha256').update(data).digest('hex'));
