// The pane's commands on the workbook open in Excel: each one Excel.run over src/excel.

import { createRegister, refreshStatus, selectIssue, validateWorkbook } from "../excel/register";
import { loadSettings, saveSettings } from "../excel/settings";
import { chinaToday } from "../core/dates";
import type { WorkbookBackend } from "./backend";
import { runCommand } from "./runCommand";

/** Requirement sets above the manifest's ExcelApi 1.8 are used only where Office says they are there. */
const supports = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);

/**
 * The quarter's forms, the scoring sheets and the rubric: a chunk fetched on the first such command, so that the
 * pane's start bundle stays under its budget.
 */
const sheetCommands = () => import(/* webpackChunkName: "sheets" */ "../excel/forms");

const selfTestCalls = () => import(/* webpackChunkName: "selftest" */ "../excel/selfTest");

export const officeBackend: WorkbookBackend = {
  loadSettings: () => runCommand(loadSettings),
  saveSettings: (settings) => runCommand((ctx) => saveSettings(ctx, settings)),
  createRegister: (settings) => runCommand((ctx) => createRegister(ctx, settings)),
  refreshStatus: (asOf) => runCommand((ctx) => refreshStatus(ctx, asOf)),
  validate: (asOf) => runCommand((ctx) => validateWorkbook(ctx, asOf)),
  selectIssue: (issue) => runCommand((ctx) => selectIssue(ctx, issue)),
  generateQuarterly: async (quarter, preparedOn) => {
    const { generateQuarterly } = await sheetCommands();
    return runCommand((ctx) => generateQuarterly(ctx, quarter, preparedOn, supports));
  },
  // Stamping and its check come once a quarter: fetched on first use, outside the start bundle.
  prepareSubmission: async (quarter, preparer, today, stampedAt) => {
    const { prepareSubmission } = await import(/* webpackChunkName: "submission" */ "../excel/centre");
    return runCommand((ctx) => prepareSubmission(ctx, quarter, preparer, today, stampedAt, supports));
  },
  verifySubmission: async () => {
    const { verifySubmission } = await import(/* webpackChunkName: "submission" */ "../excel/centre");
    return runCommand(verifySubmission);
  },
  writeCityReport: async (consolidation, quarter) => {
    // The centre's code is fetched when the centre consolidates: outside a district's start bundle.
    const { writeCityReport } = await import(/* webpackChunkName: "centre" */ "../excel/consolidate");
    return runCommand((ctx) => writeCityReport(ctx, consolidation, quarter, supports));
  },
  // The year's reports come once a year: fetched on first use, outside the start bundle.
  annualReport: async (year, asOf, preparedOn) => {
    const { writeAnnualReport } = await import(/* webpackChunkName: "year-reports" */ "../excel/yearReports");
    return runCommand((ctx) => writeAnnualReport(ctx, year, asOf, preparedOn, supports));
  },
  acceptanceList: async (from, to, preparedOn) => {
    const { writeAcceptanceList } = await import(
      /* webpackChunkName: "year-reports" */ "../excel/yearReports"
    );
    return runCommand((ctx) => writeAcceptanceList(ctx, from, to, preparedOn, supports));
  },
  listEnterprises: async () => runCommand((await sheetCommands()).listEnterprises),
  insertScoreSheets: async (kind, enterprise, experts) => {
    const { insertScoreSheets } = await sheetCommands();
    return runCommand((ctx) => insertScoreSheets(ctx, kind, enterprise, experts, supports));
  },
  writeBackScores: async () => runCommand((await sheetCommands()).writeBackScores),
  writeOrCheckRubric: async () => {
    const { writeOrCheckRubric } = await sheetCommands();
    return runCommand((ctx) => writeOrCheckRubric(ctx, supports));
  },
  // The per-enterprise forms' layouts are fetched when one is first added.
  insertEnterpriseForm: async (kind, enterprise) => {
    const { insertEnterpriseForm } = await import(/* webpackChunkName: "forms" */ "../excel/enterpriseForms");
    return runCommand((ctx) => insertEnterpriseForm(ctx, kind, enterprise, supports));
  },
  importList: async (listName, listBytes, options) => {
    // Fetched on first use, with the list reader and the pane's import screen: outside the start bundle.
    const [{ importList }, { readWorkbook }] = await Promise.all([
      import(/* webpackChunkName: "import" */ "../excel/importList"),
      import(/* webpackChunkName: "import" */ "../xlsx/parse"),
    ]);
    const list = await readWorkbook(listBytes, listName);
    const asOf = chinaToday();
    return runCommand((ctx) => importList(ctx, list, { ...options, asOf }));
  },
  writeWorklist: async (asOf) => {
    const { writeWorklist } = await import(/* webpackChunkName: "worklist" */ "../excel/worklist");
    return runCommand((ctx) => writeWorklist(ctx, asOf, supports));
  },
  // The letters' .docx library is fetched when a letter or calendar is first asked for.
  urgingFile: async (kind, asOf, enterprise) => {
    const [{ loadRegisterWorkbook }, { urgingFile }] = await Promise.all([
      import(/* webpackChunkName: "worklist" */ "../excel/worklist"),
      import(/* webpackChunkName: "letters" */ "../docx/urgingFiles"),
    ]);
    const wb = await runCommand(loadRegisterWorkbook);
    return urgingFile(wb, kind, asOf, { enterprise });
  },
  // 自检's calls to Excel are fetched with 自检 itself, outside the start bundle.
  selfTest: {
    info: async () => (await selfTestCalls()).officeHostInfo(),
    sheetNames: async () => runCommand((await selfTestCalls()).sheetNames),
    deleteSheets: async (names) => {
      const { deleteSheets } = await selfTestCalls();
      return runCommand((ctx) => deleteSheets(ctx, names));
    },
  },
};
