import { readFileSync } from "node:fs";
import path from "node:path";
import { appliedDeadlines, PROFILES } from "../../src/core/profiles";
import { registerStatus } from "../../src/core/status";
import { worklist } from "../../src/core/worklist";
import { d, logEntry, row, shanghai } from "./fixtures";

const compact = (s: string) => s.replace(/\s+/g, "");
const seeds = {
  shanghai: compact(readFileSync(path.resolve(__dirname, "../fixtures/seeds/shanghai.txt"), "utf8")),
  guangxi: compact(readFileSync(path.resolve(__dirname, "../fixtures/seeds/guangxi.txt"), "utf8")),
};
/** The seed's words a sentence quotes (within “”), cut at …… where it leaves words out. */
const quoted = (sentence: string) =>
  [...sentence.matchAll(/“([^“”]*(?:“[^“”]*”[^“”]*)*)”/g)].flatMap((m) => m[1]!.split("……"));

function listOf(
  rows: ReturnType<typeof row>[],
  asOf: string,
  within = 30,
  log = [] as ReturnType<typeof logEntry>[],
) {
  const statuses = registerStatus(rows, log, { profile: shanghai, asOf: d(asOf) });
  return worklist(rows, statuses, shanghai, d(asOf), within).items;
}

describe("the profile's sentence for each act", () => {
  for (const profile of Object.values(PROFILES)) {
    it(`quotes the ${profile.region} seed word for word, for every deadline it applies and for the letter`, () => {
      for (const code of appliedDeadlines(profile)) expect(profile.actBasis[code]).toBeTruthy();
      for (const sentence of [...Object.values(profile.actBasis), profile.noticeBasis]) {
        for (const words of quoted(sentence!)) expect(seeds[profile.id]).toContain(compact(words));
      }
      expect(seeds[profile.id]).toContain(compact(profile.regulation.replace(/[《》]/g, "")));
    });
  }
});

describe("worklist", () => {
  it("lists an overdue start with its days, contact and the seed's sentence", () => {
    const [item, ...rest] = listOf(
      [row({ publishedOn: "2026-03-05", disclosedOn: "2026-03-20", contact: "王伟", phone: "021-12345678" })],
      "2026-05-10",
    );
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      act: "start",
      label: "审核启动",
      deadline: d("2026-05-05"),
      overdueDays: 5,
      daysLeft: null,
      contact: "王伟",
      phone: "021-12345678",
    });
    expect(item!.basis).toContain("强审企业应当在名单公布后两个月内启动开展清洁生产审核");
  });

  it("leaves out an act done late: 逾期情况 keeps it as history, but nothing is left to urge", () => {
    const items = listOf(
      [row({ publishedOn: "2026-03-05", disclosedOn: "2026-04-20", startedOn: "2026-04-30" })],
      "2026-05-10",
    );
    expect(items).toEqual([]);
  });

  it("counts an act due exactly N days ahead, and not one a day later", () => {
    const r = row({ publishedOn: "2026-03-05", disclosedOn: "2026-03-06" });
    expect(listOf([r], "2026-04-05", 30).map((i) => [i.act, i.daysLeft])).toEqual([["start", 30]]);
    expect(listOf([r], "2026-04-04", 30)).toEqual([]);
  });

  it("puts overdue lines first, most days first, then due-soon lines by date", () => {
    const items = listOf(
      [
        row({ name: "甲", publishedOn: "2026-04-20", creditCode: "91310000132149237G" }),
        row({ name: "乙", publishedOn: "2026-03-01", creditCode: "91310000MA1FL0XQ5T" }),
        row({ name: "丙", publishedOn: "2026-01-10", creditCode: "91310115MA1K3YJ12T" }),
      ],
      "2026-04-25",
    );
    expect(items.map((i) => `${i.name}${i.label}${i.overdueDays ?? -i.daysLeft!}`)).toEqual([
      "丙信息公开74",
      "丙审核启动46",
      "乙信息公开24",
      "乙审核启动-6",
      "甲信息公开-25",
    ]);
  });

  it("never lists a suspended or revoked enterprise", () => {
    const a = row({ name: "甲", publishedOn: "2026-01-05", creditCode: "91310000132149237G" });
    const b = row({ name: "乙", publishedOn: "2026-01-05", creditCode: "91310000MA1FL0XQ5T" });
    const log = [
      logEntry(shanghai, {
        name: "甲",
        creditCode: a.creditCode,
        on: "2026-02-01",
        change: "suspension",
        result: "suspend",
      }),
      logEntry(shanghai, {
        name: "乙",
        creditCode: b.creditCode,
        on: "2026-02-01",
        change: "closure",
        result: "revoke",
      }),
    ];
    expect(listOf([a, b], "2026-06-01", 30, log)).toEqual([]);
  });
});
