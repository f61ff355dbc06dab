/**
 * TEST ONLY: a pause at one point of one push, so test/faults.test.ts can SIGKILL the server exactly inside the
 * push transaction (after the writes, before COMMIT) or between COMMIT and the answer. Off unless the server was
 * started with TIEUCHI_TEST_PAUSE (`in-transaction:<assessment id>` or `after-commit:<assessment id>`); a
 * production server never sets it, and the server prints a warning at start when it is set.
 */

/** The two places a push can pause at. */
export type PausePoint = 'in-transaction' | 'after-commit';

/** How long a paused push waits (the test kills the server long before). */
const PAUSE_MS = 60_000;

/**
 * When `spec` names this point and this assessment, prints `test pause: <point> <id>` and waits; otherwise
 * returns at once.
 */
export async function testPause(spec: string | undefined, point: PausePoint, assessmentId: string): Promise<void> {
  if (spec === undefined || spec !== `${point}:${assessmentId}`) return;
  process.stdout.write(`test pause: ${point} ${assessmentId}\n`);
  await new Promise((resolve) => setTimeout(resolve, PAUSE_MS).unref());
}
