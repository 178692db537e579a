#!/usr/bin/env node
// Runs a GitHub Actions workflow on this Linux machine as GitHub would run it for one event:
// the Linux legs execute here, the macOS and Windows legs are listed as needing their runners.
// See README.md beside this file. Exit status: 0 every job that should run succeeded, 1 a job
// failed, 2 the command line or the workflow is wrong (or it does not run for this event/ref).
import { existsSync } from "node:fs";
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { repositoryFromRemote } from "./lib/git.mjs";
import { runWorkflow } from "./lib/runner.mjs";
import { cancelCurrent } from "./lib/shell.mjs";
import { WorkflowError } from "./lib/workflow.mjs";

const USAGE = `usage: node run-workflow.mjs --workflow FILE --repo GITDIR --ref REF --work DIR
         [--event push] [--secret NAME=VALUE]... [--env NAME=VALUE]...
         [--repository owner/name] [--server-url URL --api-url URL] [--actor NAME] [--dry-run]
         [--cache-dir DIR] [--default-branch NAME]`;

class UsageError extends Error {}

function pairs(list, option) {
  const out = {};
  for (const item of list ?? []) {
    const eq = item.indexOf("=");
    if (eq <= 0) throw new UsageError(`${option} ${item}: expected NAME=VALUE`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

const trimSlash = (url) => url.replace(/\/+$/, "");

function parseCommandLine(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        workflow: { type: "string" },
        repo: { type: "string" },
        ref: { type: "string" },
        event: { type: "string", default: "push" },
        work: { type: "string" },
        secret: { type: "string", multiple: true },
        env: { type: "string", multiple: true },
        repository: { type: "string" },
        "server-url": { type: "string" },
        "api-url": { type: "string" },
        actor: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        "cache-dir": { type: "string" },
        "default-branch": { type: "string", default: "main" },
        help: { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (e) {
    throw new UsageError(e.message);
  }
  if (values.help) return { help: true };
  for (const required of ["workflow", "repo", "ref", "work"]) {
    if (!values[required]) throw new UsageError(`--${required} is required`);
  }
  if (!values.ref.startsWith("refs/")) throw new UsageError(`--ref ${values.ref}: give the full ref, e.g. refs/tags/v1.2.3 or refs/heads/main`);
  if (!existsSync(values.repo)) throw new UsageError(`--repo ${values.repo} does not exist`);
  const repository = values.repository ?? repositoryFromRemote(values.repo);
  if (!repository) throw new UsageError("--repository owner/name is required (the repository's origin remote does not name one)");
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) throw new UsageError(`--repository ${repository}: expected owner/name`);
  const serverUrl = values["server-url"];
  const apiUrl = values["api-url"];
  if ((serverUrl === undefined) !== (apiUrl === undefined)) {
    throw new UsageError("--server-url and --api-url go together (a GitHub Enterprise Server has both); give both or neither for github.com");
  }
  if (/^refs\/|\s/.test(values["default-branch"])) throw new UsageError(`--default-branch ${values["default-branch"]}: give the branch name, e.g. main`);
  const secrets = pairs(values.secret, "--secret");
  secrets.GITHUB_TOKEN ??= "ghs_local_run_token";
  return {
    workflowFile: values.workflow,
    repo: values.repo,
    ref: values.ref,
    event: values.event,
    work: values.work,
    secrets,
    cliEnv: pairs(values.env, "--env"),
    repository,
    serverUrl: trimSlash(serverUrl ?? "https://github.com"),
    apiUrl: trimSlash(apiUrl ?? "https://api.github.com"),
    actor: values.actor ?? userInfo().username,
    dryRun: values["dry-run"],
    cacheDir: values["cache-dir"],
    defaultBranch: values["default-branch"],
  };
}

async function main() {
  let options;
  try {
    options = parseCommandLine(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`error: ${e.message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // Output piped into `head` and closed: the run goes on (and writes its report) without a reader.
  process.stdout.on("error", (e) => {
    if (e.code !== "EPIPE" && e.code !== "ERR_STREAM_DESTROYED") throw e;
  });
  const control = { cancelled: false };
  const cancel = (signal) => {
    if (control.cancelled) process.exit(130);
    control.cancelled = true;
    process.stderr.write(`\n${signal}: cancelling the run (again to stop at once)\n`);
    cancelCurrent("SIGTERM");
  };
  process.on("SIGINT", cancel);
  process.on("SIGTERM", cancel);
  try {
    const { exitCode } = await runWorkflow({ ...options, control });
    return exitCode;
  } catch (e) {
    if (e instanceof WorkflowError || e.name === "GitError") {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main();
