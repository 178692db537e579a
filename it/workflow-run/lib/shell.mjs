// Runs one `run:` script as the runner does: the script in a file, the shell's command line from
// GitHub's table, output streamed line by line with a prefix and secrets masked, a timeout that
// ends the whole process group.
import { spawn } from "node:child_process";

// GitHub's command lines for the shells this runner supports ({0} is the script file).
const SHELLS = {
  bash: ["bash", "--noprofile", "--norc", "-eo", "pipefail", "{0}"],
  sh: ["sh", "-e", "{0}"],
  // `shell:` not given on a Linux runner
  default: ["bash", "-e", "{0}"],
};

export function shellCommand(shell, file) {
  const line = SHELLS[shell ?? "default"];
  if (!line) {
    throw new Error(`shell '${shell}' is not supported by this local runner (supported: bash, sh)`);
  }
  return line.map((part) => (part === "{0}" ? file : part));
}

export function maskSecrets(text, secrets) {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join("***");
  return out;
}

/** Writes a stream to `out` line by line, each prefixed. */
function lineWriter(prefix, secrets, out) {
  let pending = "";
  return {
    write(chunk) {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop();
      for (const l of lines) out.write(`${prefix} ${maskSecrets(l.replace(/\r$/, ""), secrets)}\n`);
    },
    end() {
      if (pending !== "") out.write(`${prefix} ${maskSecrets(pending, secrets)}\n`);
      pending = "";
    },
  };
}

let current; // the running child, ended on SIGINT/SIGTERM of the runner
const groups = new Set(); // process groups of the steps run so far (each step is a group leader)

/**
 * Ends what the steps left running in the background, as the runner cleans up orphan processes
 * when a job ends. Only the process groups of this runner's own steps are signalled.
 */
export function endLeftoverProcesses() {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, "SIGTERM");
    } catch {
      /* the group is gone */
    }
  }
  groups.clear();
}

export function cancelCurrent(signal = "SIGTERM") {
  if (current?.pid) {
    try {
      process.kill(-current.pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/**
 * @returns Promise<{ code, signal, timedOut }>
 */
export function runProcess(command, { cwd, env, prefix, secrets = [], timeoutMs, out = process.stdout }) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    current = child;
    if (child.pid) groups.add(child.pid);
    const stdout = lineWriter(prefix, secrets, out);
    const stderr = lineWriter(prefix, secrets, out);
    child.stdout.setEncoding("utf8").on("data", (d) => stdout.write(d));
    child.stderr.setEncoding("utf8").on("data", (d) => stderr.write(d));
    let timedOut = false;
    let killer;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            cancelCurrent("SIGTERM");
            killer = setTimeout(() => cancelCurrent("SIGKILL"), 5000);
          }, timeoutMs)
        : undefined;
    child.on("error", (error) => {
      clearTimeout(timer);
      current = undefined;
      resolve({ code: -1, signal: null, timedOut, error: error.message });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killer);
      stdout.end();
      stderr.end();
      current = undefined;
      resolve({ code, signal, timedOut });
    });
  });
}
