import fc from "fast-check";
import {
  checkCreditCode,
  CREDIT_CODE_ALPHABET,
  normalizeCreditCode,
  withCheckChar,
} from "../../src/core/creditCode";

describe("统一社会信用代码 (GB 32100-2015)", () => {
  it("accepts a code whose check character is right", () => {
    expect(checkCreditCode("91310000132149237G")).toEqual({ ok: true, code: "91310000132149237G" });
  });

  it("rejects an early pilot code that fails the check character", () => {
    const r = checkCreditCode("91350211M0000XUF46");
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.reason).toBe("check");
  });

  it("compares after trimming, upper-casing and converting full-width characters", () => {
    expect(normalizeCreditCode(" 9131 0000 1321 4923 7g ")).toBe("91310000132149237G");
    expect(normalizeCreditCode("９１３１００００１３２１４９２３７Ｇ")).toBe("91310000132149237G");
    expect(checkCreditCode("９１３１００００１３２１４９２３７ｇ").ok).toBe(true);
  });

  it.each(["9131000013214923", "91310000132149237GG", ""])("rejects the length of %p", (code) => {
    const r = checkCreditCode(code);
    expect(r.ok === false && r.reason).toBe("length");
  });

  it.each(["I", "O", "Z", "S", "V"])("rejects the letter %s, which the alphabet leaves out", (ch) => {
    const r = checkCreditCode(`9131000013214923${ch}G`);
    expect(r.ok === false && r.reason).toBe("alphabet");
  });

  it("completes any 17 characters with a check character that passes", () => {
    const ch = fc.constantFrom(...CREDIT_CODE_ALPHABET);
    fc.assert(
      fc.property(
        fc.array(ch, { minLength: 17, maxLength: 17 }),
        (cs) => checkCreditCode(withCheckChar(cs.join(""))).ok,
      ),
    );
  });
});
