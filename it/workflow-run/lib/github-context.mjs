// What a run tells its steps about itself: the event payload, the github context and GitHub's
// default environment variables (GITHUB_*, RUNNER_*, CI), for one job and leg.
import path from "node:path";

export function eventPayload(run) {
  const repository = {
    full_name: run.repository,
    name: run.repository.split("/")[1],
    owner: { login: run.owner, name: run.owner },
    html_url: `${run.serverUrl}/${run.repository}`,
  };
  const common = { repository, sender: { login: run.actor } };
  if (run.event === "push") {
    return { ...common, ref: run.ref, before: "0".repeat(40), after: run.sha, created: true, deleted: false, forced: false, base_ref: null, pusher: { name: run.actor }, head_commit: { id: run.sha, message: run.commitMessage }, commits: [] };
  }
  if (run.event === "workflow_dispatch") return { ...common, ref: run.ref, inputs: {} };
  return common;
}

export function githubContext(run, jobId, workspace) {
  return {
    action: "",
    actor: run.actor,
    actor_id: "0",
    api_url: run.apiUrl,
    base_ref: "",
    event: run.payload,
    event_name: run.event,
    event_path: path.join(run.work, "event.json"),
    graphql_url: run.graphqlUrl,
    head_ref: "",
    job: jobId,
    ref: run.ref,
    ref_name: run.refName,
    ref_protected: false,
    ref_type: run.refType,
    repository: run.repository,
    repository_owner: run.owner,
    retention_days: "90",
    run_attempt: "1",
    run_id: run.runId,
    run_number: "1",
    secret_source: "Actions",
    server_url: run.serverUrl,
    sha: run.sha,
    token: run.token,
    triggering_actor: run.actor,
    workflow: run.workflowName,
    workflow_ref: run.workflowRef,
    workflow_sha: run.sha,
    workspace,
  };
}

export function githubVariables(run, jobId, leg) {
  return {
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_ACTOR: run.actor,
    GITHUB_ACTOR_ID: "0",
    GITHUB_API_URL: run.apiUrl,
    GITHUB_BASE_REF: "",
    GITHUB_EVENT_NAME: run.event,
    GITHUB_EVENT_PATH: path.join(run.work, "event.json"),
    GITHUB_GRAPHQL_URL: run.graphqlUrl,
    GITHUB_HEAD_REF: "",
    GITHUB_JOB: jobId,
    GITHUB_REF: run.ref,
    GITHUB_REF_NAME: run.refName,
    GITHUB_REF_PROTECTED: "false",
    GITHUB_REF_TYPE: run.refType,
    GITHUB_REPOSITORY: run.repository,
    GITHUB_REPOSITORY_OWNER: run.owner,
    GITHUB_RETENTION_DAYS: "90",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_RUN_ID: run.runId,
    GITHUB_RUN_NUMBER: "1",
    GITHUB_SERVER_URL: run.serverUrl,
    GITHUB_SHA: run.sha,
    GITHUB_TRIGGERING_ACTOR: run.actor,
    GITHUB_WORKFLOW: run.workflowName,
    GITHUB_WORKFLOW_REF: run.workflowRef,
    GITHUB_WORKFLOW_SHA: run.sha,
    GITHUB_WORKSPACE: leg.workspace,
    RUNNER_ARCH: leg.runner.arch,
    RUNNER_NAME: "local",
    RUNNER_OS: leg.runner.os,
    RUNNER_TEMP: leg.temp,
    RUNNER_TOOL_CACHE: path.join(leg.temp, "tool-cache"),
    DOCKER_CONFIG: path.join(leg.temp, "docker-config"),
  };
}
