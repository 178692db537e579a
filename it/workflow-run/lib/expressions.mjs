// GitHub Actions expressions: the evaluator with GitHub's loose equality, truthiness and string
// conversion, templates (${{ }} in strings), if: conditions, and the static checks. Contexts are
// plain objects; the caller decides which a place has (an unknown one is an error, as on GitHub).

import { ExpressionError, parse } from "./expression-parser.mjs";

export { ExpressionError, parse };

// --- values -------------------------------------------------------------------------------

export function toBoolean(value) {
  if (value === null || value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return !(value === 0 || Number.isNaN(value));
  if (typeof value === "string") return value.length > 0;
  return true;
}

export function toNumber(value) {
  if (value === null || value === undefined) return 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    if (value.trim() === "") return 0;
    const n = Number(value.trim());
    return Number.isNaN(n) ? NaN : n;
  }
  return NaN;
}

export function toText(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (value === Infinity) return "Infinity";
    if (value === -Infinity) return "-Infinity";
    return String(Number(value.toPrecision(15)));
  }
  if (typeof value === "string") return value;
  return Array.isArray(value) ? "Array" : "Object";
}

function kindOf(value) {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value; // boolean, number, string, object
}

export function looseEquals(a, b) {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === kb) {
    if (ka === "string") return a.toUpperCase() === b.toUpperCase();
    if (ka === "number") return a === b;
    if (ka === "null") return true;
    return a === b; // booleans by value, objects and arrays by identity
  }
  if (ka === "object" || ka === "array" || kb === "object" || kb === "array") return false;
  const na = toNumber(a);
  const nb = toNumber(b);
  return na === nb; // NaN never equals
}

function compare(op, a, b) {
  let x = a;
  let y = b;
  if (kindOf(a) === "string" && kindOf(b) === "string") {
    x = a.toUpperCase();
    y = b.toUpperCase();
  } else {
    x = toNumber(a);
    y = toNumber(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return false;
  }
  switch (op) {
    case "<":
      return x < y;
    case "<=":
      return x <= y;
    case ">":
      return x > y;
    default:
      return x >= y;
  }
}

export function getProperty(target, name) {
  if (target === null || typeof target !== "object" || Array.isArray(target)) return null;
  if (Object.prototype.hasOwnProperty.call(target, name)) return target[name] ?? null;
  const lower = name.toLowerCase();
  for (const key of Object.keys(target)) if (key.toLowerCase() === lower) return target[key] ?? null;
  return null;
}

// --- functions ----------------------------------------------------------------------------

const STATUS_FUNCTIONS = ["success", "failure", "always", "cancelled"];

function formatString(template, args, source) {
  let out = "";
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === "{" && template[i + 1] === "{") {
      out += "{";
      i++;
    } else if (c === "}" && template[i + 1] === "}") {
      out += "}";
      i++;
    } else if (c === "{") {
      const end = template.indexOf("}", i);
      const index = end < 0 ? NaN : Number(template.slice(i + 1, end));
      if (!Number.isInteger(index) || index < 0) throw new ExpressionError(`format: invalid format string '${template}'`, source);
      if (index >= args.length) throw new ExpressionError(`format: '${template}' refers to argument ${index}, only ${args.length} given`, source);
      out += toText(args[index]);
      i = end;
    } else if (c === "}") {
      throw new ExpressionError(`format: invalid format string '${template}'`, source);
    } else {
      out += c;
    }
  }
  return out;
}

const FUNCTIONS = {
  contains: [2, 2, ([search, item]) => {
    if (Array.isArray(search)) return search.some((element) => looseEquals(element, item));
    return toText(search).toUpperCase().includes(toText(item).toUpperCase());
  }],
  startswith: [2, 2, ([s, prefix]) => toText(s).toUpperCase().startsWith(toText(prefix).toUpperCase())],
  endswith: [2, 2, ([s, suffix]) => toText(s).toUpperCase().endsWith(toText(suffix).toUpperCase())],
  format: [1, Infinity, ([template, ...args], source) => formatString(toText(template), args, source)],
  join: [1, 2, ([array, separator]) => {
    const sep = separator === undefined ? "," : toText(separator);
    return Array.isArray(array) ? array.map(toText).join(sep) : toText(array);
  }],
  tojson: [1, 1, ([value]) => JSON.stringify(value ?? null, null, 2)],
  fromjson: [1, 1, ([text], source) => {
    try {
      return JSON.parse(toText(text));
    } catch (e) {
      throw new ExpressionError(`fromJSON: not valid JSON: ${toText(text)} (${e.message})`, source);
    }
  }],
  hashfiles: [1, Infinity, (_args, source) => {
    throw new ExpressionError("hashFiles() is not supported by this local runner", source);
  }],
};

// --- evaluation ---------------------------------------------------------------------------

