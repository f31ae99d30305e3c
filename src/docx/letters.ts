// The letters as one .docx, laid out as Chinese official letters are (GB/T 9704-2012 党政机关公文格式): A4, 版心
// 156 mm × 225 mm, the title in 小标宋 2号, the body in 仿宋_GB2312 3号 at 22 lines of 28 characters, the
// bureau's name and the date at the foot, the contact line under them; one letter per page (one section each).

import {
  AlignmentType,
  Document,
  DocumentGridType,
  LineRuleType,
  Packer,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type ISectionOptions,
} from "docx";
import type { Letter } from "../forms/letters";

const mm = (v: number) => Math.round((v / 25.4) * 1440);

/** GB/T 9704-2012 5.2.1: 天头 37 mm, 订口 28 mm; A4 leaves a 版心 of 156 mm × 225 mm. */
const PAGE = {
  size: { width: mm(210), height: mm(297) },
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(28) },
};
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** Twips per line: 225 mm over 22 lines. */
const LINE = Math.floor(mm(225) / LINES_PER_PAGE);
/** Points per character: 156 mm over 28 characters. */
const CHAR_PT = (156 / 25.4) * (72 / CHARS_PER_LINE);

const BODY_FONT = "仿宋_GB2312";
const TITLE_FONT = "方正小标宋简体";
/** Half-points: 3号 = 16 pt, 2号 = 22 pt. */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;
const CHAR_TWIPS = Math.round(CHAR_PT * 20);
/** Twentieths of a point each body character gives up, so that 28 fit a line. */
const BODY_CONDENSE = Math.floor((CHAR_PT - BODY_SIZE / 2) * 20) - 1;

/**
 * Text as a .docx may hold it: the characters XML 1.0 forbids (and line breaks inside a name) shown as \u001b,
 * so a name with a control character cannot break the document. Markup characters are escaped by the library.
 */
export function docxText(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

const run = (text: string, title = false) =>
  new TextRun({
    text: docxText(text),
    font: {
      ascii: title ? TITLE_FONT : BODY_FONT,
      eastAsia: title ? TITLE_FONT : BODY_FONT,
      hAnsi: title ? TITLE_FONT : BODY_FONT,
    },
    size: title ? TITLE_SIZE : BODY_SIZE,
    // 3号 characters a quarter point closer: 28 of them fill the 156 mm line.
    ...(title ? {} : { characterSpacing: BODY_CONDENSE }),
  });

const exact = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** Width in characters: a CJK character is one, a Latin letter or digit half of one. */
function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return w;
}

function letterSection(letter: Letter): ISectionOptions {
  const para = (text: string, options: IParagraphOptions = {}) =>
    new Paragraph({ spacing: exact, alignment: AlignmentType.BOTH, children: [run(text)], ...options });
  const blank = () => para("");
  // 成文日期 右空四字; 发文机关署名 centred over it.
  const dateRight = 4 * CHAR_TWIPS;
  const signerRight = Math.max(
    0,
    Math.round(dateRight + ((widthInChars(letter.date) - widthInChars(letter.signer)) / 2) * CHAR_TWIPS),
  );
  return {
    properties: {
      page: PAGE,
      grid: { type: DocumentGridType.DEFAULT, linePitch: LINE },
    },
    children: [
      new Paragraph({ spacing: exact, alignment: AlignmentType.CENTER, children: [run(letter.title, true)] }),
      blank(),
      para(letter.addressee, { alignment: AlignmentType.LEFT }),
      ...letter.paragraphs.map((p) => para(p, { indent: { firstLine: 2 * CHAR_TWIPS } })),
      blank(),
      para(letter.signer, { alignment: AlignmentType.RIGHT, indent: { right: signerRight } }),
      para(letter.date, { alignment: AlignmentType.RIGHT, indent: { right: dateRight } }),
      para(letter.note, { alignment: AlignmentType.LEFT, indent: { left: 2 * CHAR_TWIPS } }),
    ],
  };
}

/** The letters as .docx bytes, one letter per page. */
export async function lettersDocx(letters: readonly Letter[], title: string): Promise<Uint8Array> {
  const doc = new Document({
    creator: "强审助手",
    title: docxText(title),
    styles: {
      default: {
        document: {
          run: { font: { ascii: BODY_FONT, eastAsia: BODY_FONT, hAnsi: BODY_FONT }, size: BODY_SIZE },
        },
      },
    },
    sections: letters.map(letterSection),
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
