import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** What {@link lockDataFolder} returns: release the lock (idempotent). */
export interface FolderLock {
  readonly path: string;
  release(): void;
}

/** Thrown when another live process holds the data folder. */
export class FolderLockedError extends Error {
  constructor(
    readonly pid: number,
    readonly path: string,
  ) {
    super(`The data folder is in use by another Tiêu Chí server (process ${pid}; lock file ${path}). Stop it first.`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder's lock file (`server.lock`, holding this process's pid), because PGlite itself has no
 * lock and two processes on one folder would corrupt it. A lock left by a process that no longer runs (killed)
 * is taken over; a lock held by a live process throws {@link FolderLockedError} naming its pid.
 * @param folder the data folder (must exist).
 */
export function lockDataFolder(folder: string): FolderLock {
  const path = join(folder, 'server.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          try {
            if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path);
          } catch {
            // already gone
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let pid = NaN;
      try {
        pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
      } catch {
        continue; // removed meanwhile: try again
      }
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new FolderLockedError(pid, path);
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${path}`);
}
