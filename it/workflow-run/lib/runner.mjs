// Runs a workflow for one event: the trigger check, jobs in `needs:` order with their `if:`,
// matrix legs (Linux ones run here, the others are recorded as needing their runner), fail-fast,
// and the report.
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eventPayload, githubContext, githubVariables } from "./github-context.mjs";
import { evaluateCondition, evaluateTemplate, evaluateToString, toBoolean, toNumber } from "./expressions.mjs";
import { git, resolveCommit } from "./git.mjs";
import { expandMatrix, MatrixError } from "./matrix.mjs";
import { resolveRunner } from "./runners.mjs";
import { endLeftoverProcesses, maskSecrets } from "./shell.mjs";
import { assignStepIds, at, evaluateEnvBlock, runStep } from "./steps.mjs";
import { checkTrigger } from "./triggers.mjs";
import { validateWorkflow } from "./validate.mjs";
import { ancestorsOf, jobOrder, needsOf, readWorkflow, WorkflowError } from "./workflow.mjs";

const seconds = (since) => Math.round((Date.now() - since) / 100) / 10;

// The leg's name as GitHub shows it: the evaluated name, or the job id with the matrix values.
function legName(job, id, combination, contexts) {
  if (job.name !== undefined) return at(`job '${id}', name`, () => evaluateToString(job.name, contexts));
  const values = Object.values(combination).map((v) => (v && typeof v === "object" ? JSON.stringify(v) : String(v)));
  return values.length > 0 ? `${id} (${values.join(", ")})` : id;
}

async function runLeg(run, job, legReport, contexts, runner, workflowEnv) {
  const id = job.id;
  const base = path.join(run.work, "jobs", id, String(legReport.number));
  const leg = {
    run,
    job,
    number: legReport.number,
    label: `leg ${legReport.number}`,
    tag: `${id}#${legReport.number}`,
    runner,
    workspace: path.join(base, "workspace"),
    temp: path.join(base, "temp"),
    commandsDir: path.join(base, "temp", "_runner_file_commands"),
    workflowEnv,
    fileEnv: {},
    pathAdditions: [],
    steps: {},
    summary: [],
    jobStatus: "success",
    timedOut: false,
  };
  leg.status = () => ({
    success: () => leg.jobStatus === "success" && !run.cancelled,
    failure: () => leg.jobStatus === "failure",
    cancelled: () => run.cancelled,
  });
  const githubCtx = githubContext(run, id, leg.workspace);
  leg.contexts = {
    ...contexts,
    github: githubCtx,
    runner: { os: runner.os, arch: runner.arch, name: "local", temp: leg.temp, tool_cache: path.join(leg.temp, "tool-cache"), environment: "self-hosted", debug: "" },
    secrets: run.secrets,
  };
  const where = `job '${id}' (${leg.label})`;
  leg.jobEnv = evaluateEnvBlock(job.env, leg.contexts, undefined, `${where}, env`);
  const timeout = job["timeout-minutes"] === undefined ? 360 : toNumber(at(`${where}, timeout-minutes`, () => evaluateTemplate(job["timeout-minutes"], leg.contexts)));
  if (!(timeout > 0)) throw new WorkflowError(`${where}: timeout-minutes must be a positive number`);
  const started = Date.now();
  leg.deadline = started + timeout * 60_000;
  if (!run.dryRun) {
    for (const dir of [leg.workspace, leg.temp, leg.commandsDir, path.join(leg.temp, "docker-config")]) mkdirSync(dir, { recursive: true });
  }
  leg.baseEnv = { ...process.env, ...githubVariables(run, id, leg), ...run.cliEnv };
  legReport.workspace = leg.workspace;

  const steps = Array.isArray(job.steps) ? job.steps : [];
  if (steps.length === 0) throw new WorkflowError(`${where}: the job has no steps`);
  const ids = assignStepIds(steps, `job '${id}'`);
  try {
    for (let i = 0; i < steps.length; i++) legReport.steps.push(await runStep(steps[i], i, ids[i], leg));
  } finally {
    endLeftoverProcesses();
  }

  legReport.result = run.cancelled ? "cancelled" : leg.jobStatus === "failure" ? "failure" : run.dryRun ? "planned" : "success";
  legReport.seconds = seconds(started);
  if (leg.summary.length > 0 && !run.dryRun) {
    legReport.summary = path.join(base, "summary.md");
    writeFileSync(legReport.summary, leg.summary.join("\n"));
  }
  // Job outputs, evaluated once the leg's steps have run.
  const outputs = {};
  for (const [k, v] of Object.entries(job.outputs ?? {})) {
    outputs[k] = at(`${where}, outputs.${k}`, () => evaluateToString(v, { ...leg.contexts, env: { ...workflowEnv, ...leg.jobEnv }, job: { status: leg.jobStatus }, steps: leg.steps }));
  }
  return outputs;
}

