// The few git operations the runner needs, through the git command line.
import { spawnSync } from "node:child_process";

export class GitError extends Error {
  name = "GitError";
}

export function git(args, options = {}) {
  const result = spawnSync("git", args, { encoding: "utf8", ...options });
  if (result.error) throw new GitError(`git ${args.join(" ")}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new GitError(`git ${args.join(" ")} failed (exit ${result.status}): ${(result.stderr || result.stdout).trim()}`);
  }
  return result.stdout.trim();
}

/** The commit a ref points to (an annotated tag is peeled to its commit). */
export function resolveCommit(repo, ref) {
  try {
    return git(["-C", repo, "rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new GitError(`${ref} does not name a commit in ${repo}. Create the tag or branch there, or pass another --ref.`);
  }
}

/** owner/name from a GitHub-style remote URL of the repository, or undefined. */
export function repositoryFromRemote(repo) {
  let url;
  try {
    url = git(["-C", repo, "config", "--get", "remote.origin.url"]);
  } catch {
    return undefined;
  }
  const m = /[/:]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url);
  return m && /^(https?:\/\/|git@|ssh:\/\/)/.test(url) ? `${m[1]}/${m[2]}` : undefined;
}
