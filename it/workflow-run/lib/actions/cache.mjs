// actions/cache/restore and actions/cache/save (v4) over a cache store on this machine: <work>/caches,
// or --cache-dir so that later runs restore what earlier ones saved. As GitHub's service does, an entry is
// a key, a version (the path input and the archive format: another path never matches) and the ref whose
// run saved it; a run restores its own ref's entries, else the default branch's. A restore tries the key
// exactly, then as a prefix, then each restore key as a prefix, the newest entry of a prefix first.
// `~` is the step's HOME. The action's archive holds paths relative to the workspace, which on GitHub
// is the same directory in every run, as HOME is: here an entry keeps what was under the workspace or
// HOME relative to it and restores it into the restoring leg's, other paths as they are. Saving never
// fails the step (a taken key, no files: a warning), as the action only warns.
import { createHash } from "node:crypto";
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { globFiles } from "../glob.mjs";
import { ActionFailure } from "./inputs.mjs";

export const restoreInputs = {
  path: "",
  key: "",
  "restore-keys": "",
  enableCrossOsArchive: "false",
  "fail-on-cache-miss": "false",
  "lookup-only": "false",
};

export const saveInputs = {
  path: "",
  key: "",
  "upload-chunk-size": "",
  enableCrossOsArchive: "false",
};

const VERSION_SALT = "1.0";
const FORMAT = "workflow-run-tree";
const MAX_KEYS = 10;

// @actions/core's getInput(..).split("\n"), as actions/cache reads its lists.
function lines(text) {
  return text
    .split("\n")
    .map((s) => s.replace(/^!\s+/, "!").trim())
    .filter((s) => s !== "");
}

// The action's booleans: anything but "true" (any case) is false.
const flag = (inputs, name) => inputs.get(name).toLowerCase() === "true";

function checkKey(key) {
  if (key.length > 512) throw new ActionFailure(`Key Validation Error: ${key} cannot be larger than 512 characters.`);
  if (key.includes(",")) throw new ActionFailure(`Key Validation Error: ${key} cannot contain commas.`);
}

/** The entry version: the path input as written (not expanded), the archive format and the salt, as @actions/cache hashes them. */
export function cacheVersion(paths) {
  return createHash("sha256").update([...paths, FORMAT, VERSION_SALT].join("|")).digest("hex");
}

function readEntries(store) {
  if (!existsSync(store)) return [];
  const entries = [];
  for (const name of readdirSync(store)) {
    const file = path.join(store, name, "entry.json");
    if (existsSync(file)) entries.push({ ...JSON.parse(readFileSync(file, "utf8")), dir: path.join(store, name) });
  }
  return entries;
}

/**
 * The entry a restore gets, or undefined: in each scope (the run's ref, then the default branch), the
 * key exactly, then the newest entry whose key starts with the key, then with each restore key in turn.
 */
export function findEntry(entries, { key, restoreKeys, version, scopes }) {
  for (const scope of scopes) {
    const candidates = entries.filter((e) => e.scope === scope && e.version === version).sort((a, b) => b.sequence - a.sequence);
    const exact = candidates.find((e) => e.key === key);
    if (exact) return exact;
    for (const prefix of [key, ...restoreKeys]) {
      const match = candidates.find((e) => e.key.startsWith(prefix));
      if (match) return match;
    }
  }
  return undefined;
}

function scopesOf(run) {
  const defaultRef = `refs/heads/${run.defaultBranch}`;
  return run.ref === defaultRef ? [run.ref] : [run.ref, defaultRef];
}

// Where a path lives: under the workspace, under HOME, or elsewhere (kept as it is).
function locate(file, ctx, home) {
  for (const [base, root] of [["workspace", ctx.workspace], ["home", home]]) {
    const rel = path.relative(root, file);
    if (rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel))) return { base, rel: rel === "" ? "." : rel };
  }
  return { base: "root", rel: path.relative("/", file) };
}

function rootOf(base, ctx, home) {
  return base === "workspace" ? ctx.workspace : base === "home" ? home : "/";
}

