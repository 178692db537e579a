// Temp directories, small git repositories with a tag, and runs of the CLI for the tests.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { after } from "node:test";
import { fileURLToPath } from "node:url";

export const TOOL = fileURLToPath(new URL("../run-workflow.mjs", import.meta.url));

// Every run of the tool needs the YAML parser from it/workflow-lint: say so once, not in each test.
try {
  createRequire(new URL("../../workflow-lint/package.json", import.meta.url))("yaml");
} catch {
  throw new Error("these tests need it/workflow-lint's node_modules: run 'npm ci' in it/workflow-lint first");
}
export const GOLDEN_DIR = fileURLToPath(new URL("../../../github-actions-generator/src/test/resources/golden/", import.meta.url));

const created = [];
after(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = "wr-") {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.com",
};

export function git(dir, ...args) {
  const r = spawnSync("git", ["-C", dir, ...args], { encoding: "utf8", env: GIT_ENV });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout.trim();
}

function writeFiles(dir, files) {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/**
 * A repository on branch main: one commit per entry of `commits` ({ files, executable?, tag? }).
 * @returns { dir, shas: [...], tags: { name: sha } }
 */
export function makeRepo(commits = [{ files: { "README.md": "hello\n" }, tag: "v1.2.3" }]) {
  const dir = path.join(tempDir("wr-repo-"), "repo");
  mkdirSync(dir);
  git(dir, "init", "--quiet", "--initial-branch=main");
  const shas = [];
  const tags = {};
  commits.forEach((c, i) => {
    writeFiles(dir, c.files ?? {});
    for (const name of c.executable ?? []) chmodSync(path.join(dir, name), 0o755);
    git(dir, "add", "--all");
    git(dir, "commit", "--quiet", "--allow-empty", "-m", c.message ?? `commit ${i + 1}`);
    const sha = git(dir, "rev-parse", "HEAD");
    shas.push(sha);
    if (c.tag) {
      git(dir, "tag", "-a", "-m", `release ${c.tag}`, c.tag);
      tags[c.tag] = sha;
    }
  });
  return { dir, shas, tags };
}

/** A directory with executables (name -> bash script body), for --env PATH=... */
export function fakeBin(scripts) {
  const dir = tempDir("wr-bin-");
  for (const [name, body] of Object.entries(scripts)) {
    const file = path.join(dir, name);
    writeFileSync(file, `#!/usr/bin/env bash\n${body}\n`);
    chmodSync(file, 0o755);
  }
  return dir;
}

function toolArgs({ workflow, repo, ref = "refs/tags/v1.2.3", event, args = [], work, repository = "acme/widget" }) {
  const dir = tempDir("wr-run-");
  let workflowFile = workflow;
  if (!existsSync(workflow)) {
    workflowFile = path.join(dir, "workflow.yml");
    writeFileSync(workflowFile, workflow);
  }
  const workDir = work ?? path.join(dir, "work");
  const list = ["--workflow", workflowFile, "--repo", repo ?? makeRepo().dir, "--ref", ref, "--work", workDir];
  if (repository) list.push("--repository", repository);
  if (event) list.push("--event", event);
  return { list: [...list, ...args], workDir };
}

function result(code, stdout, stderr, workDir) {
  const reportFile = path.join(workDir, "report.json");
  const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, "utf8")) : undefined;
  return { code, stdout, stderr, report, work: workDir };
}

/**
 * Runs the CLI on a workflow (a YAML text or a file) and returns { code, stdout, stderr, report, work }.
 * options.interruptWhen: a RegExp; SIGINT is sent when the output first matches it.
 * Tests run in parallel files, so this spawns asynchronously.
 */
export function runTool(options) {
  const { list, workDir } = toolArgs(options);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TOOL, ...list], { env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    let interrupted = false;
    child.stdout.on("data", (d) => {
      stdout += d;
      // Ctrl-C once the output shows the given text, as a user would press it.
      if (options.interruptWhen && !interrupted && options.interruptWhen.test(stdout)) {
        interrupted = true;
        child.kill("SIGINT");
      }
    });
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve(result(code, stdout, stderr, workDir)));
  });
}

/** The report entry of a job, leg (1-based) and step (by name). */
export function stepOf(report, jobId, legNumber, stepName) {
  const job = report.jobs.find((j) => j.id === jobId);
  if (!job) throw new Error(`no job ${jobId} in the report`);
  const leg = job.legs.find((l) => l.number === legNumber);
  if (!leg) throw new Error(`no leg ${legNumber} in job ${jobId}`);
  const step = leg.steps.find((s) => s.name === stepName);
  if (!step) throw new Error(`no step '${stepName}' in ${jobId}#${legNumber}: ${leg.steps.map((s) => s.name).join(", ")}`);
  return step;
}

/** Lines the given step printed (its [job#leg step] prefix removed). */
export function outputOf(stdout, jobId, legNumber, stepName) {
  const prefix = `[${jobId}#${legNumber} ${stepName}] `;
  return stdout
    .split("\n")
    .filter((l) => l.startsWith(prefix))
    .map((l) => l.slice(prefix.length));
}
