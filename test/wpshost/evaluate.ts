// The formula engine of the in-memory WPS 表格: what Value2 of a formula cell gives. It computes numbers, text,
// comparisons, & and arithmetic on cells and ranges (element by element inside array functions, as
// SUMPRODUCT does) and the functions the add-in's forms use; any other function is #NAME?, as in a WPS that
// lacks it. Results follow Excel's worksheet-function reference (learn.microsoft.com/office/... /<function>
// pages on support.microsoft.com, one per function).

import { addMonthsClamped, chinaToday, partsFromSerial, serialFromParts } from "../../src/core/dates";
import { parseRect, splitSheet } from "./address";
import type { Rect, Scalar } from "./model";

/** A cell error value ("#DIV/0!" …). */
export class ErrorValue {
  constructor(readonly code: string) {}
}

/**
 * Value2 of an error cell: Excel's COM object model gives the error as a VT_ERROR variant whose code is
 * 0x800A0000 + xlErr… (xlErrDiv0 2007 …: learn.microsoft.com/office/vba/excel/concepts/cells-and-ranges/cell-error-values);
 * WPS documents nothing else, so the host gives that code as a number.
 */
export const ERROR_CODES: Record<string, number> = {
  "#NULL!": 2000,
  "#DIV/0!": 2007,
  "#VALUE!": 2015,
  "#REF!": 2023,
  "#NAME?": 2029,
  "#NUM!": 2036,
  "#N/A": 2042,
};
export const comErrorCode = (e: ErrorValue) => (ERROR_CODES[e.code] ?? 2015) - 2146828288;

type S = number | string | boolean | ErrorValue | null;
type V = S | S[][];

export interface FormulaContext {
  /** The cells of a rectangle on a sheet (the formula's own when no name): constants or computed values. */
  read(sheet: string | undefined, rect: Rect): S[][] | ErrorValue;
  isFormula(sheet: string | undefined, row: number, col: number): boolean;
  row: number;
  col: number;
  today?: number;
}

// ---- parsing ----

type Node =
  | { k: "lit"; v: S }
  | { k: "ref"; sheet?: string; rect: Rect }
  | { k: "un"; op: string; a: Node }
  | { k: "pct"; a: Node }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "fn"; name: string; args: Node[] };

