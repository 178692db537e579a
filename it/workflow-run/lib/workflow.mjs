// Reading a workflow file: the YAML parser comes from it/workflow-lint's node_modules (this tool
// adds no dependency of its own), then the job graph in `needs:` order.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export class WorkflowError extends Error {}

const LINT_DIR = new URL("../../workflow-lint/", import.meta.url);

function loadYaml() {
  try {
    return createRequire(new URL("package.json", LINT_DIR))("yaml");
  } catch {
    throw new WorkflowError(
      `the 'yaml' package was not found in ${fileURLToPath(new URL("node_modules/", LINT_DIR))}. Run 'npm ci' in it/workflow-lint first.`,
    );
  }
}

export function readWorkflow(file) {
  const YAML = loadYaml();
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new WorkflowError(`cannot read the workflow ${file}: ${e.message}`);
  }
  const doc = YAML.parseDocument(text, { version: "1.2" });
  if (doc.errors.length > 0) throw new WorkflowError(`${file} is not valid YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
  const workflow = doc.toJS({ maxAliasCount: 1000 });
  if (!workflow || typeof workflow !== "object") throw new WorkflowError(`${file} holds no workflow mapping`);
  // YAML 1.1 readers (GitHub's among them) take an unquoted `on` key as true.
  if (workflow.on === undefined && workflow.true !== undefined) workflow.on = workflow.true;
  if (!workflow.jobs || typeof workflow.jobs !== "object" || Object.keys(workflow.jobs).length === 0) {
    throw new WorkflowError(`${file} has no jobs`);
  }
  return workflow;
}

export function needsOf(job) {
  if (job.needs === undefined || job.needs === null) return [];
  return Array.isArray(job.needs) ? job.needs.map(String) : [String(job.needs)];
}

/** Job ids in an order where each job comes after what it needs (the file's order among equals). */
export function jobOrder(jobs) {
  const ids = Object.keys(jobs);
  for (const id of ids) {
    for (const need of needsOf(jobs[id])) {
      if (!ids.includes(need)) throw new WorkflowError(`job '${id}' needs '${need}', which is not a job of this workflow`);
    }
  }
  const order = [];
  const done = new Set();
  while (order.length < ids.length) {
    const next = ids.find((id) => !done.has(id) && needsOf(jobs[id]).every((n) => done.has(n)));
    if (next === undefined) {
      const cycle = ids.filter((id) => !done.has(id));
      throw new WorkflowError(`the needs of jobs ${cycle.join(", ")} form a cycle`);
    }
    order.push(next);
    done.add(next);
  }
  return order;
}

/** Every job a job needs, directly or through others. */
export function ancestorsOf(jobs, id) {
  const out = new Set();
  const stack = [...needsOf(jobs[id])];
  while (stack.length > 0) {
    const n = stack.pop();
    if (out.has(n)) continue;
    out.add(n);
    stack.push(...needsOf(jobs[n]));
  }
  return [...out];
}
