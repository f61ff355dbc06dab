/**
 * The report worker's early start (ADR 0022), from views that come before Results: a frame after the view is painted
 * and a task later, the worker client is loaded and asked to load pdfmake and compile its code (`warmEarly`; where no
 * worker can start, nothing happens), so the view's first render is never competed with. Nothing else runs on the
 * page.
 */

let asked = false;

/** Starts the report worker's early warm-up after the next paint, once per page (later calls do nothing). */
export function warmAfterPaint(): void {
  if (asked) return;
  asked = true;
  requestAnimationFrame(() =>
    setTimeout(() => {
      import('./client.js').then((c) => c.warmEarly()).catch(() => undefined);
    }),
  );
}