const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|(#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A))|((?:'(?:[^']|'')+'|[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?(?![\w(]))|((?:_xlfn\.)?[A-Za-z][A-Za-z0-9.]*)\s*\(|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+)|(TRUE|FALSE)(?![\w(])|(<>|<=|>=|[-+*/^&=<>(),%]))/iy;

function tokenize(src: string): string[] | undefined {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < src.length) {
    if (/^\s*$/.test(src.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(src);
    if (!m) return undefined;
    at = TOKEN.lastIndex;
    const [, str, err, ref, fn, num, bool, op] = m;
    out.push(
      str !== undefined
        ? `s${str}`
        : err
          ? `e${err.toUpperCase()}`
          : ref
            ? `r${ref}`
            : fn
              ? `f${fn.toUpperCase().replace(/^_XLFN\./, "")}`
              : num
                ? `n${num}`
                : bool
                  ? `b${bool.toUpperCase()}`
                  : `o${op}`,
    );
  }
  return out;
}

function parse(src: string): Node | undefined {
  const tokens = tokenize(src);
  if (!tokens) return undefined;
  let at = 0;
  const peekOp = () => (tokens[at]?.startsWith("o") ? tokens[at]!.slice(1) : undefined);
  const binary = (ops: string[], next: () => Node) => (): Node => {
    let a = next();
    for (let op = peekOp(); op && ops.includes(op); op = peekOp()) {
      at++;
      a = { k: "bin", op, a, b: next() };
    }
    return a;
  };
  const primary = (): Node => {
    const t = tokens[at++];
    if (t === undefined) throw new Error("end");
    const body = t.slice(1);
    switch (t[0]) {
      case "s":
        return { k: "lit", v: body.slice(1, -1).replace(/""/g, '"') };
      case "e":
        return { k: "lit", v: new ErrorValue(body) };
      case "n":
        return { k: "lit", v: Number(body) };
      case "b":
        return { k: "lit", v: body === "TRUE" };
      case "r": {
        const { sheet, ref } = splitSheet(body);
        const rect = parseRect(ref);
        if (!rect) throw new Error("ref");
        return { k: "ref", sheet, rect };
      }
      case "f": {
        const args: Node[] = [];
        if (peekOp() === ")") at++;
        else
          for (;;) {
            args.push(comparison());
            const op = tokens[at++];
            if (op === "o)") break;
            if (op !== "o,") throw new Error("args");
          }
        return { k: "fn", name: body, args };
      }
      default:
        if (body === "(") {
          const inner = comparison();
          if (tokens[at++] !== "o)") throw new Error("bracket");
          return inner;
        }
        if (body === "-" || body === "+") return { k: "un", op: body, a: unary() };
        throw new Error("token");
    }
  };
  const unary = (): Node => {
    let a = primary();
    while (peekOp() === "%") {
      at++;
      a = { k: "pct", a };
    }
    return a;
  };
  const power = binary(["^"], unary);
  const product = binary(["*", "/"], power);
  const sum = binary(["+", "-"], product);
  const concat = binary(["&"], sum);
  const comparison = binary(["=", "<>", "<", ">", "<=", ">="], concat);
  try {
    const node = comparison();
    return at === tokens.length ? node : undefined;
  } catch {
    return undefined;
  }
}

// ---- values ----

const isErr = (v: unknown): v is ErrorValue => v instanceof ErrorValue;
const VALUE = () => new ErrorValue("#VALUE!");

function toNumber(s: S): number | ErrorValue {
  if (isErr(s)) return s;
  if (s === null) return 0;
  if (typeof s === "boolean") return s ? 1 : 0;
  if (typeof s === "number") return s;
  const t = s.trim();
  return t !== "" && Number.isFinite(Number(t)) ? Number(t) : VALUE();
}

const toText = (s: Exclude<S, ErrorValue>) =>
  s === null ? "" : typeof s === "boolean" ? (s ? "TRUE" : "FALSE") : String(s);

function truthy(s: S): boolean | ErrorValue {
  if (isErr(s)) return s;
  if (typeof s === "string") {
    if (/^(true|false)$/i.test(s)) return s.toUpperCase() === "TRUE";
    return VALUE();
  }
  return s !== null && s !== 0 && s !== false;
}

/** Excel's order: numbers < text < booleans; empty is 0 against a number, "" against text. Text ignores case. */
function compare(a: S, b: S): number {
  const rank = (s: S) => (typeof s === "number" ? 0 : typeof s === "string" ? 1 : 2);
  const x = a === null ? (typeof b === "string" ? "" : typeof b === "boolean" ? false : 0) : a;
  const y = b === null ? (typeof a === "string" ? "" : typeof a === "boolean" ? false : 0) : b;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "string" && typeof y === "string") {
    const [p, q] = [x.toLowerCase(), y.toLowerCase()];
    return p < q ? -1 : p > q ? 1 : 0;
  }
  return Number(x) - Number(y);
}

function map2(a: V, b: V, fn: (x: S, y: S) => S): V {
  if (!Array.isArray(a) && !Array.isArray(b)) return fn(a, b);
  const A = Array.isArray(a) ? a : [[a]];
  const B = Array.isArray(b) ? b : [[b]];
  const rows = Math.max(A.length, B.length);
  const cols = Math.max(A[0]?.length ?? 0, B[0]?.length ?? 0);
  const pick = (m: S[][], r: number, c: number): S =>
    m.length === 1 && m[0]!.length === 1 ? m[0]![0]! : (m[r]?.[c] ?? new ErrorValue("#N/A"));
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => fn(pick(A, r, c), pick(B, r, c))),
  );
}

const map1 = (a: V, fn: (x: S) => S): V => (Array.isArray(a) ? a.map((row) => row.map(fn)) : fn(a));
const flat = (v: V): S[] => (Array.isArray(v) ? v.flat() : [v]);
const first = (v: V): S => (Array.isArray(v) ? (v[0]?.[0] ?? null) : v);

function arith(op: string, x: S, y: S): S {
  const a = toNumber(x);
  if (isErr(a)) return a;
  const b = toNumber(y);
  if (isErr(b)) return b;
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return b === 0 ? new ErrorValue("#DIV/0!") : a / b;
    default:
      return a ** b;
  }
}

