// File globs as the artifact and attestation actions see them (@actions/glob): one pattern a
// line, '#' lines are comments, '!' excludes, * ? [] within a segment, ** across segments, a
// pattern that matches a directory also matches what is under it (implicit descendants), and
// the later of two matching patterns decides. Plus minimatch-style name globs for artifact names.
import { readdirSync, statSync, lstatSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

function segmentToRegExp(segment) {
  let re = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = segment.indexOf("]", i + 2);
      if (end < 0) {
        re += "\\[";
        continue;
      }
      let body = segment.slice(i + 1, end);
      if (body.startsWith("!")) body = `^${body.slice(1)}`;
      re += `[${body.replace(/\\/g, "\\\\")}]`;
      i = end;
    } else re += c.replace(/[.^$|+(){}\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

const hasGlob = (segment) => /[*?[]/.test(segment);

class Pattern {
  constructor(line, cwd, home) {
    let text = line;
    let negate = false;
    while (text.startsWith("!")) {
      negate = !negate;
      text = text.slice(1);
    }
    if (text.startsWith("~")) text = home + text.slice(1);
    this.negate = negate;
    this.directoryOnly = text.endsWith("/");
    const absolute = path.resolve(cwd, text);
    this.segments = absolute.split("/").filter((s) => s !== "");
    const literal = [];
    for (const s of this.segments) {
      if (hasGlob(s)) break;
      literal.push(s);
    }
    this.searchPath = `/${literal.join("/")}`;
    this.matchers = this.segments.map((s) => (s === "**" ? "**" : segmentToRegExp(s)));
  }

  // A pattern with a trailing '/' names directories: it matches a file only as a descendant.
  matches(file, isDirectory, implicitDescendants) {
    const parts = file.split("/").filter((s) => s !== "");
    const m = this.matchers;
    const exactOk = isDirectory || !this.directoryOnly;
    const rec = (pi, fi) => {
      if (pi === m.length) return fi === parts.length ? exactOk : implicitDescendants;
      if (m[pi] === "**") {
        for (let k = fi; k <= parts.length; k++) if (rec(pi + 1, k)) return true;
        return false;
      }
      if (fi === parts.length) return false;
      return m[pi].test(parts[fi]) && rec(pi + 1, fi + 1);
    };
    return rec(0, 0);
  }
}

function parsePatterns(text, cwd, home) {
  return String(text)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map((l) => new Pattern(l, cwd, home));
}

// The include patterns' search paths, without any that lies under another (as @actions/glob does).
function searchPaths(patterns) {
  const includes = patterns.filter((p) => !p.negate);
  const candidates = new Set(includes.map((p) => p.searchPath));
  const result = [];
  for (const p of includes) {
    if (result.includes(p.searchPath)) continue;
    let parent = path.dirname(p.searchPath);
    let child = p.searchPath;
    let ancestor = false;
    while (parent !== child) {
      if (candidates.has(parent)) {
        ancestor = true;
        break;
      }
      child = parent;
      parent = path.dirname(child);
    }
    if (!ancestor) result.push(p.searchPath);
  }
  return result;
}

/**
 * @param home what a leading `~` stands for (the step's HOME for the cache actions)
 * @returns { files: string[] (absolute, sorted, no directories), searchPaths: string[] }
 */
export function globFiles(text, { cwd, implicitDescendants = true, excludeHiddenFiles = false, home = homedir() }) {
  const patterns = parsePatterns(text, cwd, home);
  const roots = searchPaths(patterns);
  const found = new Set();
  const decide = (file, isDirectory) => {
    let result = false;
    for (const p of patterns) if (p.matches(file, isDirectory, implicitDescendants)) result = !p.negate;
    return result;
  };
  const visit = (file) => {
    if (excludeHiddenFiles && path.basename(file).startsWith(".")) return;
    let stats;
    try {
      stats = statSync(file);
    } catch {
      try {
        lstatSync(file); // a broken symbolic link: left out, as the actions do
      } catch {
        /* missing */
      }
      return;
    }
    if (stats.isDirectory()) {
      for (const entry of readdirSync(file).sort()) visit(path.join(file, entry));
    } else if (decide(file, false)) {
      found.add(file);
    }
  };
  for (const root of roots) visit(root);
  return { files: [...found].sort(), searchPaths: roots };
}

/** Multi-path least common ancestor, the artifact root upload-artifact uses for several search paths. */
export function commonAncestor(paths) {
  const split = paths.map((p) => path.normalize(p).split("/"));
  const common = [];
  for (let i = 0; i < Math.min(...split.map((s) => s.length)); i++) {
    if (split.every((s) => s[i] === split[0][i])) common.push(split[0][i]);
    else break;
  }
  return common.join("/") || "/";
}

/** A minimatch-style name glob (artifact names): * ? [] {a,b}; a leading '.' needs an explicit dot. */
export function nameGlobToRegExp(pattern) {
  let re = "";
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") {
      if (pattern[i + 1] === "*") i++;
      re += i === 0 || (i === 1 && pattern[0] === "*") ? "(?!\\.)[^/]*" : "[^/]*";
    } else if (c === "?") re += i === 0 ? "(?!\\.)[^/]" : "[^/]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end < 0) re += "\\[";
      else {
        let body = pattern.slice(i + 1, end);
        if (body.startsWith("!")) body = `^${body.slice(1)}`;
        re += `[${body}]`;
        i = end;
      }
    } else if (c === "{") {
      depth++;
      re += "(?:";
    } else if (c === "}" && depth > 0) {
      depth--;
      re += ")";
    } else if (c === "," && depth > 0) re += "|";
    else re += c.replace(/[.^$|+(){}\\]/g, "\\$&");
  }
  if (depth > 0) return new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
  return new RegExp(`^${re}$`);
}
