// actions/setup-java, locally: no JDK is installed; the JDK the steps will use (JAVA_HOME's, else
// the first java on PATH) must answer `java -version` with the major version the step asks for.
// Like the action, it writes settings.xml with the server-id / server-username / server-password
// inputs (and gpg.passphrase when gpg-private-key is given) into settings-path, else $HOME/.m2; but
// never into this machine's own home: pass --env HOME=<dir> for a job's home of its own.
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ActionFailure } from "./inputs.mjs";

export const inputs = {
  "java-version": "",
  "java-version-file": "",
  distribution: "",
  "java-package": "jdk",
  architecture: "",
  jdkFile: "",
  "check-latest": "false",
  "server-id": "github",
  "server-username": "GITHUB_ACTOR",
  "server-password": "GITHUB_TOKEN",
  "settings-path": "",
  "overwrite-settings": "true",
  "gpg-private-key": "",
  "gpg-passphrase": "",
  cache: "",
  "cache-dependency-path": "",
  "job-status": "",
  token: "",
  "mvn-toolchain-id": "",
  "mvn-toolchain-vendor": "",
};

const CACHES = ["", "maven", "gradle", "sbt"];

/** The major version in `java -version` output ("1.8.0_392" is 8, "21.0.2" is 21). */
export function parseJavaVersion(output) {
  const line = output.split("\n").find((l) => /version\s+"/.test(l));
  if (!line) return undefined;
  const version = /version\s+"([^"]+)"/.exec(line)[1];
  const m = /^1\.(\d+)/.exec(version) ?? /^(\d+)/.exec(version);
  return { line: line.trim(), version, major: m ? Number(m[1]) : undefined };
}

// The major version a java-version input asks for: '21', '21.0.2', '17.x', '>=17' (its lower bound).
function requestedMajor(spec) {
  const m = /(\d+)/.exec(spec.replace(/^1\.(?=\d)/, ""));
  return m ? Number(m[1]) : undefined;
}

function javaExecutable(env) {
  if (env.JAVA_HOME) return path.join(env.JAVA_HOME, "bin", "java");
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir || ".", "java");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

const xml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** settings.xml as actions/setup-java writes it: one server whose credentials Maven reads from the environment. */
export function settingsXml(id, username, password, gpgPassphrase) {
  const gpg = gpgPassphrase
    ? `
    <server>
      <id>gpg.passphrase</id>
      <passphrase>\${env.${xml(gpgPassphrase)}}</passphrase>
    </server>`
    : "";
  return `<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://maven.apache.org/SETTINGS/1.0.0 https://maven.apache.org/xsd/settings-1.0.0.xsd">
  <interactiveMode>false</interactiveMode>
  <servers>
    <server>
      <id>${xml(id)}</id>
      <username>\${env.${xml(username)}}</username>
      <password>\${env.${xml(password)}}</password>
    </server>${gpg}
  </servers>
</settings>
`;
}

// Where the action would write settings.xml, or why it is not written here.
function writeSettings(ctx) {
  const { inputs: input } = ctx;
  const explicit = input.get("settings-path");
  const home = ctx.env.HOME;
  const dir = explicit !== "" ? path.resolve(ctx.workspace, explicit) : home ? path.join(home, ".m2") : undefined;
  if (dir === undefined) return "settings.xml not written: no settings-path and no HOME";
  if (explicit === "" && path.resolve(home) === path.resolve(os.homedir())) {
    return `settings.xml not written: HOME is this machine's own home (${home}); pass --env HOME=<dir> for a job's own`;
  }
  const file = path.join(dir, "settings.xml");
  if (input.get("overwrite-settings") === "false" && existsSync(file)) return `${file} exists and overwrite-settings is false: kept`;
  const gpg = input.get("gpg-private-key") !== "" ? input.get("gpg-passphrase") || "GPG_PASSPHRASE" : "";
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, settingsXml(input.get("server-id"), input.get("server-username"), input.get("server-password"), gpg));
  return `wrote ${file} (server ${input.get("server-id")})`;
}

export async function run(ctx) {
  const { inputs: input } = ctx;
  input.get("distribution", { required: true });
  const cache = input.get("cache");
  if (!CACHES.includes(cache)) throw new ActionFailure(`cache '${cache}' is not supported (expected maven, gradle or sbt)`);
  let spec = input.get("java-version");
  if (spec === "" && input.has("java-version-file")) {
    const file = path.resolve(ctx.workspace, input.get("java-version-file"));
    if (!ctx.dryRun) {
      try {
        spec = readFileSync(file, "utf8").split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
      } catch (e) {
        throw new ActionFailure(`java-version-file: cannot read ${file}: ${e.message}`);
      }
    }
  } else if (spec === "") {
    throw new ActionFailure("Input required and not supplied: java-version (or java-version-file)");
  }
  const wanted = spec === "" ? undefined : requestedMajor(spec);
  if (spec !== "" && wanted === undefined) throw new ActionFailure(`java-version '${spec}' names no major version`);
  if (ctx.dryRun) return { plan: `check that java -version reports major version ${wanted ?? "(from the version file)"}` };

  const java = javaExecutable(ctx.env);
  if (!java) throw new ActionFailure("no java on PATH and no JAVA_HOME: install a JDK or pass --env JAVA_HOME=...");
  const result = spawnSync(java, ["-version"], { env: ctx.env, encoding: "utf8" });
  if (result.error || result.status !== 0) {
    throw new ActionFailure(`${java} -version failed: ${result.error?.message ?? (result.stderr || result.stdout).trim()}`);
  }
  const parsed = parseJavaVersion(`${result.stderr}\n${result.stdout}`);
  if (!parsed) throw new ActionFailure(`${java} -version printed no version line`);
  ctx.log(`${java}: ${parsed.line}`);
  if (wanted !== undefined && parsed.major !== wanted) {
    throw new ActionFailure(`java-version ${spec} asks for Java ${wanted}, but ${java} is Java ${parsed.major} (${parsed.line}). Pass --env JAVA_HOME=<a JDK ${wanted}>.`);
  }
  if (cache !== "") ctx.log(`cache: ${cache} is not emulated (the local repository is used as it is)`);
  ctx.log(writeSettings(ctx));
  const home = path.dirname(path.dirname(realpathSync(java)));
  const env = { JAVA_HOME: home, [`JAVA_HOME_${parsed.major}_${ctx.runner.arch}`]: home };
  return { outputs: { distribution: input.get("distribution"), version: parsed.version, path: home, "cache-hit": "false" }, env };
}
