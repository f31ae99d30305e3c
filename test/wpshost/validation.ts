// Range.Validation and Range.FormatConditions of the in-memory WPS 表格 (Et.EtValidation, Et.EtFormatConditions).

import { VALIDATION_LIMITS } from "../officehost/rules";
import {
  contains,
  overlaps,
  sameRect,
  type FormatConditionData,
  type Rect,
  type ValidationData,
} from "./model";
import { refuseOnProtected } from "./protection";
import type { WpsRange } from "./range";
import { wpsError, XL } from "./rules";

/** The parts of `a` outside `b`, as up to four rectangles. */
export function subtract(a: Rect, b: Rect): Rect[] {
  if (!overlaps(a, b)) return [a];
  const out: Rect[] = [];
  const aBottom = a.top + a.rows;
  const aRight = a.left + a.cols;
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(aBottom, b.top + b.rows);
  if (b.top > a.top) out.push({ ...a, rows: b.top - a.top });
  if (bottom < aBottom) out.push({ ...a, top: bottom, rows: aBottom - bottom });
  if (b.left > a.left) out.push({ top, left: a.left, rows: bottom - top, cols: b.left - a.left });
  if (b.left + b.cols < aRight)
    out.push({ top, left: b.left + b.cols, rows: bottom - top, cols: aRight - b.left - b.cols });
  return out;
}

const failed = (what: string) => wpsError(1004, `Application-defined or object-defined error (${what})`);

/** Each text of a validation within Excel's length ([MS-OI29500] 2.1.613 and the 255-character list source). */
function checkLengths(v: ValidationData): void {
  const texts: [keyof typeof VALIDATION_LIMITS, string][] = [
    ["promptTitle", v.inputTitle],
    ["prompt", v.inputMessage],
    ["errorTitle", v.errorTitle],
    ["error", v.errorMessage],
  ];
  if (v.type === XL.validateList && v.formula1 && !v.formula1.startsWith("="))
    texts.push(["listSource", v.formula1]);
  for (const [kind, text] of texts)
    if (text.length > VALIDATION_LIMITS[kind]) throw failed(`${kind} of ${text.length} characters`);
}

/**
 * Range.Validation (learn.microsoft.com/office/vba/api/excel.validation). Add on a range any cell of which
 * already has a validation is 1004: Excel keeps one validation per cell and Add does not replace it (Delete
 * first: learn.microsoft.com/office/vba/api/excel.validation.add, whose examples delete before adding). Reading a
 * property where the range has no single validation is 1004 too, as in Excel.
 */
export class Validation {
  constructor(private range: WpsRange) {}

  private get list() {
    return this.range.sheet.validations;
  }

  /** The one validation that covers the whole range, or 1004. */
  private own(): ValidationData {
    const found = this.list.filter((v) => overlaps(v.rect, this.range.rect));
    const [v] = found;
    if (found.length !== 1 || !v || !contains(v.rect, this.range.rect))
      throw failed("the range has no single data validation");
    return v;
  }

  /**
   * Add(Type, AlertStyle, Operator, Formula1, Formula2): a list or a custom rule needs Formula1; a list typed
   * out is at most 255 characters; refused on a protected sheet (data validation is not among Protect's options).
   */
  Add(
    Type: number,
    AlertStyle: number = XL.validAlertStop,
    Operator?: number,
    Formula1?: unknown,
    Formula2?: unknown,
  ): void {
    this.range.Application.hook("Validation.Add");
    refuseOnProtected(this.range.Worksheet, "never", "Validation.Add");
    if (this.list.some((v) => overlaps(v.rect, this.range.rect)))
      throw failed("Validation.Add on a range that has a validation");
    if (!(Type >= 0 && Type <= 7)) throw failed(`Validation type ${Type}`);
    const text = (x: unknown) => (x === undefined || x === null ? undefined : String(x));
    if (Type !== XL.validateInputOnly && !text(Formula1)) throw failed("Validation.Add without Formula1");
    const v: ValidationData = {
      rect: this.range.rect,
      type: Type,
      alertStyle: AlertStyle,
      operator: Operator,
      formula1: text(Formula1),
      formula2: text(Formula2),
      inCellDropdown: true,
      ignoreBlank: true,
      inputTitle: "",
      inputMessage: "",
      errorTitle: "",
      errorMessage: "",
      showInput: true,
      showError: true,
    };
    checkLengths(v);
    this.list.push(v);
  }

  Delete(): void {
    this.range.Application.hook("Validation.Delete");
    refuseOnProtected(this.range.Worksheet, "never", "Validation.Delete");
    const rest = this.range.sheet.validations.flatMap((v) =>
      subtract(v.rect, this.range.rect).map((rect) => ({ ...v, rect })),
    );
    this.range.sheet.validations = rest;
  }

  Modify(
    Type?: number,
    AlertStyle?: number,
    Operator?: number,
    Formula1?: unknown,
    Formula2?: unknown,
  ): void {
    const v = this.own();
    refuseOnProtected(this.range.Worksheet, "never", "Validation.Modify");
    const next = {
      ...v,
      type: Type ?? v.type,
      alertStyle: AlertStyle ?? v.alertStyle,
      operator: Operator ?? v.operator,
      formula1: Formula1 === undefined ? v.formula1 : String(Formula1),
      formula2: Formula2 === undefined ? v.formula2 : String(Formula2),
    };
    checkLengths(next);
    Object.assign(v, next);
  }

