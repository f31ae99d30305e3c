// 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character.

import { toHalfWidth } from "./dates";

export const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const VALUE_OF = new Map([...CREDIT_CODE_ALPHABET].map((ch, i) => [ch, i]));

const WELL_FORMED = /^[0-9A-Z]{18}$/;

/** Trim spaces (including inner ones), convert full-width to half-width, upper-case. */
export function normalizeCreditCode(raw: string): string {
  if (WELL_FORMED.test(raw)) return raw;
  return toHalfWidth(raw).replace(/\s+/g, "").toUpperCase();
}

/** The check character for the first 17 characters; undefined if any lies outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = VALUE_OF.get(first17[i] ?? "");
    if (v === undefined) return undefined;
    sum += v * WEIGHTS[i]!;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

export type CreditCodeCheck =
  | { ok: true; code: string }
  | { ok: false; code: string; reason: "length" | "alphabet" | "check"; detail: string };

/** Characters a cell shows as nothing: zero-width spaces and joiners, direction marks, soft hyphens, BOMs. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/;

export function checkCreditCode(raw: string): CreditCodeCheck {
  const code = normalizeCreditCode(raw);
  const invisible = INVISIBLE.exec(code);
  if (invisible) {
    const hex = invisible[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return {
      ok: false,
      code,
      reason: "alphabet",
      detail: `含不可见字符（第 ${invisible.index + 1} 位，U+${hex}），请删除后重新输入`,
    };
  }
  if (code.length !== 18) {
    return { ok: false, code, reason: "length", detail: `应为 18 位，实际为 ${code.length} 位` };
  }
  const bad = [...code].findIndex((ch) => !VALUE_OF.has(ch));
  if (bad >= 0) {
    return {
      ok: false,
      code,
      reason: "alphabet",
      detail: `第 ${bad + 1} 位“${code[bad]}”不是代码允许的字符（不使用 I、O、Z、S、V）`,
    };
  }
  const expected = creditCodeCheckChar(code.slice(0, 17))!;
  if (code[17] !== expected) {
    return { ok: false, code, reason: "check", detail: `校验码应为“${expected}”，实际为“${code[17]}”` };
  }
  return { ok: true, code };
}

/** Completes 17 characters with their check character (for generated sample data and tests). */
export function withCheckChar(first17: string): string {
  const check = creditCodeCheckChar(first17);
  if (check === undefined || first17.length !== 17) throw new Error(`not 17 code characters: ${first17}`);
  return first17 + check;
}
