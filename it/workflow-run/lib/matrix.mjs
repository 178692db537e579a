// strategy.matrix expansion with GitHub's rules: the cartesian product of the vector keys (in
// the order written), minus every combination an `exclude` entry matches, then `include`:
// an entry extends each combination whose original values it does not contradict (values that
// earlier includes added may be overwritten), and becomes a combination of its own when it
// extends none.

function deepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") {
    // YAML may give true where an expression gives 'true'; GitHub compares matrix values as written.
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
}

// An exclude value that is an object matches when its keys match (partially), like GitHub.
function partialMatch(pattern, value) {
  if (pattern && typeof pattern === "object" && !Array.isArray(pattern) && value && typeof value === "object") {
    return Object.entries(pattern).every(([k, v]) => partialMatch(v, value[k]));
  }
  return deepEqual(pattern, value);
}

export class MatrixError extends Error {}

/**
 * @param matrix  the evaluated strategy.matrix mapping (or undefined)
 * @returns a list of combinations (plain objects); [{}] for a job without a matrix
 */
export function expandMatrix(matrix) {
  if (matrix === undefined || matrix === null) return [{}];
  if (typeof matrix !== "object" || Array.isArray(matrix)) {
    throw new MatrixError(`strategy.matrix must be a mapping, got ${JSON.stringify(matrix)}`);
  }
  const include = matrix.include ?? [];
  const exclude = matrix.exclude ?? [];
  if (!Array.isArray(include)) throw new MatrixError("strategy.matrix.include must be a list");
  if (!Array.isArray(exclude)) throw new MatrixError("strategy.matrix.exclude must be a list");
  const vectorKeys = Object.keys(matrix).filter((k) => k !== "include" && k !== "exclude");

  let combinations = [];
  if (vectorKeys.length > 0) {
    combinations = [{}];
    for (const key of vectorKeys) {
      const values = matrix[key];
      if (!Array.isArray(values)) throw new MatrixError(`strategy.matrix.${key} must be a list, got ${JSON.stringify(values)}`);
      if (values.length === 0) throw new MatrixError(`strategy.matrix.${key} is an empty list`);
      const next = [];
      for (const combination of combinations) for (const v of values) next.push({ ...combination, [key]: v });
      combinations = next;
    }
    for (const entry of exclude) {
      if (!entry || typeof entry !== "object") throw new MatrixError("strategy.matrix.exclude entries must be mappings");
      for (const key of Object.keys(entry)) {
        if (!vectorKeys.includes(key)) throw new MatrixError(`strategy.matrix.exclude refers to '${key}', which is not a matrix key`);
      }
      combinations = combinations.filter((c) => !Object.entries(entry).every(([k, v]) => partialMatch(v, c[k])));
    }
  } else if (exclude.length > 0) {
    throw new MatrixError("strategy.matrix.exclude needs matrix keys to exclude from");
  }

  // Each combination remembers its original values, which an include must not overwrite.
  const originals = combinations.map((c) => ({ ...c }));
  const extra = [];
  for (const entry of include) {
    if (!entry || typeof entry !== "object" || Array.isArray(entry)) throw new MatrixError("strategy.matrix.include entries must be mappings");
    let extended = false;
    combinations.forEach((combination, i) => {
      const original = originals[i];
      const compatible = Object.entries(entry).every(
        ([k, v]) => !Object.prototype.hasOwnProperty.call(original, k) || deepEqual(original[k], v),
      );
      if (compatible) {
        Object.assign(combination, entry);
        extended = true;
      }
    });
    if (!extended) extra.push({ ...entry });
  }
  const all = [...combinations, ...extra];
  if (all.length === 0) throw new MatrixError("strategy.matrix produces no combination (everything was excluded)");
  if (all.length > 256) throw new MatrixError(`strategy.matrix produces ${all.length} combinations; GitHub allows at most 256`);
  return all;
}
