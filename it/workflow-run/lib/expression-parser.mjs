// The grammar of GitHub Actions expressions: tokens, then a precedence-climbing parser that
// makes a small tree ({ kind: literal | context | property | index | filter | not | binary | call }).

export class ExpressionError extends Error {
  constructor(message, expression) {
    super(expression === undefined ? message : `${message} in expression '${expression}'`);
    this.name = "ExpressionError";
    this.expression = expression;
  }
}

// --- tokens -------------------------------------------------------------------------------

const OPERATORS = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", "[", "]", ",", ".", "*"];

function tokenize(source) {
  const tokens = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'") {
      let value = "";
      let j = i + 1;
      for (;;) {
        if (j >= source.length) throw new ExpressionError(`Unterminated string at position ${i + 1}`, source);
        if (source[j] === "'") {
          if (source[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += source[j++];
      }
      tokens.push({ type: "literal", value, pos: i });
      i = j + 1;
      continue;
    }
    const number = /^(?:0x[0-9a-fA-F]+|0o[0-7]+|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/.exec(source.slice(i));
    const previous = tokens[tokens.length - 1];
    const signAllowed = !previous || (previous.type === "op" && previous.value !== ")" && previous.value !== "]");
    if (number && (/^[-+]/.test(number[0]) ? signAllowed : true) && !/^[A-Za-z_]/.test(source.slice(i + number[0].length))) {
      tokens.push({ type: "literal", value: Number(number[0]), pos: i });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(source.slice(i));
    if (word) {
      const w = word[0];
      if (w === "true" || w === "false") tokens.push({ type: "literal", value: w === "true", pos: i });
      else if (w === "null") tokens.push({ type: "literal", value: null, pos: i });
      else if (w === "NaN") tokens.push({ type: "literal", value: NaN, pos: i });
      else if (w === "Infinity") tokens.push({ type: "literal", value: Infinity, pos: i });
      else tokens.push({ type: "word", value: w, pos: i });
      i += w.length;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op) {
      tokens.push({ type: "op", value: op, pos: i });
      i += op.length;
      continue;
    }
    throw new ExpressionError(`Unexpected symbol '${c}' at position ${i + 1}`, source);
  }
  return tokens;
}

// --- parser -------------------------------------------------------------------------------
// Precedence, lowest first: || then && then == != then < <= > >= then ! then . [] ().

const BINARY_LEVELS = [["||"], ["&&"], ["==", "!="], ["<", "<=", ">", ">="]];

export function parse(source) {
  const tokens = tokenize(source);
  let index = 0;
  const peek = () => tokens[index];
  const isOp = (value) => peek()?.type === "op" && peek().value === value;
  const fail = (what) => {
    const token = peek();
    const where = token ? `'${token.value}' at position ${token.pos + 1}` : "end of the expression";
    throw new ExpressionError(`Unexpected ${where}, expected ${what}`, source);
  };
  const expect = (value) => {
    if (!isOp(value)) fail(`'${value}'`);
    index++;
  };

  function binary(level) {
    if (level === BINARY_LEVELS.length) return unary();
    let left = binary(level + 1);
    while (peek()?.type === "op" && BINARY_LEVELS[level].includes(peek().value)) {
      const op = tokens[index++].value;
      const right = binary(level + 1);
      left = { kind: "binary", op, left, right };
    }
    return left;
  }

  function unary() {
    if (isOp("!")) {
      index++;
      return { kind: "not", operand: unary() };
    }
    return postfix(primary());
  }

  function primary() {
    const token = peek();
    if (!token) fail("a value");
    if (token.type === "literal") {
      index++;
      return { kind: "literal", value: token.value };
    }
    if (isOp("(")) {
      index++;
      const inner = binary(0);
      expect(")");
      return inner;
    }
    if (token.type === "word") {
      index++;
      if (isOp("(")) {
        index++;
        const args = [];
        if (!isOp(")")) {
          for (;;) {
            args.push(binary(0));
            if (isOp(",")) {
              index++;
              continue;
            }
            break;
          }
        }
        expect(")");
        return { kind: "call", name: token.value, args };
      }
      return { kind: "context", name: token.value };
    }
    fail("a value");
  }

  function postfix(node) {
    for (;;) {
      if (isOp(".")) {
        index++;
        if (isOp("*")) {
          index++;
          node = { kind: "filter", target: node };
        } else if (peek()?.type === "word" || (peek()?.type === "literal" && typeof peek().value === "boolean")) {
          node = { kind: "property", target: node, name: String(tokens[index++].value) };
        } else {
          fail("a property name");
        }
      } else if (isOp("[")) {
        index++;
        if (isOp("*")) {
          index++;
          expect("]");
          node = { kind: "filter", target: node };
        } else {
          const key = binary(0);
          expect("]");
          node = { kind: "index", target: node, key };
        }
      } else {
        return node;
      }
    }
  }

  if (tokens.length === 0) throw new ExpressionError("Empty expression", source);
  const tree = binary(0);
  if (index < tokens.length) fail("an operator or the end of the expression");
  return tree;
}
