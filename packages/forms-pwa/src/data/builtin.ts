/**
 * The criteria sets and facility registry shipped with the app: every `criteria/*.json` and
 * `examples/facilities.json` present at build time. Each file becomes its own lazily loaded chunk, so
 * they stay out of the initial JavaScript and the service worker precaches them for offline use.
 *
 * Built-in files are validated by core when the app is built (the build fails on a set core refuses), so they are
 * not re-validated here (that would pull the ajv validators into the start-up path); imported files always are (see
 * `io/`). The same build computes each set's content hash and puts it in the set's chunk (`BUILD_HASH_KEY`,
 * `scripts/check-sets.ts`); it is recorded with core's `rememberSetHash`, so scoring a locked assessment of a
 * built-in set needs no hashing code on the device (ADR 0017).
 */
import { rememberSetHash, type CriteriaSet, type Facility, type FacilityRegistry } from '../core.js';

const setFiles = import.meta.glob<CriteriaSet>('../../../../criteria/*.json', { import: 'default' });
const registryFiles = import.meta.glob<FacilityRegistry>('../../../../examples/facilities.json', {
  import: 'default',
});

/** The set id a built-in file is named after (`criteria/<id>.json`). */
const fileId = (path: string): string => path.slice(path.lastIndexOf('/') + 1).replace(/\.json$/, '');

/** The ids of the built-in sets, from their file names (no file is loaded). */
export const builtinSetIds: readonly string[] = Object.keys(setFiles).map(fileId);

/**
 * The files to load for `wanted` (set ids, or `id@version` keys): for an id, the file named after it; for a key, the
 * file named after the key (`criteria/<id>@<version>.json`, an earlier version kept beside the current one) when there
 * is one, else the file named after its id (the current version).
 */
function filesFor(wanted: ReadonlySet<string>): Set<string> {
  const names = new Set(builtinSetIds);
  const out = new Set<string>();
  for (const w of wanted) out.add(names.has(w) ? w : w.split('@')[0]!);
  return out;
}

/**
 * Loads built-in criteria sets: those `ids` name (set ids or `id@version` keys, see {@link filesFor}), or every one
 * when `ids` is undefined. Each set is its own chunk, fetched only here: the app loads a set when a view uses it,
 * not all of them at start-up. A file that fails to load is skipped (and logged).
 */
export async function loadBuiltinSets(ids?: ReadonlySet<string>): Promise<CriteriaSet[]> {
  const files = ids && filesFor(ids);
  const loaded = await Promise.all(
    Object.entries(setFiles)
      .filter(([path]) => !files || files.has(fileId(path)))
      .map(async ([path, load]) => {
        try {
          const set = await load();
          return set && typeof set === 'object' && set.kind === 'criteria-set' ? withoutBuildHash(set) : undefined;
        } catch (e) {
          console.warn('criteria set failed to load', path, e);
          return undefined;
        }
      }),
  );
  return loaded.filter((s): s is CriteriaSet => s !== undefined);
}

/** The member the build adds to each built-in set (`scripts/check-sets.ts` `BUILD_HASH_KEY`). */
const BUILD_HASH_KEY = '__contentHashAtBuild';

/**
 * The set without the hash the build added, that hash recorded for trusted scoring (a development server adds none:
 * the store then loads the hashing code when a locked assessment of the set is shown).
 */
function withoutBuildHash(loaded: CriteriaSet): CriteriaSet {
  const { [BUILD_HASH_KEY]: hash, ...set } = loaded as CriteriaSet & { [BUILD_HASH_KEY]?: unknown };
  if (typeof hash === 'string') rememberSetHash(set, hash);
  return set;
}

/** The built-in facility registry's facilities (empty when none shipped). */
export async function loadBuiltinFacilities(): Promise<Facility[]> {
  const out: Facility[] = [];
  for (const load of Object.values(registryFiles)) {
    try {
      const reg = await load();
      if (reg && Array.isArray(reg.facilities)) out.push(...reg.facilities);
    } catch (e) {
      console.warn('facility registry failed to load', e);
    }
  }
  return out;
}