  private field<K extends keyof ValidationData>(k: K, check?: boolean) {
    return {
      get: () => this.own()[k],
      set: (x: ValidationData[K]) => {
        const v = this.own();
        refuseOnProtected(this.range.Worksheet, "never", `Validation.${k}`);
        const next = { ...v, [k]: x };
        if (check) checkLengths(next);
        Object.assign(v, next);
      },
    };
  }

  get Type() {
    return this.own().type;
  }
  get AlertStyle() {
    return this.own().alertStyle;
  }
  get Operator() {
    return this.own().operator;
  }
  get Formula1() {
    return this.own().formula1 ?? "";
  }
  get Formula2() {
    return this.own().formula2 ?? "";
  }
  get IgnoreBlank() {
    return this.field("ignoreBlank").get();
  }
  set IgnoreBlank(x: boolean) {
    this.field("ignoreBlank").set(x);
  }
  get InCellDropdown() {
    return this.field("inCellDropdown").get();
  }
  set InCellDropdown(x: boolean) {
    this.field("inCellDropdown").set(x);
  }
  get InputTitle() {
    return this.field("inputTitle").get();
  }
  set InputTitle(x: string) {
    this.field("inputTitle", true).set(x);
  }
  get InputMessage() {
    return this.field("inputMessage").get();
  }
  set InputMessage(x: string) {
    this.field("inputMessage", true).set(x);
  }
  get ErrorTitle() {
    return this.field("errorTitle").get();
  }
  set ErrorTitle(x: string) {
    this.field("errorTitle", true).set(x);
  }
  get ErrorMessage() {
    return this.field("errorMessage").get();
  }
  set ErrorMessage(x: string) {
    this.field("errorMessage", true).set(x);
  }
  get ShowInput() {
    return this.field("showInput").get();
  }
  set ShowInput(x: boolean) {
    this.field("showInput").set(x);
  }
  get ShowError() {
    return this.field("showError").get();
  }
  set ShowError(x: boolean) {
    this.field("showError").set(x);
  }
}

/** One conditional format (Et.EtFormatCondition): its formula, fill and font colour. */
export class FormatCondition {
  constructor(
    private range: WpsRange,
    readonly data: FormatConditionData,
  ) {}

  get Type() {
    return this.data.type;
  }
  get Formula1() {
    return this.data.formula1 ?? "";
  }
  get StopIfTrue() {
    return this.data.stopIfTrue;
  }
  set StopIfTrue(v: boolean) {
    this.data.stopIfTrue = v;
  }
  get AppliesTo(): WpsRange {
    return this.range.at(this.data.rect);
  }
  get Interior() {
    const data = this.data;
    return {
      get Color() {
        return data.interiorColor ?? 16777215;
      },
      set Color(v: number) {
        data.interiorColor = v;
      },
    };
  }
  get Font() {
    const data = this.data;
    return {
      get Color() {
        return data.fontColor ?? 0;
      },
      set Color(v: number) {
        data.fontColor = v;
      },
    };
  }
  Delete(): void {
    refuseOnProtected(this.range.Worksheet, "AllowFormattingCells", "FormatCondition.Delete");
    const list = this.range.sheet.formatConditions;
    list.splice(list.indexOf(this.data), 1);
  }
}

/**
 * Range.FormatConditions (learn.microsoft.com/office/vba/api/excel.formatconditions): Add(Type, Operator,
 * Formula1, Formula2) — xlExpression needs Formula1, relative to the range's top-left cell; on a protected sheet
 * only with AllowFormattingCells ("Protect a worksheet": Format cells covers the Conditional Formatting dialog).
 */
export class FormatConditions {
  constructor(private range: WpsRange) {}

  private mine(): FormatConditionData[] {
    return this.range.sheet.formatConditions.filter((f) => overlaps(f.rect, this.range.rect));
  }

  get Count() {
    return this.mine().length;
  }

  Item(Index: number): FormatCondition {
    const f = this.mine()[Index - 1];
    if (!f) throw wpsError(9, "Subscript out of range");
    return new FormatCondition(this.range, f);
  }

  Add(Type: number, Operator?: number, Formula1?: unknown, Formula2?: unknown): FormatCondition {
    this.range.Application.hook("FormatConditions.Add");
    refuseOnProtected(this.range.Worksheet, "AllowFormattingCells", "FormatConditions.Add");
    if (Type !== XL.expression && Type !== XL.cellValue)
      throw wpsError(5, "Invalid procedure call or argument");
    if (Formula1 === undefined || Formula1 === null || Formula1 === "")
      throw wpsError(5, "Invalid procedure call or argument (FormatConditions.Add without Formula1)");
    const data: FormatConditionData = {
      rect: this.range.rect,
      type: Type,
      operator: Operator,
      formula1: String(Formula1),
      formula2: Formula2 === undefined ? undefined : String(Formula2),
      stopIfTrue: false,
    };
    this.range.sheet.formatConditions.push(data);
    return new FormatCondition(this.range, data);
  }

  /** Delete: every conditional format that applies to the range's cells goes. */
  Delete(): void {
    this.range.Application.hook("FormatConditions.Delete");
    refuseOnProtected(this.range.Worksheet, "AllowFormattingCells", "FormatConditions.Delete");
    this.range.sheet.formatConditions = this.range.sheet.formatConditions.flatMap((f) =>
      sameRect(f.rect, this.range.rect)
        ? []
        : subtract(f.rect, this.range.rect).map((rect) => ({ ...f, rect })),
    );
  }
}