/**
 * Evaluates a parsed or textual expression.
 * @param contexts  { github: {...}, matrix: {...}, ... } — only these names are known
 * @param status    { success(), failure(), cancelled() } for the status functions; absent where
 *                  GitHub does not allow them
 */
export function evaluate(expression, contexts, status) {
  const source = typeof expression === "string" ? expression : expression.source;
  const tree = typeof expression === "string" ? parse(expression) : expression.tree;

  function ev(node) {
    switch (node.kind) {
      case "literal":
        return node.value;
      case "context": {
        const key = Object.keys(contexts).find((k) => k.toLowerCase() === node.name.toLowerCase());
        if (key === undefined) throw new ExpressionError(`Unrecognized named-value: '${node.name}'`, source);
        return contexts[key] ?? null;
      }
      case "property":
        return filterAware(ev(node.target), (t) => getProperty(t, node.name), node.target);
      case "index": {
        const target = ev(node.target);
        const key = ev(node.key);
        if (Array.isArray(target)) {
          const i = toNumber(key);
          return Number.isInteger(i) && i >= 0 && i < target.length ? target[i] ?? null : null;
        }
        return getProperty(target, toText(key));
      }
      case "filter": {
        const target = ev(node.target);
        const values = Array.isArray(target) ? target : target && typeof target === "object" ? Object.values(target) : [];
        return markFiltered(values);
      }
      case "not":
        return !toBoolean(ev(node.operand));
      case "binary": {
        if (node.op === "&&") {
          const left = ev(node.left);
          return toBoolean(left) ? ev(node.right) : left;
        }
        if (node.op === "||") {
          const left = ev(node.left);
          return toBoolean(left) ? left : ev(node.right);
        }
        const left = ev(node.left);
        const right = ev(node.right);
        if (node.op === "==") return looseEquals(left, right);
        if (node.op === "!=") return !looseEquals(left, right);
        return compare(node.op, left, right);
      }
      case "call":
        return call(node);
      default:
        throw new ExpressionError(`Unknown node ${node.kind}`, source);
    }
  }

  // `a.*.b` applies `.b` to every element of the filtered array and flattens one level.
  function filterAware(target, access, targetNode) {
    if (Array.isArray(target) && FILTERED.has(target) && targetNode) {
      return markFiltered(target.map(access).filter((v) => v !== null));
    }
    return access(target);
  }

  function call(node) {
    const name = node.name.toLowerCase();
    if (STATUS_FUNCTIONS.includes(name)) {
      if (!status) throw new ExpressionError(`Function '${node.name}' is not allowed here`, source);
      if (node.args.length !== 0) throw new ExpressionError(`Function '${node.name}' takes no arguments`, source);
      if (name === "always") return true;
      if (name === "cancelled") return status.cancelled();
      if (name === "failure") return status.failure();
      return status.success();
    }
    const fn = FUNCTIONS[name];
    if (!fn) throw new ExpressionError(`Unrecognized function: '${node.name}'`, source);
    const [min, max, impl] = fn;
    if (node.args.length < min || node.args.length > max) {
      const expected = max === Infinity ? `at least ${min}` : min === max ? `${min}` : `${min} to ${max}`;
      throw new ExpressionError(`Function '${node.name}' takes ${expected} argument(s), got ${node.args.length}`, source);
    }
    return impl(node.args.map(ev), source);
  }

  return ev(tree);
}

const FILTERED = new WeakSet();
function markFiltered(array) {
  FILTERED.add(array);
  return array;
}

/** Whether the expression calls success(), failure(), always() or cancelled() anywhere. */
export function usesStatusFunction(tree) {
  if (!tree || typeof tree !== "object") return false;
  if (tree.kind === "call" && STATUS_FUNCTIONS.includes(tree.name.toLowerCase())) return true;
  return Object.values(tree).some((child) =>
    Array.isArray(child) ? child.some(usesStatusFunction) : usesStatusFunction(child),
  );
}

// --- templates: strings with ${{ }} -------------------------------------------------------

/** Splits a string into literal text and expression sources; a '}}' inside a quoted string does not close. */
export function splitTemplate(text) {
  const parts = [];
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf("${{", i);
    if (start < 0) {
      parts.push({ text: text.slice(i) });
      break;
    }
    if (start > i) parts.push({ text: text.slice(i, start) });
    let j = start + 3;
    let inString = false;
    for (; j < text.length; j++) {
      if (text[j] === "'") inString = !inString;
      else if (!inString && text.startsWith("}}", j)) break;
    }
    if (j >= text.length) throw new ExpressionError("The expression is not closed with '}}'", text.slice(start));
    parts.push({ expression: text.slice(start + 3, j).trim() });
    i = j + 2;
  }
  return parts;
}

