// The pane's commands on the workbook file open on the web page: read and changed by the host in a worker
// (workbookHost.ts) through the same .xlsx writer as the CLI, nothing of the user's lost; a changed workbook
// replaces the open bytes and is offered for download.

import { chinaToday } from "../core/dates";
import type { Issue } from "../core/issues";
import { REGISTER_SHEET } from "../core/register";
import { SETTINGS_SHEET } from "../core/settings";
import { LOG_SHEET } from "../core/adjustments";
import type { WorkbookBackend } from "../taskpane/backend";
import type { FileSession } from "./session";
import type { WebStrings } from "./strings";
import type { PreviewTarget, Written } from "./workbookHost";
import { NO_WORKBOOK, PageError } from "./workerClient";

export { PageError };

export interface PageHooks {
  /** Scrolls the preview to a cell. */
  show(target: PreviewTarget): void;
  /** Asks the user to go on (true) or not, in a dialog on the page. */
  confirm(text: string): Promise<boolean>;
}

/** The user said no: nothing was done. */
export class Declined extends PageError {
  readonly intent = "info";
}

const REGISTER_SHEETS = [REGISTER_SHEET, LOG_SHEET, SETTINGS_SHEET];

/** A message of the host, as the page says it: its own words for "no workbook", and no command-line hints. */
export function pageMessage(message: string, w: WebStrings): string {
  if (message === NO_WORKBOOK) return w.none;
  return message.replace(/（可用 --profile 指定）/g, w.profileHint);
}

export function fileBackend(session: FileSession, hooks: PageHooks, w: WebStrings): WorkbookBackend {
  const host = session.host;

  /** Calls the host; its refusals in the page's words. */
  async function call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw new PageError(pageMessage((err as Error).message, w));
    }
  }

  /** A writing command's result: its new bytes become the open workbook. */
  async function write<R extends Written<{ bytes?: Uint8Array }>>(work: () => Promise<R>): Promise<R> {
    const r = await call(work);
    session.replace(r.bytes, r.name);
    return r;
  }

  const withIssues = <T extends { issues: Issue[] }>(r: T): T => ({
    ...r,
    issues: r.issues.map((i) => ({ ...i, message: pageMessage(i.message, w) })),
  });

  return {
    async loadSettings() {
      return call(() => host.call("loadSettings"));
    },
    async saveSettings(settings) {
      await write(() => host.call("saveSettings", settings));
    },
    async createRegister(settings) {
      const open = session.current();
      if (!open) {
        await write(() => host.call("newRegister", settings, false));
        return;
      }
      const names = await call(() => host.call("names"));
      const into = !names.some((n) => REGISTER_SHEETS.includes(n));
      const ask = into ? w.addRegister(open.name) : w.replaceRegister(open.name, open.modified);
      if (!(await hooks.confirm(ask))) throw new Declined(w.declined);
      await write(() => host.call("newRegister", settings, into));
    },
    async refreshStatus(asOf) {
      const r = await write(() => host.call("refreshStatus", asOf));
      return withIssues({ statuses: r.statuses, bureau: r.bureau, issues: r.issues, worklist: r.worklist });
    },
    async validate(asOf) {
      return withIssues(await call(() => host.call("validate", asOf)));
    },
    async selectIssue(issue: Issue) {
      hooks.show({ sheet: issue.sheet, cell: issue.cell || "A1" });
    },
    async generateQuarterly(quarter, preparedOn) {
      return (await write(() => host.call("quarterly", quarter, preparedOn))).sheets;
    },
    async prepareSubmission(quarter, preparer, today, stampedAt) {
      if (preparer.trim() === "") throw new PageError("请在“设置”中填写填报人。");
      const r = await write(() => host.call("submit", { quarter, preparer, today, stampedAt }));
      return r.stamp
        ? withIssues({ stamp: r.stamp, regenerated: r.regenerated ?? [], leftover: [], issues: r.issues })
        : withIssues({ stamp: undefined, issues: r.issues });
    },
    async verifySubmission() {
      return call(() => host.call("verify"));
    },
    async writeCityReport(consolidation, quarter) {
      const { city, profile } = consolidation;
      return (await write(() => host.call("cityReport", city, profile.id, quarter))).sheets;
    },
    async annualReport(year, asOf, preparedOn) {
      const r = await write(() => host.call("annualReport", year, asOf, preparedOn));
      return { sheet: r.sheet, figures: r.figures };
    },
    async acceptanceList(from, to, preparedOn) {
      const r = await write(() => host.call("acceptanceList", from, to, preparedOn));
      return { sheet: r.sheet, list: r.list };
    },
    async listEnterprises() {
      return call(() => host.call("enterprises"));
    },
    async insertScoreSheets(kind, enterprise, experts) {
      return (await write(() => host.call("scoresheets", kind, enterprise, experts))).sheets;
    },
    async writeBackScores() {
      const r = await write(() => host.call("writeBack"));
      return withIssues({ panels: r.panels, written: r.written, issues: r.issues });
    },
    async writeOrCheckRubric() {
      const r = await write(() => host.call("rubric"));
      return withIssues({ written: r.written, issues: r.issues });
    },
    async importList(listName, listBytes, options) {
      const asOf = chinaToday();
      const r = await write(() =>
        host.call("importList", { name: listName, bytes: listBytes }, { ...options, asOf }),
      );
      return withIssues(r.report);
    },
    async insertEnterpriseForm(kind, enterprise) {
      return (await write(() => host.call("enterpriseForm", kind, enterprise))).sheets[0]!;
    },
    async writeWorklist(asOf) {
      return (await write(() => host.call("worklistSheet", asOf))).sheet;
    },
    async urgingFile(kind, asOf, enterprise) {
      return call(() => host.call("urgingFile", kind, asOf, enterprise));
    },
  };
}
