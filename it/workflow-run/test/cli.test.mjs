// The command line: required options and their defaults, the work directory, the YAML parser's home.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { git, makeRepo, runTool, tempDir, TOOL } from "./helpers.mjs";

const hello = "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"repo=$GITHUB_REPOSITORY\"\n";

test("--repository is required unless the repository's origin names one", async () => {
  const { dir } = makeRepo();
  const missing = await runTool({ workflow: hello, repo: dir, repository: null });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--repository owner\/name is required/);
  git(dir, "remote", "add", "origin", "https://github.com/acme/from-remote.git");
  const fromRemote = await runTool({ workflow: hello, repo: dir, repository: null });
  assert.equal(fromRemote.code, 0, fromRemote.stderr);
  assert.match(fromRemote.stdout, /repo=acme\/from-remote$/m);
});

test("a short ref, a missing option and an unknown tag are refused", async () => {
  const { dir } = makeRepo();
  const short = await runTool({ workflow: hello, repo: dir, ref: "v1.2.3" });
  assert.equal(short.code, 2);
  assert.match(short.stderr, /give the full ref, e\.g\. refs\/tags\/v1\.2\.3/);
  const unknown = await runTool({ workflow: hello, repo: dir, ref: "refs/tags/v9.9.9" });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /refs\/tags\/v9\.9\.9 does not name a commit/);
  const none = spawnSync(process.execPath, [TOOL, "--repo", dir], { encoding: "utf8" });
  assert.equal(none.status, 2);
  assert.match(none.stderr, /--workflow is required/);
});

test("a work directory with an earlier run in it is refused", async () => {
  const work = tempDir("wr-work-");
  writeFileSync(path.join(work, "report.json"), "{}");
  const r = await runTool({ workflow: hello, work });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--work .* is not empty \(report\.json\)/);
});

test("without it/workflow-lint's node_modules the tool says to run npm ci there", () => {
  const root = tempDir("wr-copy-");
  const copy = path.join(root, "it", "workflow-run");
  mkdirSync(copy, { recursive: true });
  const here = fileURLToPath(new URL("..", import.meta.url));
  cpSync(path.join(here, "run-workflow.mjs"), path.join(copy, "run-workflow.mjs"));
  cpSync(path.join(here, "lib"), path.join(copy, "lib"), { recursive: true });
  const { dir } = makeRepo();
  const workflow = path.join(root, "w.yml");
  writeFileSync(workflow, hello);
  const env = { ...process.env };
  delete env.NODE_PATH;
  const r = spawnSync(
    process.execPath,
    [path.join(copy, "run-workflow.mjs"), "--workflow", workflow, "--repo", dir, "--ref", "refs/tags/v1.2.3", "--work", path.join(root, "work"), "--repository", "a/b"],
    { encoding: "utf8", env },
  );
  assert.equal(r.status, 2);
  assert.match(r.stderr, /the 'yaml' package was not found in .*\/it\/workflow-lint\/node_modules\/\. Run 'npm ci' in it\/workflow-lint first\./);
});

test("--default-branch takes a branch name, not a ref", async () => {
  const r = await runTool({ workflow: hello, args: ["--default-branch", "refs/heads/main"] });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--default-branch refs\/heads\/main: give the branch name, e\.g\. main/);
});
