// actions/checkout against the local repository given with --repo: the event's ref (or `ref:`)
// fetched into the workspace and checked out as the action does (a tag detached at its commit,
// a branch as a local branch of that name).
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { git, resolveCommit } from "../git.mjs";
import { ActionFailure } from "./inputs.mjs";

export const inputs = {
  repository: "",
  ref: "",
  token: "",
  "ssh-key": "",
  "ssh-known-hosts": "",
  "ssh-strict": "true",
  "ssh-user": "git",
  "persist-credentials": "true",
  path: "",
  clean: "true",
  filter: "",
  "sparse-checkout": "",
  "sparse-checkout-cone-mode": "true",
  "fetch-depth": "1",
  "fetch-tags": "false",
  "show-progress": "true",
  lfs: "false",
  submodules: "false",
  "set-safe-directory": "true",
  "github-server-url": "",
};

// The ref to check out: the event's, or `ref:` resolved the way the action resolves it.
function target(ctx) {
  const wanted = ctx.inputs.get("ref");
  if (wanted === "") return { ref: ctx.run.ref, sha: ctx.run.sha };
  if (/^[0-9a-f]{40}$/i.test(wanted)) return { ref: "", sha: resolveCommit(ctx.run.repo, wanted) };
  const candidates = wanted.startsWith("refs/") ? [wanted] : [`refs/heads/${wanted}`, `refs/tags/${wanted}`];
  for (const ref of candidates) {
    try {
      return { ref, sha: resolveCommit(ctx.run.repo, ref) };
    } catch {
      /* try the next form */
    }
  }
  throw new ActionFailure(`A branch or tag with the name '${wanted}' could not be found in ${ctx.run.repo}`);
}

export async function run(ctx) {
  const { inputs: input } = ctx;
  const repository = input.get("repository");
  if (repository !== "" && repository.toLowerCase() !== ctx.run.repository.toLowerCase()) {
    throw new ActionFailure(`checking out another repository (${repository}) is not supported: only --repo (${ctx.run.repository}) is available`);
  }
  if (input.boolean("lfs")) throw new ActionFailure("lfs: true is not supported by this local runner");
  if (input.has("sparse-checkout")) throw new ActionFailure("sparse-checkout is not supported by this local runner");
  const submodules = input.get("submodules").toLowerCase();
  if (!["false", "true", "recursive"].includes(submodules)) throw new ActionFailure(`Invalid submodules: '${submodules}'`);
  const depth = input.integer("fetch-depth", { min: 0 });
  const fetchTags = input.boolean("fetch-tags");
  const persist = input.boolean("persist-credentials");
  input.boolean("clean");
  const dest = path.resolve(ctx.workspace, input.get("path") || ".");
  if (dest !== ctx.workspace && !dest.startsWith(ctx.workspace + path.sep)) {
    throw new ActionFailure(`Repository path '${dest}' is not under '${ctx.workspace}'`);
  }
  const { ref, sha } = target(ctx);
  if (ctx.dryRun) return { plan: `clone ${ctx.run.repo} at ${ref || sha} into ${path.relative(ctx.workspace, dest) || "."}` };

  mkdirSync(dest, { recursive: true });
  for (const entry of readdirSync(dest)) rmSync(path.join(dest, entry), { recursive: true, force: true });
  const g = (...args) => git(["-C", dest, ...args]);
  g("init", "--quiet");
  g("remote", "add", "origin", `file://${path.resolve(ctx.run.repo)}`);
  const tagName = ref.startsWith("refs/tags/") ? ref.slice("refs/tags/".length) : undefined;
  const branchName = ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : undefined;
  if (depth === 0) {
    g("fetch", "--quiet", "--prune", "--tags", "origin", "+refs/heads/*:refs/remotes/origin/*", "+refs/tags/*:refs/tags/*");
  } else {
    const refspec = tagName ? `+${ref}:${ref}` : branchName ? `+${ref}:refs/remotes/origin/${branchName}` : undefined;
    const args = ["fetch", "--quiet", "--prune", fetchTags ? "--tags" : "--no-tags", `--depth=${depth}`, "origin"];
    // A bare commit cannot be asked for by name from every git server: fetch the history whole.
    g(...(refspec ? [...args, refspec] : ["fetch", "--quiet", "--tags", "origin", "+refs/heads/*:refs/remotes/origin/*"]));
  }
  if (tagName) g("checkout", "--quiet", "--force", ref);
  else if (branchName) g("checkout", "--quiet", "--force", "-B", branchName, `refs/remotes/origin/${branchName}`);
  else g("checkout", "--quiet", "--force", "--detach", sha);
  const head = g("rev-parse", "HEAD");
  if (head !== sha) throw new ActionFailure(`checked out ${head}, expected ${sha} for ${ref || sha}`);
  if (submodules !== "false") g("submodule", "update", "--init", ...(submodules === "recursive" ? ["--recursive"] : []));
  if (persist) {
    // What the action leaves in the checkout's config: the token as an HTTP header for the server.
    const basic = Buffer.from(`x-access-token:${ctx.run.token}`).toString("base64");
    g("config", "--local", `http.${ctx.run.serverUrl}/.extraheader`, `AUTHORIZATION: basic ${basic}`);
  }
  ctx.log(`checked out ${ref || sha} at ${sha} into ${dest}${depth === 0 ? " (full history)" : ` (depth ${depth})`}`);
  return { outputs: { ref, commit: sha } };
}
