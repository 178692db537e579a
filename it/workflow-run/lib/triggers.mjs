// Whether a workflow's `on:` starts it for an event and ref, with GitHub's filter pattern syntax
// (* within a path segment, ** across segments, ? + [] as in regular expressions, ! to negate).

/** GitHub's filter pattern (branches, tags, paths) as a regular expression. */
export function filterPatternToRegExp(pattern) {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        re += ".*";
        i++;
      } else {
        re += "[^/]*";
      }
    } else if (c === "?" || c === "+") {
      re += c; // zero-or-one / one-or-more of the preceding character
    } else if (c === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) throw new Error(`Unclosed [ in filter pattern '${pattern}'`);
      re += `[${pattern.slice(i + 1, end).replace(/\\/g, "\\\\")}]`;
      i = end;
    } else if (c === "\\" && i + 1 < pattern.length) {
      re += `\\${pattern[++i]}`;
    } else {
      re += c.replace(/[.^$|(){}\\/]/g, "\\$&");
    }
  }
  return new RegExp(`^${re}$`);
}

/** A list of patterns where a later `!pattern` excludes what earlier ones matched (and vice versa). */
export function matchesFilters(name, patterns) {
  let matched = false;
  for (const raw of patterns) {
    const p = String(raw);
    if (p.startsWith("!")) {
      if (filterPatternToRegExp(p.slice(1)).test(name)) matched = false;
    } else if (filterPatternToRegExp(p).test(name)) {
      matched = true;
    }
  }
  return matched;
}

export function normalizeOn(on) {
  if (on === undefined || on === null) throw new Error("the workflow has no 'on:'");
  if (typeof on === "string") return { [on]: {} };
  if (Array.isArray(on)) return Object.fromEntries(on.map((e) => [String(e), {}]));
  const out = {};
  for (const [event, config] of Object.entries(on)) out[event] = config ?? {};
  return out;
}

function asList(value) {
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/**
 * @returns { runs: boolean, reason: string, notes: string[] } — notes list filters that could not
 *          be evaluated locally (paths, types)
 */
export function checkTrigger(on, event, ref) {
  const events = normalizeOn(on);
  if (!Object.prototype.hasOwnProperty.call(events, event)) {
    return { runs: false, reason: `the workflow does not run on '${event}' (on: ${Object.keys(events).join(", ")})`, notes: [] };
  }
  const config = events[event];
  const notes = [];
  if (config.paths || config["paths-ignore"]) notes.push(`${event}: paths filters are not evaluated (treated as matching)`);
  if (event !== "push") {
    if (config.branches || config["branches-ignore"]) notes.push(`${event}: branch filters are not evaluated for this event`);
    return { runs: true, reason: `the workflow runs on '${event}'`, notes };
  }
  const isTag = ref.startsWith("refs/tags/");
  const isBranch = ref.startsWith("refs/heads/");
  if (!isTag && !isBranch) return { runs: false, reason: `a push needs a refs/heads/ or refs/tags/ ref, got '${ref}'`, notes };
  const name = ref.replace(/^refs\/(heads|tags)\//, "");
  const branches = asList(config.branches);
  const branchesIgnore = asList(config["branches-ignore"]);
  const tags = asList(config.tags);
  const tagsIgnore = asList(config["tags-ignore"]);
  const hasBranchFilter = branches !== undefined || branchesIgnore !== undefined;
  const hasTagFilter = tags !== undefined || tagsIgnore !== undefined;
  if (branches && branchesIgnore) return { runs: false, reason: "push: branches and branches-ignore cannot both be set", notes };
  if (tags && tagsIgnore) return { runs: false, reason: "push: tags and tags-ignore cannot both be set", notes };

  // Filters on one kind of ref only: pushes of the other kind do not start the workflow.
  const [include, ignore, kind, otherSet] = isTag
    ? [tags, tagsIgnore, "tag", hasBranchFilter]
    : [branches, branchesIgnore, "branch", hasTagFilter];
  if (include === undefined && ignore === undefined) {
    if (otherSet) return { runs: false, reason: `push of ${kind} '${name}': the workflow filters only ${isTag ? "branches" : "tags"}`, notes };
    return { runs: true, reason: `push of ${kind} '${name}' (no filters)`, notes };
  }
  if (include !== undefined) {
    const ok = matchesFilters(name, include);
    return { runs: ok, reason: `push of ${kind} '${name}' ${ok ? "matches" : "does not match"} ${isTag ? "tags" : "branches"}: ${include.join(", ")}`, notes };
  }
  const ignored = ignore.some((p) => filterPatternToRegExp(p).test(name));
  return { runs: !ignored, reason: `push of ${kind} '${name}' ${ignored ? "is" : "is not"} in ${isTag ? "tags-ignore" : "branches-ignore"}`, notes };
}
