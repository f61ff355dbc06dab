/**
 * Edits typed but not yet handed to the store (a number field waits until typing pauses). Leaving the page
 * flushes them first (`flushPendingEdits`), so the store knows about every change before deciding to warn.
 */
const pending = new Set<() => void>();

/** Registers a flush for an edit waiting to be sent; call the returned function once it is sent. */
export function holdEdit(flush: () => void): () => void {
  pending.add(flush);
  return () => pending.delete(flush);
}

/** Sends every waiting edit now (before the page unloads). */
export function flushPendingEdits(): void {
  for (const f of [...pending]) f();
}

/** How many edits are waiting to be sent. */
export const pendingEditCount = (): number => pending.size;