async function runJob(run, id, results) {
  const job = { ...run.workflow.jobs[id], id };
  const started = Date.now();
  const report = { id, name: typeof job.name === "string" && !job.name.includes("${{") ? job.name : id, result: "", needs: needsOf(job), legs: [] };
  if (job.permissions !== undefined || run.workflow.permissions !== undefined) report.permissions = job.permissions ?? run.workflow.permissions;
  job.permissions = job.permissions ?? run.workflow.permissions;
  const needs = {};
  for (const n of needsOf(job)) needs[n] = { result: results[n].contextResult, outputs: results[n].outputs };
  const ancestors = ancestorsOf(run.workflow.jobs, id).map((a) => results[a].contextResult);
  const jobStatus = {
    success: () => ancestors.every((r) => r === "success") && !run.cancelled,
    failure: () => ancestors.some((r) => r === "failure"),
    cancelled: () => run.cancelled,
  };
  const base = { github: githubContext(run, id, ""), needs, vars: {}, inputs: run.event === "workflow_dispatch" ? {} : null };
  const skip = (reason) => {
    Object.assign(report, { result: "skipped", skipped_reason: reason, seconds: 0 });
    run.log(`job ${id} skipped (${reason})`);
    return { report, contextResult: "skipped", outputs: {} };
  };
  if (job.uses !== undefined) throw new WorkflowError(`job '${id}': reusable workflows (uses: ${job.uses}) are not supported`);
  const condition = job.if;
  const runs = at(`job '${id}', if: ${condition}`, () => evaluateCondition(condition, base, jobStatus));
  if (!runs) {
    const unmet = !jobStatus.success() && (condition === undefined || !/\b(always|failure|cancelled|success)\s*\(/.test(String(condition)));
    return skip(unmet ? `a needed job did not succeed (${needsOf(job).map((n) => `${n}: ${results[n].contextResult}`).join(", ")})` : `if: ${condition} is false`);
  }
  if (job.container !== undefined || job.services !== undefined) {
    throw new WorkflowError(`job '${id}': container: and services: jobs are not supported by this local runner`);
  }

  const strategy = job.strategy ?? {};
  const matrix = at(`job '${id}', strategy.matrix`, () => evaluateTemplate(strategy.matrix, base));
  let combinations;
  try {
    combinations = expandMatrix(matrix);
  } catch (e) {
    if (e instanceof MatrixError) throw new WorkflowError(`job '${id}': ${e.message}`);
    throw e;
  }
  const failFast = strategy["fail-fast"] === undefined ? true : toBoolean(at(`job '${id}', strategy.fail-fast`, () => evaluateTemplate(strategy["fail-fast"], base)));
  const maxParallel = strategy["max-parallel"] === undefined ? combinations.length : toNumber(evaluateTemplate(strategy["max-parallel"], base));
  run.log(`job ${id} started (${combinations.length} leg${combinations.length === 1 ? "" : "s"}${combinations.length > 1 ? `, fail-fast: ${failFast}` : ""})`);

  const workflowEnv = run.workflowEnv;
  let outputs = {};
  let failedLeg;
  for (let i = 0; i < combinations.length; i++) {
    const combination = combinations[i];
    const contexts = {
      ...base,
      matrix: combination,
      strategy: { "fail-fast": failFast, "job-index": i, "job-total": combinations.length, "max-parallel": maxParallel },
    };
    const name = legName(job, id, combination, contexts);
    const runsOn = at(`job '${id}' (leg ${i + 1}), runs-on`, () => evaluateTemplate(job["runs-on"], contexts));
    if (runsOn === undefined || runsOn === null || runsOn === "") throw new WorkflowError(`job '${id}' (leg ${i + 1}) has no runs-on`);
    const runner = resolveRunner(runsOn);
    const legReport = { number: i + 1, name, matrix: combination, runner: runner.label, os: runner.os, arch: runner.arch, result: "", steps: [] };
    report.legs.push(legReport);
    const head = `job ${id} / leg ${i + 1} "${name}" [${runner.label}: ${runner.os} ${runner.arch}]`;
    if (runner.os !== "Linux") {
      Object.assign(legReport, { result: "skipped", skipped_reason: `needs a ${runner.os} runner` });
      run.log(`${head} skipped (needs a ${runner.os} runner)`);
      continue;
    }
    if (failedLeg !== undefined && failFast) {
      Object.assign(legReport, { result: "cancelled", skipped_reason: `fail-fast: leg ${failedLeg} failed` });
      run.log(`${head} cancelled (fail-fast: leg ${failedLeg} failed)`);
      continue;
    }
    if (run.cancelled) {
      Object.assign(legReport, { result: "cancelled", skipped_reason: "the run was cancelled" });
      continue;
    }
    run.log(`${head} started${run.dryRun ? " (dry run)" : ""}`);
    const legOutputs = await runLeg(run, job, legReport, contexts, runner, workflowEnv);
    for (const [k, v] of Object.entries(legOutputs)) if (v !== "" || !(k in outputs)) outputs[k] = v;
    const continueOnError = toBoolean(at(`job '${id}' (leg ${i + 1}), continue-on-error`, () => evaluateTemplate(job["continue-on-error"] ?? false, contexts)));
    if (legReport.result === "failure" && continueOnError) legReport.continue_on_error = true;
    else if (legReport.result === "failure" && failedLeg === undefined) failedLeg = i + 1;
    run.log(`job ${id} / leg ${i + 1} ${legReport.result}${legReport.continue_on_error ? " (continue-on-error)" : ""} (${legReport.seconds} s)`);
  }

  const legResults = report.legs.map((l) => (l.continue_on_error ? "success" : l.result));
  let result;
  if (run.cancelled) result = "cancelled";
  else if (legResults.includes("failure") || legResults.includes("cancelled")) result = "failure";
  else if (legResults.includes("success")) result = "success";
  else if (legResults.includes("planned")) result = "planned";
  else result = "skipped";
  const skippedLegs = report.legs.filter((l) => l.skipped_reason?.startsWith("needs a ")).length;
  Object.assign(report, { result, seconds: seconds(started) });
  if (result === "skipped") report.skipped_reason = "no leg can run on this machine";
  if (skippedLegs > 0) report.legs_needing_other_runners = skippedLegs;
  run.log(`job ${id} ${result}${skippedLegs > 0 ? ` (${skippedLegs} leg${skippedLegs === 1 ? "" : "s"} need other runners)` : ""} (${report.seconds} s)`);
  return { report, contextResult: result === "planned" ? "success" : result, outputs };
}

function prepareWork(work, dryRun) {
  mkdirSync(work, { recursive: true });
  const leftovers = readdirSync(work);
  if (leftovers.length > 0 && !dryRun) {
    throw new WorkflowError(`--work ${work} is not empty (${leftovers.slice(0, 3).join(", ")}${leftovers.length > 3 ? ", ..." : ""}): give a new or empty directory, so that no earlier run's artifacts take part`);
  }
}

/**
 * @param options { workflowFile, repo, ref, event, work, secrets, env, repository, serverUrl, apiUrl, actor, dryRun, out,
 *                  cacheDir, defaultBranch }
 * @returns { report, exitCode }
 */
export async function runWorkflow(options) {
  const out = options.out ?? process.stdout;
  const workflow = readWorkflow(options.workflowFile);
  const run = {
    ...options,
    workflow,
    out,
    work: path.resolve(options.work),
    repo: path.resolve(options.repo),
    artifacts: new Map(),
    artifactCounter: 0,
    attestations: [],
    caches: [],
  };
  // Set by the caller (Ctrl-C): running steps are ended, later ones see cancelled().
  Object.defineProperty(run, "cancelled", { get: () => Boolean(options.control?.cancelled) });
  run.secretValues = Object.values(options.secrets).filter((v) => v.length >= 3);
  run.log = (line) => out.write(`${maskSecrets(line, run.secretValues)}\n`);
  run.token = options.secrets.GITHUB_TOKEN;
  run.artifactsDir = path.join(run.work, "artifacts");
  // Caches outlive a run when --cache-dir names a store of their own; by default they stay in the work directory.
  run.cacheDir = options.cacheDir ? path.resolve(options.cacheDir) : path.join(run.work, "caches");
  run.defaultBranch = options.defaultBranch ?? "main";
  run.owner = run.repository.split("/")[0];
  run.graphqlUrl = `${run.apiUrl}/graphql`;
  run.workflowName = workflow.name === undefined ? path.basename(options.workflowFile) : String(workflow.name);
  run.workflowRef = `${run.repository}/.github/workflows/${path.basename(options.workflowFile)}@${options.ref}`;
  run.refType = options.ref.startsWith("refs/tags/") ? "tag" : "branch";
  run.refName = options.ref.replace(/^refs\/(heads|tags)\//, "");
  run.runId = String(options.runId ?? Math.floor(Date.now() / 1000));

  const trigger = checkTrigger(workflow.on, options.event, options.ref);
  if (!trigger.runs) throw new WorkflowError(`the workflow does not run for this event/ref: ${trigger.reason}`);
  run.sha = resolveCommit(run.repo, options.ref);
  run.commitMessage = git(["-C", run.repo, "log", "-1", "--format=%B", run.sha]);
  run.payload = eventPayload(run);
  prepareWork(run.work, options.dryRun);
  writeFileSync(path.join(run.work, "event.json"), JSON.stringify(run.payload, null, 2));
  run.log(`workflow "${run.workflowName}" (${options.workflowFile}): ${options.event} ${options.ref} at ${run.sha}${options.dryRun ? " (dry run)" : ""}`);
  run.log(`trigger: ${trigger.reason}`);
  for (const note of trigger.notes) run.log(`note: ${note}`);

  const report = { event: options.event, ref: options.ref, sha: run.sha, workflow: run.workflowName, repository: run.repository, dry_run: Boolean(options.dryRun), result: "", jobs: [], artifacts: {}, attestations: run.attestations, caches: run.caches };
  const writeReport = () => {
    report.artifacts = Object.fromEntries([...run.artifacts.values()].map((a) => [a.name, a.files]));
    // Scripts and inputs hold secrets once interpolated: the report masks them like the log.
    writeFileSync(path.join(run.work, "report.json"), `${maskSecrets(JSON.stringify(report, null, 2), run.secretValues)}\n`);
  };
  const started = Date.now();
  try {
    validateWorkflow(workflow);
    if (options.dryRun && workflow.concurrency !== undefined) {
      const concurrency = evaluateTemplate(workflow.concurrency, { github: githubContext(run, "", ""), inputs: null, vars: {} });
      run.log(`concurrency (not applied here): ${JSON.stringify(concurrency)}`);
    }
    run.workflowEnv = evaluateEnvBlock(workflow.env, { github: githubContext(run, "", ""), secrets: run.secrets, vars: {}, inputs: null }, undefined, "workflow env");
    const results = {};
    for (const id of jobOrder(workflow.jobs)) {
      results[id] = await runJob(run, id, results);
      report.jobs.push(results[id].report);
    }
  } catch (e) {
    report.result = "error";
    report.error = e.message;
    writeReport();
    throw e;
  }
  const failed = report.jobs.filter((j) => j.result === "failure" || j.result === "cancelled");
  report.result = run.cancelled ? "cancelled" : failed.length > 0 ? "failure" : options.dryRun ? "planned" : "success";
  writeReport();
  run.log(`run ${report.result} (${seconds(started)} s): ${report.jobs.map((j) => `${j.id} ${j.result}`).join(", ")}; report: ${path.join(run.work, "report.json")}`);
  return { report, exitCode: failed.length > 0 ? 1 : 0, run };
}
