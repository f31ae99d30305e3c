// SPEC 9's one list of commands (src/core/commands.ts) against what each surface has: every `cpa` command, every
// method of the pane's backend (the Excel add-in's, and the web page's over a file), and the buttons of the
// pane's tabs that call them. README's table of commands × surfaces is the list's own: the last test fails when
// they differ, and `npm run docs:commands` writes it from the list.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { COMMANDS as CPA } from "../../src/cli/main";
import {
  commandTable,
  commandTableMarkdown,
  COMMANDS,
  isMissing,
  PANE_HELPERS,
  PANE_TABS,
  type PaneCommand,
} from "../../src/core/commands";
import { ENTERPRISE_SHEET_KINDS, ENTERPRISE_SHEET_TITLES } from "../../src/forms/enterpriseFormTitles";
import { officeBackend } from "../../src/taskpane/officeBackend";
import { stringsFor } from "../../src/taskpane/language";
import { fileBackend } from "../../src/web/fileBackend";
import { wpsBackend } from "../../src/wps/backend";
import { readmeBetween, tableRows } from "../helpers/markdownTable";

const root = path.resolve(__dirname, "../..");
const START = "<!-- commands:start -->";
const END = "<!-- commands:end -->";

const panes = COMMANDS.map((c) => c.pane).filter((p): p is PaneCommand => !isMissing(p));

/** Every text of the pane's zh-CN words, nested ones (the per-enterprise forms' labels) included. */
function texts(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(texts);
  return [];
}

/** The source of a tab: its own file and the components it renders from the same folder. */
const TAB_FILES: Record<PaneCommand["tab"], string[]> = {
  台账: ["RegisterTab.tsx", "ImportList.tsx", "Worklist.tsx"],
  报表: ["ReportsTab.tsx"],
  评分: ["ScoringTab.tsx"],
  设置: ["SettingsTab.tsx"],
};
const tabSource = (tab: PaneCommand["tab"]) =>
  TAB_FILES[tab].map((f) => readFileSync(path.join(root, "src/taskpane/tabs", f), "utf8")).join("\n");

describe("the one list of commands", () => {
  it("names every cpa command once, and no other", () => {
    const listed = COMMANDS.flatMap((c) => (isMissing(c.cli) ? [] : c.cli));
    expect([...listed].sort()).toEqual(Object.keys(CPA).sort());
  });

  it("names every command of the pane's backend, in Excel, in WPS and on the web page alike", () => {
    const listed = new Set([...panes.flatMap((p) => p.methods), ...PANE_HELPERS]);
    const web = fileBackend({ host: {} } as never, {} as never, {} as never);
    // 自检 is the in-workbook hosts' own (SPEC 9): the web page has none.
    const commands = (backend: object) => Object.keys(backend).filter((k) => k !== "selfTest").sort();
    expect(commands(officeBackend)).toEqual([...listed].sort());
    expect(commands(wpsBackend({} as never))).toEqual([...listed].sort());
    expect(commands(web)).toEqual([...listed].sort());
    expect("selfTest" in officeBackend && "selfTest" in wpsBackend({} as never)).toBe(true);
    expect("selfTest" in web).toBe(false);
  });

  it("finds each pane command's buttons among the pane's words, and its tab calling the backend for it", () => {
    const words = texts(stringsFor("zh-CN"));
    for (const p of panes) {
      for (const b of p.buttons) expect(words.filter((w) => w === b || w.startsWith(`${b} `))).not.toEqual([]);
      for (const m of p.methods) expect(tabSource(p.tab)).toContain(`backend.${m}(`);
    }
    const t = stringsFor("zh-CN");
    expect([t.tabRegister, t.tabForms, t.tabScoring, t.tabSettings]).toEqual([...PANE_TABS]);
    expect(readdirSync(path.join(root, "src/taskpane/tabs")).filter((f) => /Tab\.tsx$/.test(f)).sort()).toEqual(
      Object.values(TAB_FILES)
        .map((f) => f[0]!)
        .sort(),
    );
  });

  it("offers each per-enterprise form by its attachment number", () => {
    const buttons = panes.filter((p) => p.methods.includes("insertEnterpriseForm")).flatMap((p) => p.buttons);
    expect([...buttons].sort()).toEqual(ENTERPRISE_SHEET_KINDS.map((k) => ENTERPRISE_SHEET_TITLES[k].attachment).sort());
  });

  it("says why wherever a surface lacks a command", () => {
    for (const c of COMMANDS)
      for (const x of [c.cli, c.pane]) if (isMissing(x)) expect(x.why.length).toBeGreaterThan(10);
  });
});

it("README's table of commands × surfaces is the list's (npm run docs:commands writes it)", () => {
  expect(tableRows(readmeBetween(START, END))).toEqual(commandTable());
  expect(tableRows(commandTableMarkdown())).toEqual(commandTable());
});