/**
 * Evaluates a value as GitHub does for workflow keys: a string that is exactly one ${{ }} yields the
 * expression's value (any type), other strings with ${{ }} are interpolated into a string, arrays
 * and objects are evaluated member by member, everything else is returned as is.
 */
export function evaluateTemplate(value, contexts, status) {
  if (typeof value === "string") {
    if (!value.includes("${{")) return value;
    const parts = splitTemplate(value);
    if (parts.length === 1 && parts[0].expression !== undefined) return evaluate(parts[0].expression, contexts, status);
    return parts.map((p) => (p.expression !== undefined ? toText(evaluate(p.expression, contexts, status)) : p.text)).join("");
  }
  if (Array.isArray(value)) return value.map((v) => evaluateTemplate(v, contexts, status));
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = evaluateTemplate(v, contexts, status);
    return out;
  }
  return value;
}

/** Like evaluateTemplate, converted to a string (env values, inputs, scripts, names). */
export function evaluateToString(value, contexts, status) {
  const result = evaluateTemplate(value, contexts, status);
  if (result !== null && typeof result === "object") return JSON.stringify(result, null, 2);
  return toText(result);
}

/**
 * Evaluates an `if:` condition. Without ${{ }} the whole text is the expression; a condition that
 * calls no status function is wrapped as success() && (...), GitHub's default.
 */
export function evaluateCondition(condition, contexts, status) {
  if (condition === undefined || condition === null || condition === "") return status.success();
  if (typeof condition === "boolean" || typeof condition === "number") return status.success() && toBoolean(condition);
  let source = String(condition).trim();
  const parts = source.includes("${{") ? splitTemplate(source) : null;
  if (parts && !(parts.length === 1 && parts[0].expression !== undefined)) {
    // Text around ${{ }}: GitHub evaluates the whole as a string, so it is truthy unless empty.
    return status.success() && toBoolean(evaluateToString(source, contexts, status));
  }
  if (parts) source = parts[0].expression;
  const tree = parse(source);
  const value = evaluate({ source, tree }, contexts, status);
  return usesStatusFunction(tree) ? toBoolean(value) : status.success() && toBoolean(value);
}

// --- static checks: what GitHub rejects when it reads the workflow, before anything runs --------

/**
 * Checks an expression without evaluating it: every function must exist with a fitting argument
 * count, every context must be one the place allows; status functions only where allowStatus.
 */
export function checkExpression(source, allowedContexts, { allowStatus = false } = {}) {
  const allowed = allowedContexts.map((c) => c.toLowerCase());
  const walk = (node) => {
    if (!node || typeof node !== "object") return;
    if (node.kind === "context" && !allowed.includes(node.name.toLowerCase())) {
      throw new ExpressionError(`Unrecognized named-value: '${node.name}' (available here: ${allowedContexts.join(", ")})`, source);
    }
    if (node.kind === "call") {
      const name = node.name.toLowerCase();
      if (STATUS_FUNCTIONS.includes(name)) {
        if (!allowStatus) throw new ExpressionError(`Function '${node.name}' is only allowed in if:`, source);
        if (node.args.length > 0) throw new ExpressionError(`Function '${node.name}' takes no arguments`, source);
      } else {
        const fn = FUNCTIONS[name];
        if (!fn) throw new ExpressionError(`Unrecognized function: '${node.name}'`, source);
        const [min, max] = fn;
        if (node.args.length < min || node.args.length > max) {
          const expected = max === Infinity ? `at least ${min}` : min === max ? `${min}` : `${min} to ${max}`;
          throw new ExpressionError(`Function '${node.name}' takes ${expected} argument(s), got ${node.args.length}`, source);
        }
      }
    }
    for (const child of Object.values(node)) {
      if (Array.isArray(child)) child.forEach(walk);
      else walk(child);
    }
  };
  walk(parse(source));
}

/** checkExpression over every ${{ }} in a value (strings, lists, mappings). */
export function checkTemplate(value, allowedContexts) {
  if (typeof value === "string") {
    if (!value.includes("${{")) return;
    for (const part of splitTemplate(value)) if (part.expression !== undefined) checkExpression(part.expression, allowedContexts);
  } else if (Array.isArray(value)) {
    value.forEach((v) => checkTemplate(v, allowedContexts));
  } else if (value && typeof value === "object") {
    Object.values(value).forEach((v) => checkTemplate(v, allowedContexts));
  }
}

/** checkExpression for an if: (the whole text is the expression unless it holds ${{ }}). */
export function checkCondition(condition, allowedContexts) {
  if (typeof condition !== "string" || condition.trim() === "") return;
  const text = condition.trim();
  if (!text.includes("${{")) return checkExpression(text, allowedContexts, { allowStatus: true });
  for (const part of splitTemplate(text)) {
    if (part.expression !== undefined) checkExpression(part.expression, allowedContexts, { allowStatus: true });
  }
}
