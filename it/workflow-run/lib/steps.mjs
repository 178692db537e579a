// One step of a leg: its if, env, inputs and script evaluated, then the script run or the action
// emulated, then the files it wrote (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_PATH, GITHUB_STEP_SUMMARY)
// taken in, as the runner does between steps.
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ActionFailure, parseUses, runAction } from "./actions/index.mjs";
import { evaluateCondition, evaluateTemplate, evaluateToString, ExpressionError, toBoolean, toNumber } from "./expressions.mjs";
import { FileCommandError, readKeyValueFile, readPathFile } from "./file-commands.mjs";
import { runProcess, shellCommand } from "./shell.mjs";
import { WorkflowError } from "./workflow.mjs";

/** An expression that could not be evaluated with the values it got (the static checks passed). */
export class EvaluationError extends WorkflowError {}

/** Evaluates, turning an expression error into an EvaluationError that says where the expression is. */
export function at(where, evaluateIt) {
  try {
    return evaluateIt();
  } catch (e) {
    if (e instanceof ExpressionError) throw new EvaluationError(`${where}: ${e.message}`);
    throw e;
  }
}

export function defaultStepName(step) {
  if (step.uses !== undefined) return `Run ${step.uses}`;
  return `Run ${String(step.run ?? "").split("\n")[0].trim()}`;
}

/** Step ids: the given ones (unique), and for the others the runner's __run, __run_2, __actions_checkout... */
export function assignStepIds(steps, where) {
  const taken = new Set();
  for (const step of steps) {
    if (step.id === undefined) continue;
    const id = String(step.id);
    if (taken.has(id)) throw new WorkflowError(`${where}: the step id '${id}' is used twice`);
    taken.add(id);
  }
  return steps.map((step) => {
    if (step.id !== undefined) return String(step.id);
    const base = step.uses !== undefined ? `__${parseUses(step.uses).name.replace(/[^A-Za-z0-9]+/g, "_")}` : "__run";
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    taken.add(id);
    return id;
  });
}

export function evaluateEnvBlock(block, contexts, status, where) {
  if (block === undefined || block === null) return {};
  const evaluated = at(where, () => (typeof block === "string" ? evaluateTemplate(block, contexts, status) : block));
  if (!evaluated || typeof evaluated !== "object" || Array.isArray(evaluated)) throw new WorkflowError(`${where} must be a mapping`);
  const out = {};
  for (const [k, v] of Object.entries(evaluated)) out[k] = at(`${where}.${k}`, () => evaluateToString(v, contexts, status));
  return out;
}

/**
 * Runs one step. `leg` holds the leg's state (env from GITHUB_ENV, PATH additions, steps context,
 * status) and is updated; returns the step's report entry.
 */
export async function runStep(step, index, id, leg) {
  try {
    return await executeStep(step, index, id, leg);
  } catch (e) {
    if (!(e instanceof EvaluationError)) throw e;
    // As the runner does: an expression that fails while its step is prepared fails that step.
    const name = step.name === undefined ? defaultStepName(step) : String(step.name);
    const entry = { name, id: step.id, ...(step.uses !== undefined ? { uses: String(step.uses) } : { run: String(step.run) }) };
    Object.assign(entry, { result: "failure", outcome: "failure", conclusion: "failure", seconds: 0, error: e.message });
    if (step.id !== undefined) leg.steps[id] = { outcome: "failure", conclusion: "failure", outputs: {} };
    leg.jobStatus = "failure";
    leg.run.log(`job ${leg.job.id} / leg ${leg.number} / step ${index + 1} "${name}" failure (0 s): ${e.message}`);
    return entry;
  }
}

