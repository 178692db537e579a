// Action inputs as @actions/core reads them, and the failure an action reports.

export class ActionFailure extends Error {}

export class Inputs {
  /**
   * @param given     the step's evaluated `with:` (strings)
   * @param declared  { name: default } as the action's action.yml declares them
   */
  constructor(given, declared) {
    this.values = { ...declared, ...given };
    this.unexpected = Object.keys(given).filter((k) => !Object.prototype.hasOwnProperty.call(declared, k));
    this.declared = Object.keys(declared);
  }

  get(name, { required = false } = {}) {
    const value = String(this.values[name] ?? "").trim();
    if (required && value === "") throw new ActionFailure(`Input required and not supplied: ${name}`);
    return value;
  }

  has(name) {
    return this.get(name) !== "";
  }

  boolean(name) {
    const value = this.get(name);
    if (["true", "True", "TRUE"].includes(value)) return true;
    if (["false", "False", "FALSE"].includes(value)) return false;
    throw new ActionFailure(
      `Input does not meet YAML 1.2 "Core Schema" specification: ${name}. Supported boolean values: true | True | TRUE | false | False | FALSE (got '${value}')`,
    );
  }

  integer(name, { min = -Infinity, max = Infinity } = {}) {
    const text = this.get(name);
    const value = Number.parseInt(text, 10);
    if (Number.isNaN(value) || value < min || value > max) {
      const range = Number.isFinite(min) || Number.isFinite(max) ? ` (expected ${min} to ${max})` : "";
      throw new ActionFailure(`Invalid ${name}: '${text}'${range}`);
    }
    return value;
  }

  /** Lines of a multi-line input, trimmed, without blanks. */
  lines(name) {
    return this.get(name)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== "");
  }
}
