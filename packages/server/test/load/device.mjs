/**
 * One device, as its own process: loads the app's own sync module (packages/forms-pwa/src/sync/client.ts, made
 * runnable by run.mjs's `buildClient`), enrols with its code over real TCP, then pushes its assessments — every
 * assessment a chain of revisions, each based on the revision the server answered for the previous one, the
 * assessments of its two campaigns concurrently — re-sends the last push of each (as after a lost answer),
 * pulls everything it may see, and prints one JSON line with what happened and how long each push took.
 *
 * Usage: node device.mjs <client.mjs> <server url> <enrolment code> <work.json>
 *   work.json: { "chains": [[doc, doc, …], …] }
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [clientPath, baseUrl, code, workFile] = process.argv.slice(2);
const { enrol, createSyncClient } = await import(pathToFileURL(clientPath).href);
const work = JSON.parse(readFileSync(workFile, 'utf8'));

const started = performance.now();
const { token, deviceId } = await enrol(baseUrl, code);
const client = createSyncClient({ baseUrl, token });
const pushes = [];

async function runChain(chain) {
  let base;
  let last;
  for (const doc of chain) {
    const t = performance.now();
    const r = await client.push(doc, base);
    pushes.push({ id: doc.id, result: r.result, revision: r.revision, ms: performance.now() - t });
    base = r.revision;
    last = doc;
  }
  // The same last push again, as a device does when the answer was lost: must change nothing.
  const again = await client.push(last, base);
  return { id: last.id, revision: base, again: again.result, againRevision: again.revision };
}

const finals = await Promise.all(work.chains.map(runChain));
const pulled = [];
await client.pullAll(0, (c) => {
  pulled.push({ id: c.id, revision: c.revision });
});
process.stdout.write(JSON.stringify({ deviceId, finals, pushes, pulled, ms: performance.now() - started }) + '\n');