async function executeStep(step, index, id, leg) {
  const { run, job } = leg;
  const started = Date.now();
  const status = leg.status();
  const baseEnvContext = { ...leg.workflowEnv, ...leg.jobEnv, ...leg.fileEnv };
  const contexts = (env) => ({ ...leg.contexts, env, job: { status: leg.jobStatus }, steps: leg.steps });
  const rawName = step.name ?? defaultStepName(step);
  const where = `job '${job.id}' (${leg.label}), step ${index + 1} '${rawName}'`;
  // An explicit name is evaluated; the default one shows the script or action as written.
  const name = step.name === undefined ? rawName : at(`${where}, name`, () => evaluateToString(rawName, contexts(baseEnvContext), status));
  const entry = { name, id: step.id, ...(step.uses !== undefined ? { uses: String(step.uses) } : { run: "" }), result: "", seconds: 0 };
  if (step.uses !== undefined) entry.ref = parseUses(step.uses).ref;
  if ((step.uses === undefined) === (step.run === undefined)) throw new WorkflowError(`${where}: a step needs exactly one of run: and uses:`);

  const stepEnv = evaluateEnvBlock(step.env, contexts(baseEnvContext), status, `${where}, env`);
  const envContext = { ...baseEnvContext, ...stepEnv };
  const ctx = contexts(envContext);
  const condition = step.if;
  const runs = at(`${where}, if: ${condition}`, () => evaluateCondition(condition, ctx, status));
  const prefix = `[${leg.tag} ${name}]`;
  const label = `job ${job.id} / leg ${leg.number} / step ${index + 1} "${name}"`;
  // The steps context holds the steps that have an id: of their own.
  const record = (outcome, conclusion, outputs = {}) => {
    if (step.id !== undefined) leg.steps[id] = { outcome, conclusion, outputs };
  };
  const finish = (outcome, continueOnError, extra = {}) => {
    const conclusion = outcome === "failure" && continueOnError ? "success" : outcome;
    const result = run.dryRun && conclusion === "success" ? "planned" : conclusion;
    Object.assign(entry, { result, outcome, conclusion, seconds: Math.round((Date.now() - started) / 100) / 10 }, extra);
    record(outcome, conclusion, extra.outputsMap);
    delete entry.outputsMap;
    if (conclusion === "failure" || conclusion === "cancelled") leg.jobStatus = conclusion;
    const note = outcome === "failure" && continueOnError ? " (continue-on-error)" : "";
    const why = extra.error ? `: ${extra.error}` : "";
    run.log(`${label} ${entry.result}${note} (${entry.seconds} s)${why}`);
    return entry;
  };
  if (!runs) {
    if (step.uses === undefined) entry.run = String(step.run);
    Object.assign(entry, { result: "skipped", outcome: "skipped", conclusion: "skipped", seconds: 0 });
    record("skipped", "skipped");
    run.log(`${label} skipped (if: ${condition ?? "success()"})`);
    return entry;
  }
  if (leg.timedOut) {
    Object.assign(entry, { result: "skipped", outcome: "skipped", conclusion: "skipped", seconds: 0 });
    record("skipped", "skipped");
    run.log(`${label} skipped (the job timed out)`);
    return entry;
  }
  const continueOnError = toBoolean(at(`${where}, continue-on-error`, () => evaluateTemplate(step["continue-on-error"] ?? false, ctx, status)));
  const timeoutMinutes = step["timeout-minutes"] === undefined ? undefined : toNumber(at(`${where}, timeout-minutes`, () => evaluateTemplate(step["timeout-minutes"], ctx, status)));
  if (timeoutMinutes !== undefined && !(timeoutMinutes > 0)) throw new WorkflowError(`${where}: timeout-minutes must be a positive number`);
  if (run.dryRun) for (const [k, v] of Object.entries(stepEnv)) run.log(`${prefix} env ${k}=${v}`);
  else run.log(`${label} started`);

  const files = {
    GITHUB_ENV: path.join(leg.commandsDir, `set_env_${id}`),
    GITHUB_OUTPUT: path.join(leg.commandsDir, `set_output_${id}`),
    GITHUB_PATH: path.join(leg.commandsDir, `add_path_${id}`),
    GITHUB_STEP_SUMMARY: path.join(leg.commandsDir, `step_summary_${id}`),
  };
  const processEnv = { ...leg.baseEnv, ...leg.workflowEnv, ...leg.jobEnv, ...leg.fileEnv, ...stepEnv, ...files, GITHUB_ACTION: id };
  if (leg.pathAdditions.length > 0) processEnv.PATH = [...leg.pathAdditions].reverse().concat(processEnv.PATH ? [processEnv.PATH] : []).join(path.delimiter);
  if (step.uses !== undefined) {
    const { name: action, ref } = parseUses(step.uses);
    Object.assign(processEnv, { GITHUB_ACTION_REPOSITORY: action, GITHUB_ACTION_REF: ref });
  }

  if (step.uses !== undefined) {
    const { name: action } = parseUses(step.uses);
    const withBlock = step.with ?? {};
    if (typeof withBlock !== "object" || Array.isArray(withBlock)) throw new WorkflowError(`${where}: with: must be a mapping`);
    const given = {};
    for (const [k, v] of Object.entries(withBlock)) given[k] = at(`${where}, with.${k}`, () => evaluateToString(v, ctx, status));
    entry.with = given;
    const actionCtx = {
      run,
      job: { id: job.id, permissions: job.permissions },
      leg: leg.number,
      runner: leg.runner,
      workspace: leg.workspace,
      env: processEnv,
      dryRun: run.dryRun,
      log: (line) => run.log(`${prefix} ${line}`),
      warn: (line) => run.log(`${prefix} warning: ${line}`),
    };
    try {
      const result = await runAction(action, given, actionCtx, (expression) => evaluateToString(expression, ctx, status));
      if (result?.plan) {
        run.log(`${prefix} would ${result.plan}`);
        return finish("success", continueOnError, { plan: result.plan });
      }
      for (const [k, v] of Object.entries(result?.env ?? {})) leg.fileEnv[k] = v;
      return finish("success", continueOnError, { outputsMap: result?.outputs ?? {} });
    } catch (e) {
      if (e instanceof ActionFailure || e.name === "GitError") return finish("failure", continueOnError, { error: e.message });
      throw e;
    }
  }

  // run:
  const script = at(`${where}, run`, () => evaluateToString(step.run, ctx, status));
  entry.run = script;
  const shell = step.shell ?? job.defaults?.run?.shell ?? run.workflow.defaults?.run?.shell;
  let command;
  try {
    command = shellCommand(shell === undefined ? undefined : String(shell), "SCRIPT");
  } catch (e) {
    throw new WorkflowError(`${where}: ${e.message}`);
  }
  const rawDir = step["working-directory"] ?? job.defaults?.run?.["working-directory"] ?? run.workflow.defaults?.run?.["working-directory"];
  const dir = rawDir === undefined ? "" : at(`${where}, working-directory`, () => evaluateToString(rawDir, ctx, status));
  const cwd = path.resolve(leg.workspace, dir);
  if (run.dryRun) {
    run.log(`${prefix} would run (${command[0]}${dir ? `, in ${dir}` : ""}):`);
    for (const line of script.replace(/\n$/, "").split("\n")) run.log(`${prefix}   | ${line}`);
    return finish("success", continueOnError, { plan: `run ${command[0]}` });
  }
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
    return finish("failure", continueOnError, {
      error: `An error occurred trying to start process '${command[0]}' with working directory '${cwd}'. No such file or directory`,
    });
  }
  const scriptFile = path.join(leg.temp, `${randomUUID()}.sh`);
  writeFileSync(scriptFile, script);
  const cancelledBefore = run.cancelled;
  const remainingMs = leg.deadline - Date.now();
  const timeoutMs = Math.min(timeoutMinutes === undefined ? Infinity : timeoutMinutes * 60_000, remainingMs);
  const result = await runProcess(shellCommand(shell === undefined ? undefined : String(shell), scriptFile), {
    cwd,
    env: processEnv,
    prefix,
    secrets: run.secretValues,
    timeoutMs,
    out: run.out,
  });
  let outcome = "success";
  let error;
  if (result.error) {
    outcome = "failure";
    error = `cannot start ${command[0]}: ${result.error}`;
  } else if (result.timedOut) {
    outcome = "failure";
    if (timeoutMs >= remainingMs) {
      leg.timedOut = true;
      error = `The job has exceeded the maximum execution time`;
    } else {
      error = `The action '${name}' has timed out after ${timeoutMinutes} minutes.`;
    }
  } else if (run.cancelled && !cancelledBefore) {
    outcome = "cancelled";
    error = "the run was cancelled";
  } else if (result.code !== 0) {
    outcome = "failure";
    error = `Process completed with exit code ${result.code ?? `null (signal ${result.signal})`}.`;
  }
  let outputs = {};
  try {
    for (const [k, v] of readKeyValueFile(files.GITHUB_ENV, "GITHUB_ENV")) leg.fileEnv[k] = v;
    outputs = Object.fromEntries(readKeyValueFile(files.GITHUB_OUTPUT, "GITHUB_OUTPUT"));
    for (const p of readPathFile(files.GITHUB_PATH)) {
      const i = leg.pathAdditions.indexOf(p);
      if (i >= 0) leg.pathAdditions.splice(i, 1);
      leg.pathAdditions.push(p);
    }
    if (existsSync(files.GITHUB_STEP_SUMMARY)) leg.summary.push(readFileSync(files.GITHUB_STEP_SUMMARY, "utf8"));
  } catch (e) {
    if (!(e instanceof FileCommandError)) throw e;
    outcome = "failure";
    error = e.message;
  }
  return finish(outcome, continueOnError, { outputsMap: outputs, ...(error ? { error } : {}) });
}
