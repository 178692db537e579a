// The files a step writes to talk to the runner: GITHUB_ENV and GITHUB_OUTPUT (NAME=VALUE lines
// and the NAME<<DELIMITER heredoc form, parsed as the runner parses them) and GITHUB_PATH.
import { existsSync, readFileSync } from "node:fs";

export class FileCommandError extends Error {}

/** Parses GITHUB_ENV / GITHUB_OUTPUT content into [name, value] pairs, in order. */
export function parseKeyValueFile(text, fileName) {
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  const pairs = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === "") continue;
    const equals = line.indexOf("=");
    const heredoc = line.indexOf("<<");
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      const name = line.slice(0, equals);
      if (name === "") throw new FileCommandError(`${fileName}: a line has no name before '=': ${line}`);
      pairs.push([name, line.slice(equals + 1)]);
    } else if (heredoc >= 0) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (name === "") throw new FileCommandError(`${fileName}: a line has no name before '<<': ${line}`);
      if (delimiter === "") throw new FileCommandError(`${fileName}: '${name}<<' has no delimiter`);
      const body = [];
      let j = i + 1;
      while (j < lines.length && lines[j] !== delimiter) body.push(lines[j++]);
      if (j >= lines.length) throw new FileCommandError(`${fileName}: matching delimiter '${delimiter}' not found for '${name}'`);
      pairs.push([name, body.join("\n")]);
      i = j;
    } else {
      throw new FileCommandError(`${fileName}: invalid line (expected NAME=VALUE or NAME<<DELIMITER): ${line}`);
    }
  }
  return pairs;
}

export function readKeyValueFile(file, fileName) {
  if (!existsSync(file)) return [];
  return parseKeyValueFile(readFileSync(file, "utf8"), fileName);
}

export function readPathFile(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.replace(/\r$/, "").trim())
    .filter((l) => l !== "");
}
