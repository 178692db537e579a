// The checks GitHub makes when it reads a workflow, before any job starts: every expression parses,
// calls known functions and uses only the contexts its place has (GitHub's context availability
// table). A mistake in a job that this event would skip is still a mistake.
import { checkCondition, checkTemplate, ExpressionError } from "./expressions.mjs";
import { WorkflowError } from "./workflow.mjs";

const JOB_IF = ["github", "needs", "vars", "inputs"];
const JOB_LEVEL = ["github", "needs", "strategy", "matrix", "vars", "inputs"];
const JOB_ENV = [...JOB_LEVEL, "secrets"];
const JOB_DEFAULTS = [...JOB_LEVEL, "env"];
const STEP_IF = ["github", "needs", "strategy", "matrix", "job", "runner", "env", "vars", "steps", "inputs"];
const STEP = [...STEP_IF, "secrets"];
const WORKFLOW_ENV = ["github", "secrets", "inputs", "vars"];

function check(where, fn) {
  try {
    fn();
  } catch (e) {
    if (e instanceof ExpressionError) throw new WorkflowError(`${where}: ${e.message}`);
    throw e;
  }
}

function checkStep(step, index, jobWhere) {
  if (!step || typeof step !== "object") throw new WorkflowError(`${jobWhere}, step ${index + 1}: a step must be a mapping`);
  const where = `${jobWhere}, step ${index + 1}${step.name !== undefined ? ` '${step.name}'` : ""}`;
  check(`${where}, if: ${step.if}`, () => checkCondition(step.if, STEP_IF));
  for (const key of ["name", "run", "working-directory", "continue-on-error", "timeout-minutes"]) {
    if (step[key] !== undefined) check(`${where}, ${key}`, () => checkTemplate(step[key], STEP));
  }
  for (const block of ["env", "with"]) {
    const value = step[block];
    if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) check(`${where}, ${block}.${k}`, () => checkTemplate(v, STEP));
    } else if (value !== undefined) {
      check(`${where}, ${block}`, () => checkTemplate(value, STEP));
    }
  }
}

export function validateWorkflow(workflow) {
  for (const [k, v] of Object.entries(workflow.env ?? {})) check(`workflow env.${k}`, () => checkTemplate(v, WORKFLOW_ENV));
  // Not applied by this runner (one run at a time), but its expressions must still be valid.
  check("workflow concurrency", () => checkTemplate(workflow.concurrency, ["github", "inputs", "vars"]));
  check("run-name", () => checkTemplate(workflow["run-name"], ["github", "inputs", "vars"]));
  for (const [id, job] of Object.entries(workflow.jobs)) {
    if (!job || typeof job !== "object") throw new WorkflowError(`job '${id}' must be a mapping`);
    const where = `job '${id}'`;
    check(`${where}, if: ${job.if}`, () => checkCondition(job.if, JOB_IF));
    check(`${where}, strategy`, () => checkTemplate(job.strategy, JOB_IF));
    for (const key of ["name", "runs-on", "continue-on-error", "timeout-minutes"]) {
      if (job[key] !== undefined) check(`${where}, ${key}`, () => checkTemplate(job[key], JOB_LEVEL));
    }
    for (const [k, v] of Object.entries(job.env ?? {})) check(`${where}, env.${k}`, () => checkTemplate(v, JOB_ENV));
    check(`${where}, defaults`, () => checkTemplate(job.defaults, JOB_DEFAULTS));
    check(`${where}, concurrency`, () => checkTemplate(job.concurrency, JOB_LEVEL));
    for (const [k, v] of Object.entries(job.outputs ?? {})) check(`${where}, outputs.${k}`, () => checkTemplate(v, STEP));
    if (job.steps !== undefined && !Array.isArray(job.steps)) throw new WorkflowError(`${where}: steps must be a list`);
    (job.steps ?? []).forEach((step, i) => checkStep(step, i, where));
  }
}
