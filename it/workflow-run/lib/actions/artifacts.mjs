// actions/upload-artifact and actions/download-artifact (v4) over a directory per artifact in
// <work>/artifacts/. Upload keeps paths relative to the artifact root upload-artifact v4 picks
// (the search path, or the least common ancestor of several; a lone file lands at the root);
// names are unique within a run unless overwrite: true. Like the real zip, file modes are not kept.
import { chmodSync, copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { commonAncestor, globFiles, nameGlobToRegExp } from "../glob.mjs";
import { ActionFailure } from "./inputs.mjs";

export const uploadInputs = {
  name: "artifact",
  path: "",
  "if-no-files-found": "warn",
  "retention-days": "0",
  "compression-level": "6",
  overwrite: "false",
  "include-hidden-files": "false",
};

export const downloadInputs = {
  name: "",
  path: "",
  pattern: "",
  "merge-multiple": "false",
  "github-token": "",
  repository: "",
  "run-id": "",
};

const INVALID_NAME_CHARACTERS = ['"', ":", "<", ">", "|", "*", "?", "\r", "\n", "\\", "/"];

function validateName(name) {
  if (name === "") throw new ActionFailure("Provided artifact name input during validation is empty");
  const bad = INVALID_NAME_CHARACTERS.filter((c) => name.includes(c));
  if (bad.length > 0) {
    throw new ActionFailure(`The artifact name is not valid: ${name}. Contains the following character(s): ${bad.map((c) => JSON.stringify(c)).join(" ")}`);
  }
}

function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, base));
    else out.push(path.relative(base, full));
  }
  return out.sort();
}

function copyFile(from, to) {
  mkdirSync(path.dirname(to), { recursive: true });
  rmSync(to, { force: true });
  copyFileSync(from, to);
}

/** The files to upload and the root their artifact paths are relative to, as upload-artifact v4 finds them. */
export function findFilesToUpload(searchPath, { cwd, includeHidden }) {
  const { files, searchPaths } = globFiles(searchPath, { cwd, implicitDescendants: true, excludeHiddenFiles: !includeHidden });
  if (searchPaths.length > 1) return { files, root: commonAncestor(searchPaths) };
  if (files.length === 1 && searchPaths[0] === files[0]) return { files, root: path.dirname(files[0]) };
  return { files, root: searchPaths[0] };
}

export async function upload(ctx) {
  const { inputs: input } = ctx;
  const name = input.get("name");
  validateName(name);
  const searchPath = input.get("path", { required: true });
  const ifNoFilesFound = input.get("if-no-files-found");
  if (!["warn", "error", "ignore"].includes(ifNoFilesFound)) {
    throw new ActionFailure(`Unrecognized if-no-files-found input. Provided: ${ifNoFilesFound}. Available options: warn,error,ignore`);
  }
  const retention = input.integer("retention-days", { min: 0, max: 90 });
  const compression = input.integer("compression-level", { min: 0, max: 9 });
  const overwrite = input.boolean("overwrite");
  const includeHidden = input.boolean("include-hidden-files");
  if (ctx.dryRun) return { plan: `upload '${name}' from ${searchPath.split("\n").join(", ")} (if-no-files-found: ${ifNoFilesFound})` };

  const { files, root } = findFilesToUpload(searchPath, { cwd: ctx.workspace, includeHidden });
  if (files.length === 0) {
    const message = `No files were found with the provided path: ${searchPath}. No artifacts will be uploaded.`;
    if (ifNoFilesFound === "error") throw new ActionFailure(message);
    if (ifNoFilesFound === "warn") ctx.warn(message);
    else ctx.log(message);
    return { outputs: {} };
  }
  const store = ctx.run.artifacts;
  if (store.has(name)) {
    if (!overwrite) {
      throw new ActionFailure(`Failed to CreateArtifact: an artifact with this name already exists on the workflow run: '${name}' (set overwrite: true to replace it)`);
    }
    rmSync(store.get(name).dir, { recursive: true, force: true });
    store.delete(name);
  }
  const dir = path.join(ctx.run.artifactsDir, name);
  const relative = [];
  for (const file of files) {
    const rel = path.relative(root, file);
    if (rel.startsWith("..") || path.isAbsolute(rel)) {
      throw new ActionFailure(`The rootDirectory: ${root} is not a parent directory of the file: ${file}`);
    }
    copyFile(file, path.join(dir, rel));
    relative.push(rel);
  }
  const id = ++ctx.run.artifactCounter;
  store.set(name, { name, id, dir, files: relative.sort(), retentionDays: retention || undefined, compressionLevel: compression });
  ctx.log(`uploaded ${relative.length} file(s) as '${name}' (root ${root}): ${relative.join(", ")}`);
  const url = `${ctx.run.serverUrl}/${ctx.run.repository}/actions/runs/${ctx.run.runId}/artifacts/${id}`;
  return { outputs: { "artifact-id": String(id), "artifact-url": url } };
}

export async function download(ctx) {
  const { inputs: input } = ctx;
  if (input.has("github-token") || input.has("run-id")) {
    throw new ActionFailure("downloading artifacts of another workflow run (github-token, run-id) is not supported");
  }
  const name = input.get("name");
  const pattern = input.get("pattern");
  const merge = input.boolean("merge-multiple");
  let target = input.get("path") || ctx.workspace;
  if (target.startsWith("~")) target = target.replace("~", homedir());
  const resolved = path.resolve(ctx.workspace, target);
  if (ctx.dryRun) {
    const what = name ? `'${name}'` : pattern ? `artifacts matching '${pattern}'` : "all artifacts";
    return { plan: `download ${what} into ${path.relative(ctx.workspace, resolved) || "."}${merge ? " (merged)" : ""}` };
  }

  const store = ctx.run.artifacts;
  let chosen;
  if (name) {
    if (!store.has(name)) throw new ActionFailure(`Unable to download artifact(s): Artifact '${name}' not found`);
    chosen = [store.get(name)];
  } else if (pattern) {
    const re = nameGlobToRegExp(pattern);
    chosen = [...store.values()].filter((a) => re.test(a.name));
  } else {
    chosen = [...store.values()];
  }
  const downloaded = {};
  for (const artifact of chosen) {
    const into = name || merge ? resolved : path.join(resolved, artifact.name);
    mkdirSync(into, { recursive: true });
    for (const rel of listFiles(artifact.dir)) {
      copyFile(path.join(artifact.dir, rel), path.join(into, rel));
      chmodSync(path.join(into, rel), 0o644); // unzipped files are plain files, as from the real service
    }
    downloaded[artifact.name] = path.relative(ctx.workspace, into) || ".";
  }
  ctx.log(
    chosen.length === 0
      ? `no artifact matched${pattern ? ` '${pattern}'` : ""}: nothing downloaded`
      : `downloaded ${chosen.map((a) => `'${a.name}' -> ${downloaded[a.name]}`).join(", ")}`,
  );
  return { outputs: { "download-path": resolved } };
}