function binaryOp(op: string, x: S, y: S): S {
  if (isErr(x)) return x;
  if (isErr(y)) return y;
  if (op === "&") return toText(x) + toText(y);
  if (["+", "-", "*", "/", "^"].includes(op)) return arith(op, x, y);
  const c = compare(x, y);
  return { "=": c === 0, "<>": c !== 0, "<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0 }[op] ?? false;
}

/** COUNTIF's criterion: "是", ">0", "<>", "=x", with * and ? wildcards in text. */
function criterion(c: S): (s: S) => boolean {
  const text = isErr(c) ? "" : toText(c);
  const m = /^(<>|<=|>=|=|<|>)?(.*)$/s.exec(typeof c === "string" ? text : `=${text}`)!;
  const op = m[1] ?? "=";
  const rhs = m[2]!;
  const num = rhs.trim() !== "" && Number.isFinite(Number(rhs)) ? Number(rhs) : undefined;
  const pattern = new RegExp(
    `^${rhs
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "is",
  );
  return (s: S) => {
    if (isErr(s)) return false;
    if (num !== undefined && typeof s === "number") return binaryOp(op, s, num) === true;
    if (op === "=" && num === undefined)
      return s === null ? rhs === "" : typeof s === "string" && pattern.test(s);
    if (op === "<>" && num === undefined)
      return !(typeof s === "string" && pattern.test(s)) && !(s === null && rhs === "");
    if (num !== undefined) return op === "<>";
    return typeof s === "string" && binaryOp(op, s, rhs) === true;
  };
}

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
};

// ---- evaluation ----

function evaluate(node: Node, ctx: FormulaContext): V {
  switch (node.k) {
    case "lit":
      return node.v;
    case "ref":
      return ctx.read(node.sheet, node.rect);
    case "un":
      return map1(evaluate(node.a, ctx), (x) => (node.op === "-" ? arith("-", 0, x) : arith("+", 0, x)));
    case "pct":
      return map1(evaluate(node.a, ctx), (x) => arith("/", x, 100));
    case "bin":
      return map2(evaluate(node.a, ctx), evaluate(node.b, ctx), (x, y) => binaryOp(node.op, x, y));
    case "fn":
      return call(node.name, node.args, ctx);
  }
}

function call(name: string, nodes: Node[], ctx: FormulaContext): V {
  const refOf = (n: Node | undefined) => (n?.k === "ref" ? n : undefined);
  if (name === "ROW" || name === "COLUMN") {
    const ref = refOf(nodes[0]);
    if (!ref) return name === "ROW" ? ctx.row : ctx.col;
    const { top, left, rows, cols } = ref.rect;
    return name === "ROW"
      ? Array.from({ length: rows }, (_, i) => [top + i])
      : [Array.from({ length: cols }, (_, i) => left + i)];
  }
  if (name === "ISFORMULA") {
    const ref = refOf(nodes[0]);
    return ref ? ctx.isFormula(ref.sheet, ref.rect.top, ref.rect.left) : VALUE();
  }
  const args = nodes.map((n) => evaluate(n, ctx));
  const [a, b, c] = args;
  const numbers = (vs: V[]) => vs.flatMap((v) => flat(v).filter((s): s is number => typeof s === "number"));
  const firstError = (vs: V[]) => vs.flatMap(flat).find(isErr);
  const num1 = (v: V | undefined) => toNumber(first(v ?? null));
  const withNums = (fn: (...xs: number[]) => S) => {
    const xs = args.map(num1);
    const e = xs.find(isErr);
    return e ?? fn(...(xs as number[]));
  };
  switch (name) {
    case "SUM":
    case "MAX":
    case "MIN":
    case "AVERAGE":
    case "COUNT": {
      const e = firstError(args);
      if (e && name !== "COUNT") return e;
      const xs = numbers(args);
      if (name === "COUNT") return xs.length;
      if (name === "SUM") return xs.reduce((s, x) => s + x, 0);
      if (name === "AVERAGE")
        return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : new ErrorValue("#DIV/0!");
      return xs.length ? (name === "MAX" ? Math.max(...xs) : Math.min(...xs)) : 0;
    }
    case "COUNTA":
      return args.flatMap(flat).filter((s) => s !== null).length;
    case "COUNTBLANK":
      return args.flatMap(flat).filter((s) => s === null || s === "").length;
    case "COUNTIF": {
      const test = criterion(first(b ?? null));
      return flat(a ?? null).filter(test).length;
    }
    case "SUMPRODUCT": {
      const product = args.reduce(
        (acc, v) =>
          map2(acc, v, (x, y) =>
            isErr(x) ? x : isErr(y) ? y : (typeof x === "number" ? x : 0) * (typeof y === "number" ? y : 0),
          ),
        1 as V,
      );
      const e = flat(product).find(isErr);
      return e ?? flat(product).reduce<number>((s, x) => s + (typeof x === "number" ? x : 0), 0);
    }
    case "IF": {
      if (Array.isArray(a)) return ifArray(a, b ?? true, nodes.length > 2 ? (c ?? false) : false);
      const t = truthy(a ?? null);
      if (isErr(t)) return t;
      return t ? (b ?? true) : nodes.length > 2 ? (c ?? false) : false;
    }
    case "IFERROR":
      return map2(a ?? null, b ?? null, (x, y) => (isErr(x) ? y : x));
    case "AND":
    case "OR": {
      const vs = args
        .flatMap(flat)
        .filter((s) => s !== null)
        .map(truthy);
      const e = vs.find(isErr);
      if (e) return e;
      return name === "AND" ? vs.every(Boolean) : vs.some(Boolean);
    }
    case "NOT":
      return map1(a ?? null, (x) => {
        const t = truthy(x);
        return isErr(t) ? t : !t;
      });
    case "TRUE":
      return true;
    case "FALSE":
      return false;
    case "ISNUMBER":
      return map1(a ?? null, (x) => typeof x === "number");
    case "ISTEXT":
      return map1(a ?? null, (x) => typeof x === "string");
    case "ISBLANK":
      return map1(a ?? null, (x) => x === null);
    case "ISERROR":
      return map1(a ?? null, (x) => isErr(x));
    case "N":
      return map1(a ?? null, (x) =>
        typeof x === "number" ? x : typeof x === "boolean" ? Number(x) : isErr(x) ? x : 0,
      );
    case "ROUND":
      return withNums((x, d = 0) => round(x, d));
    case "INT":
      return withNums((x) => Math.floor(x));
    case "ABS":
      return withNums((x) => Math.abs(x));
    case "MOD":
      return withNums((x, y) => (y === 0 ? new ErrorValue("#DIV/0!") : x - y * Math.floor(x / y)));
    case "LEN":
      return map1(a ?? null, (x) => (isErr(x) ? x : toText(x).length));
    case "TRIM":
      return map1(a ?? null, (x) => (isErr(x) ? x : toText(x).trim().replace(/ +/g, " ")));
    case "LEFT":
    case "RIGHT": {
      const s = first(a ?? null);
      const n = b === undefined ? 1 : toNumber(first(b));
      if (isErr(s)) return s;
      if (isErr(n)) return n;
      const t = toText(s);
      return name === "LEFT" ? t.slice(0, n) : n === 0 ? "" : t.slice(-n);
    }
    case "MID": {
      const s = first(a ?? null);
      const [from, n] = [num1(b), num1(c)];
      if (isErr(s)) return s;
      if (isErr(from) || isErr(n)) return VALUE();
      return toText(s).slice(from - 1, from - 1 + n);
    }
    case "CONCATENATE":
      return args.map((v) => first(v)).reduce<S>((s, x) => binaryOp("&", s, x), "");
    case "VALUE":
      return num1(a);
    case "INDEX": {
      if (!Array.isArray(a)) return b === undefined || num1(b) === 1 ? (a ?? null) : new ErrorValue("#REF!");
      const i = num1(b);
      const j = c === undefined ? undefined : num1(c);
      if (isErr(i)) return i;
      if (j !== undefined && isErr(j)) return j;
      const oneRow = a.length === 1 && j === undefined;
      const cell = oneRow ? a[0]![i - 1] : a[i - 1]?.[(j ?? 1) - 1];
      return cell === undefined ? new ErrorValue("#REF!") : cell;
    }
    case "TODAY":
      return ctx.today ?? chinaToday();
    case "DATE":
      return withNums((y, m, d) => serialFromParts(y, 1, 1) + monthDays(y, m) + d - 1);
    case "YEAR":
    case "MONTH":
    case "DAY":
      return withNums((s) => {
        const p = partsFromSerial(Math.floor(s));
        return name === "YEAR" ? p.year : name === "MONTH" ? p.month : p.day;
      });
    case "EDATE":
      return withNums((s, m) => addMonthsClamped(Math.floor(s), Math.trunc(m)));
    default:
      return new ErrorValue("#NAME?");
  }
}

/** Days from 1 January of year y to the first of month m (m may run past 12 or below 1, as DATE allows). */
function monthDays(y: number, m: number): number {
  const yy = y + Math.floor((m - 1) / 12);
  const mm = ((((m - 1) % 12) + 12) % 12) + 1;
  return serialFromParts(yy, mm, 1) - serialFromParts(y, 1, 1);
}

function ifArray(cond: S[][], yes: V, no: V): V {
  const y = map2(cond, yes, (_, v) => v) as S[][];
  const n = map2(cond, no, (_, v) => v) as S[][];
  return cond.map((row, r) =>
    row.map((x, c) => {
      const t = truthy(x);
      return isErr(t) ? t : t ? y[r]![c]! : n[r]![c]!;
    }),
  );
}

/**
 * The value of a formula ("=…") in the cell at ctx.row/ctx.col: a scalar (a range's or an array's top-left
 * element where one value is asked), or an error value; a formula the engine cannot read is #NAME?.
 */
export function evaluateFormula(
  formula: string,
  ctx: FormulaContext,
): Exclude<Scalar, undefined> | null | ErrorValue {
  const node = parse(formula.replace(/^=/, ""));
  if (!node) return new ErrorValue("#NAME?");
  const v = first(evaluate(node, ctx));
  return v;
}
