// SPEC 5: 统一社会信用代码 (GB 32100-2015) — 18 characters from 0-9 A-H J-N P-R T U W-Y, the last a check
// character over the first 17 with weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.

import fc from "fast-check";
import {
  checkCreditCode,
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  normalizeCreditCode,
  withCheckChar,
} from "../../src/core/creditCode";

/** The alphabet and weights as SPEC 5 writes them, kept apart from the code under test. */
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const referenceCheckChar = (first17: string): string => {
  const sum = [...first17].reduce((acc, ch, i) => acc + ALPHABET.indexOf(ch) * WEIGHTS[i]!, 0);
  return ALPHABET[(31 - (sum % 31)) % 31]!;
};
const codeChar = fc.constantFrom(...ALPHABET);
const first17 = fc.array(codeChar, { minLength: 17, maxLength: 17 }).map((cs) => cs.join(""));

describe("the alphabet of GB 32100-2015", () => {
  it("has 31 characters: digits and every capital letter but I, O, Z, S and V", () => {
    expect(CREDIT_CODE_ALPHABET).toBe(ALPHABET);
    expect(ALPHABET).toHaveLength(31);
    for (const ch of "IOZSV") expect(CREDIT_CODE_ALPHABET).not.toContain(ch);
  });
});

describe("the check character", () => {
  it("accepts a real code whose check character is right", () => {
    expect(checkCreditCode("91310000132149237G")).toEqual({ ok: true, code: "91310000132149237G" });
    expect(referenceCheckChar("91310000132149237")).toBe("G");
  });

  it("rejects the early pilot code 91350211M0000XUF46 on its check character", () => {
    const r = checkCreditCode("91350211M0000XUF46");
    expect(r).toMatchObject({ ok: false, reason: "check", code: "91350211M0000XUF46" });
    expect(referenceCheckChar("91350211M0000XUF4")).not.toBe("6");
  });

  it("rejects a code whose check character is one off", () => {
    expect(checkCreditCode("91310000132149237H")).toMatchObject({ ok: false, reason: "check" });
    expect(checkCreditCode("91310000132149238G")).toMatchObject({ ok: false, reason: "check" });
  });

  it("uses 0 when the weighted sum is a multiple of 31", () => {
    expect(creditCodeCheckChar("00000000000000000")).toBe("0");
    expect(checkCreditCode("000000000000000000").ok).toBe(true);
  });

  it("says in Chinese which check character was expected", () => {
    const r = checkCreditCode("91310000132149237H");
    expect(r.ok === false && r.detail).toContain("G");
    expect(r.ok === false && r.detail).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("computes the check character as SPEC 5's weights do, for any 17 characters", () => {
    fc.assert(
      fc.property(first17, (f) => creditCodeCheckChar(f) === referenceCheckChar(f)),
      { numRuns: 2000 },
    );
  });

  it("completes any 17 characters with a check character that passes (withCheckChar round trip)", () => {
    fc.assert(
      fc.property(first17, (f) => {
        const code = withCheckChar(f);
        const r = checkCreditCode(code);
        return code.length === 18 && code.startsWith(f) && r.ok && r.code === code;
      }),
      { numRuns: 2000 },
    );
  });

  it("rejects every other last character", () => {
    fc.assert(
      fc.property(first17, codeChar, (f, last) => {
        fc.pre(last !== referenceCheckChar(f));
        const r = checkCreditCode(f + last);
        return r.ok === false && r.reason === "check";
      }),
      { numRuns: 1000 },
    );
  });

  it("refuses to complete fewer than 17 characters or characters outside the alphabet", () => {
    expect(() => withCheckChar("9131000013214923")).toThrow();
    expect(() => withCheckChar("9131000013214923I")).toThrow();
  });
});

describe("normalisation before comparing (SPEC 5)", () => {
  it.each([
    ["spaces around and inside", " 9131 0000 1321 4923 7G "],
    ["lower case", "91310000132149237g"],
    ["full-width digits and letters", "９１３１００００１３２１４９２３７Ｇ"],
    ["full-width lower case", "９１３１００００１３２１４９２３７ｇ"],
    ["an ideographic space", "\u300091310000132149237G\u3000"],
    ["a tab and a line break", "\t91310000132149237G\n"],
  ])("reads a code with %s as 91310000132149237G", (_, raw) => {
    expect(normalizeCreditCode(raw)).toBe("91310000132149237G");
    expect(checkCreditCode(raw)).toEqual({ ok: true, code: "91310000132149237G" });
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string(), (s) => normalizeCreditCode(normalizeCreditCode(s)) === normalizeCreditCode(s)),
      { numRuns: 1000 },
    );
  });
});

describe("length and alphabet errors", () => {
  it.each([
    ["17 characters", "91310000132149237"],
    ["19 characters", "91310000132149237GG"],
    ["nothing", ""],
    ["only spaces", "   "],
    ["15 digits of an old registration number", "310000000123456"],
  ])("rejects %s as a wrong length", (_, code) => {
    expect(checkCreditCode(code)).toMatchObject({ ok: false, reason: "length" });
  });

  it.each(["I", "O", "Z", "S", "V"])("rejects the letter %s, which the alphabet leaves out", (ch) => {
    const r = checkCreditCode(`9131000013214923${ch}G`);
    expect(r).toMatchObject({ ok: false, reason: "alphabet" });
    expect(r.ok === false && r.detail).toContain("17");
  });

  it.each(["i", "o", "z", "s", "v"])("rejects the lower-case %s once upper-cased", (ch) => {
    expect(checkCreditCode(`9131000013214923${ch}G`)).toMatchObject({ ok: false, reason: "alphabet" });
  });

  it.each([
    ["a hyphen", "9131000013214923-G"],
    ["a Chinese character", "9131000013214923中G"],
    ["a full-width O", "9131000013214923ＯG"],
  ])("rejects %s", (_, code) => {
    expect(checkCreditCode(code)).toMatchObject({ ok: false, reason: "alphabet" });
  });

  it("names an alphabet error before a check-character error", () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 16 }), fc.constantFrom(..."IOZSV"), (f, at, bad) => {
        const code = f.slice(0, at) + bad + f.slice(at + 1) + referenceCheckChar(f);
        const r = checkCreditCode(code);
        return r.ok === false && r.reason === "alphabet";
      }),
    );
  });

  it("never throws, whatever text it is given", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => typeof checkCreditCode(s).ok === "boolean"),
      { numRuns: 1000 },
    );
  });
});
