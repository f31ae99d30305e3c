// The pane's commands on the workbook file open on the web page: read through ExcelJS, changed through the
// same .xlsx writer as the CLI (src/xlsx), nothing of the user's lost; the result replaces the open bytes and
// is offered for download. The writer is a separate chunk, fetched with the first command that writes.

import { stampIsLate } from "../core/consolidate";
import { chinaToday } from "../core/dates";
import type { Issue } from "../core/issues";
import { enterprisesOf, REGISTER_SHEET } from "../core/register";
import { readSettings, SETTINGS_SHEET } from "../core/settings";
import { verifyWorkbookStamp } from "../core/stamp";
import { loadWorkbook, workbookAnalysis } from "../core/workbook";
import type { WorkbookBackend } from "../taskpane/backend";
import type { PreviewTarget } from "./Preview";
import type { PageFile } from "./operations";
import type { FileSession, WorkbookView } from "./session";
import type { WebStrings } from "./strings";

export interface PageHooks {
  /** Scrolls the preview to a cell. */
  show(target: PreviewTarget): void;
  /** What a long command is doing now ("" when done). */
  progress(text: string): void;
}

/** A command the page cannot run as asked; its message is shown as it is. */
export class PageError extends Error {}

const operations = () => import(/* webpackChunkName: "workbook-file" */ "./operations");

export function fileBackend(session: FileSession, hooks: PageHooks, w: WebStrings): WorkbookBackend {
  async function view(): Promise<WorkbookView> {
    hooks.progress(w.reading);
    try {
      const v = await session.view();
      if (!v) throw new PageError(w.none);
      return v;
    } finally {
      hooks.progress("");
    }
  }

  async function loaded() {
    const v = await view();
    if (!v.grids.sheet(REGISTER_SHEET))
      throw new PageError(`工作簿中没有“${REGISTER_SHEET}”工作表，请先创建台账。`);
    return loadWorkbook(v.grids);
  }

  /** Runs a writing operation on the open bytes; its new bytes become the open workbook. */
  async function write<T extends { bytes: Uint8Array }>(
    work: (ops: Awaited<ReturnType<typeof operations>>, input: PageFile | undefined) => Promise<T>,
    newName?: string,
  ): Promise<T> {
    const ops = await operations();
    hooks.progress(w.writing);
    try {
      const result = await work(ops, await openFile());
      session.replace(result.bytes, newName);
      return result;
    } finally {
      hooks.progress("");
    }
  }

  return {
    async loadSettings() {
      const v = await session.view();
      const grid = v?.grids.sheet(SETTINGS_SHEET);
      return grid ? readSettings(grid, "shanghai").settings : undefined;
    },
    async saveSettings(settings) {
      await write((ops, input) => ops.saveSettings(need(input), settings));
    },
    async createRegister(settings) {
      const open = session.current();
      if (open?.modified) throw new PageError(`“${open.name}”有未下载的修改：请先下载，再新建台账。`);
      await write((ops) => ops.newRegister(settings), "强审台账.xlsx");
    },
    async refreshStatus(asOf) {
      const r = await write((ops, input) => ops.refreshStatus(need(input), asOf));
      return { statuses: r.statuses, bureau: r.bureau, issues: r.issues, worklist: r.worklist };
    },
    async validate(asOf) {
      const v = await view();
      hooks.progress(w.computing);
      try {
        return workbookAnalysis(loadWorkbook(v.grids), asOf);
      } finally {
        hooks.progress("");
      }
    },
    async selectIssue(issue: Issue) {
      hooks.show({ sheet: issue.sheet, cell: issue.cell || "A1" });
    },
    async generateQuarterly(quarter, preparedOn) {
      return (await write((ops, input) => ops.quarterly(need(input), quarter, preparedOn))).sheets;
    },
    async prepareSubmission(quarter, preparer, today, stampedAt) {
      if (preparer.trim() === "") throw new PageError("请在“设置”中填写填报人。");
      const ops = await operations();
      const input = need(await openFile());
      hooks.progress(w.writing);
      try {
        const r = await ops.submit(input, { quarter, preparer, today, stampedAt });
        if (r.bytes) session.replace(r.bytes);
        return r.stamp
          ? { stamp: r.stamp, regenerated: r.regenerated, leftover: [], issues: r.issues }
          : { stamp: undefined, issues: r.issues };
      } finally {
        hooks.progress("");
      }
    },
    async verifySubmission() {
      const v = await view();
      const { stamp, verification } = await verifyWorkbookStamp((n) => v.grids.sheet(n));
      return { ...verification, late: stamp ? stampIsLate(stamp) : false };
    },
    async writeCityReport(consolidation, quarter) {
      const fresh = session.current() === undefined;
      const r = await write(
        (ops, input) => ops.cityReport(input, consolidation, quarter),
        fresh ? `全市汇总 ${quarter.year}Q${quarter.quarter}.xlsx` : undefined,
      );
      return r.sheets;
    },
    async annualReport(year, asOf, preparedOn) {
      const r = await write((ops, input) => ops.annualReport(need(input), year, asOf, preparedOn));
      return { sheet: r.sheet, figures: r.figures };
    },
    async acceptanceList(from, to, preparedOn) {
      const r = await write((ops, input) => ops.acceptanceList(need(input), from, to, preparedOn));
      return { sheet: r.sheet, list: r.list };
    },
    async listEnterprises() {
      return enterprisesOf((await loaded()).rows);
    },
    async insertScoreSheets(kind, enterprise, experts) {
      return (await write((ops, input) => ops.scoresheets(need(input), kind, enterprise, experts))).sheets;
    },
    async writeBackScores() {
      const r = await write((ops, input) => ops.writeBack(need(input)));
      return { panels: r.panels, written: r.written, issues: r.issues };
    },
    async writeOrCheckRubric() {
      const r = await write((ops, input) => ops.writeOrCheckRubric(need(input)));
      return { written: r.written, issues: r.issues };
    },
    async importList(listName, listBytes, options) {
      const asOf = chinaToday();
      const r = await write((ops, input) =>
        ops.importList(need(input), { name: listName, bytes: listBytes }, { ...options, asOf }),
      );
      return r.report;
    },
    async insertEnterpriseForm(kind, enterprise) {
      return (await write((ops, input) => ops.enterpriseForm(need(input), kind, enterprise))).sheets[0]!;
    },
    async writeWorklist(asOf) {
      const { worklistSheet } = await operations();
      const input = need(await openFile());
      hooks.progress(w.writing);
      try {
        const r = await worklistSheet(input, asOf);
        if (r.sheet !== null) session.replace(r.bytes);
        return r.sheet;
      } finally {
        hooks.progress("");
      }
    },
    async urgingFile(kind, asOf, enterprise) {
      const wb = await loaded();
      const { urgingFile } = await import(/* webpackChunkName: "letters" */ "../docx/urgingFiles");
      return urgingFile(wb, kind, asOf, { enterprise });
    },
  };

  /** The open workbook with the parse the preview made of it, so a command does not parse it again. */
  async function openFile(): Promise<PageFile | undefined> {
    const open = session.current();
    if (!open) return undefined;
    return { file: open.name, bytes: open.bytes, read: (await session.view())?.grids };
  }

  function need(input: PageFile | undefined): PageFile {
    if (!input) throw new PageError(w.none);
    return input;
  }
}