// The paths to save: plain lines as they are (a directory with everything in it), or with a glob or an
// exclude among them, the files the patterns match. `~` is the step's HOME; relative is the workspace's.
function resolvePaths(patterns, ctx, home) {
  const expand = (p) => path.resolve(ctx.workspace, p === "~" || p.startsWith("~/") ? home + p.slice(1) : p);
  if (patterns.some((p) => p.startsWith("!") || /[*?[]/.test(p))) {
    return globFiles(patterns.join("\n"), { cwd: ctx.workspace, implicitDescendants: true, home }).files;
  }
  return [...new Set(patterns.map(expand))].filter((p) => {
    try {
      lstatSync(p);
      return true;
    } catch {
      return false;
    }
  });
}

function sizeOf(file) {
  const stats = lstatSync(file);
  if (!stats.isDirectory()) return stats.isFile() ? stats.size : 0;
  return readdirSync(file).reduce((sum, name) => sum + sizeOf(path.join(file, name)), 0);
}

const megabytes = (bytes) => `~${Math.round(bytes / (1024 * 1024))} MB (${bytes} B)`;

function record(ctx, event) {
  ctx.run.caches.push({ job: ctx.job.id, leg: ctx.leg, ...event });
}

export async function restore(ctx) {
  const { inputs } = ctx;
  const key = inputs.get("key", { required: true });
  const restoreKeys = lines(inputs.get("restore-keys"));
  const paths = lines(inputs.get("path", { required: true }));
  const failOnMiss = flag(inputs, "fail-on-cache-miss");
  const lookupOnly = flag(inputs, "lookup-only");
  const outputs = { "cache-primary-key": key };
  if (1 + restoreKeys.length > MAX_KEYS) throw new ActionFailure(`Key Validation Error: Keys are limited to a maximum of ${MAX_KEYS}.`);
  for (const k of [key, ...restoreKeys]) checkKey(k);
  if (ctx.dryRun) {
    const fallback = restoreKeys.length > 0 ? `, else the newest with prefix ${restoreKeys.join(", ")}` : "";
    return { plan: `restore ${paths.join(", ")} from the cache entry ${key}${fallback}${lookupOnly ? " (lookup only)" : ""}` };
  }

  const miss = () => {
    record(ctx, { action: "restore", key, matched_key: null, hit: false });
    // Like the action, cache-hit is not set on a miss (actions/cache#1466): only cache-primary-key is.
    if (failOnMiss) throw new ActionFailure(`Failed to restore cache entry. Exiting as fail-on-cache-miss is set. Input key: ${key}`);
    ctx.log(`Cache not found for input keys: ${[key, ...restoreKeys].join(", ")}`);
    return { outputs };
  };
  const entry = findEntry(readEntries(ctx.run.cacheDir), { key, restoreKeys, version: cacheVersion(paths), scopes: scopesOf(ctx.run) });
  if (!entry) return miss();
  const hit = entry.key === key;
  ctx.log(hit ? `Cache hit for: ${entry.key}` : `Cache hit for restore-key: ${entry.key}`);
  if (!lookupOnly) {
    const home = ctx.env.HOME || homedir();
    ctx.log(`Cache Size: ${megabytes(entry.bytes)}`);
    try {
      for (const item of entry.items) {
        const target = path.join(rootOf(item.base, ctx, home), item.rel);
        mkdirSync(path.dirname(target), { recursive: true });
        cpSync(path.join(entry.dir, "data", item.base, item.rel), target, { recursive: true, force: true, preserveTimestamps: true, verbatimSymlinks: true });
        ctx.log(`restored ${target}`);
      }
    } catch (e) {
      // The action only warns when the archive cannot be extracted, and carries on as after a miss.
      ctx.warn(`Failed to restore: ${e.message}`);
      return miss();
    }
  }
  outputs["cache-matched-key"] = entry.key;
  outputs["cache-hit"] = String(hit);
  record(ctx, { action: "restore", key, matched_key: entry.key, hit, scope: entry.scope, ...(lookupOnly ? { lookup_only: true } : {}) });
  if (lookupOnly) {
    ctx.log("Lookup only - skipping download");
    ctx.log(`Cache found and can be restored from key: ${entry.key}`);
  } else {
    ctx.log(`Cache restored from key: ${entry.key}`);
  }
  return { outputs };
}

export async function save(ctx) {
  const { inputs } = ctx;
  const key = inputs.get("key");
  const given = inputs.get("path");
  if (ctx.dryRun) {
    if (key === "" || given === "") return { plan: `warn and save nothing (${key === "" ? "no key" : "no path"})` };
    return { plan: `save ${lines(given).join(", ")} as the cache entry ${key}` };
  }
  // The action logs why and warns "Cache save failed.": the step still succeeds.
  const failed = (message, { info = false } = {}) => {
    if (info) ctx.log(message);
    else ctx.warn(message);
    ctx.warn("Cache save failed.");
    record(ctx, { action: "save", key, saved: false, reason: message });
    return { outputs: {} };
  };
  if (key === "") {
    ctx.warn("Key is not specified.");
    record(ctx, { action: "save", key, saved: false, reason: "Key is not specified." });
    return { outputs: {} };
  }
  if (given === "") return failed("Input required and not supplied: path");
  try {
    checkKey(key);
  } catch (e) {
    return failed(e.message);
  }
  const paths = lines(given);
  const home = ctx.env.HOME || homedir();
  const files = resolvePaths(paths, ctx, home);
  if (files.length === 0) {
    return failed("Path Validation Error: Path(s) specified in the action for caching do(es) not exist, hence no cache is being saved.");
  }
  const version = cacheVersion(paths);
  const scope = ctx.run.ref;
  const store = ctx.run.cacheDir;
  const id = createHash("sha256").update(`${scope}\n${key}\n${version}`).digest("hex").slice(0, 32);
  const dir = path.join(store, id);
  const taken = `Failed to save: Unable to reserve cache with key ${key}, another job may be creating this cache.`;
  if (existsSync(dir)) return failed(taken, { info: true });
  mkdirSync(store, { recursive: true });
  const staging = path.join(store, `.saving-${id}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const items = [];
  let bytes = 0;
  for (const file of files) {
    const item = locate(file, ctx, home);
    cpSync(file, path.join(staging, "data", item.base, item.rel), { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
    bytes += sizeOf(file);
    items.push(item);
  }
  const sequence = Math.max(0, ...readEntries(store).map((e) => e.sequence)) + 1;
  const entry = { key, version, scope, paths, items, bytes, sequence, created: new Date().toISOString(), run_id: ctx.run.runId, job: ctx.job.id };
  writeFileSync(path.join(staging, "entry.json"), `${JSON.stringify(entry, null, 2)}\n`);
  try {
    renameSync(staging, dir);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(dir)) return failed(taken, { info: true });
    throw e;
  }
  ctx.log(`Cache Size: ${megabytes(bytes)}`);
  ctx.log(`Cache saved with key: ${key}`);
  record(ctx, { action: "save", key, saved: true, scope, bytes });
  return { outputs: {} };
}
