/// <reference types="wps-jsapi" />
// The pane's commands on the workbook open in WPS 表格: each one a synchronous run over WPS's object model
// (window.Application), the screen frozen while it runs.

import { chinaToday } from "../core/dates";
import type { WorkbookBackend } from "../taskpane/backend";
import { runWps } from "./book";
import * as commands from "./commands";
import type { EtApp } from "./et";
import * as register from "./register";
import { wpsSelfTestHost } from "./selfTest";

export function wpsBackend(application: Et.EtApplication): WorkbookBackend {
  // wps-jsapi types most members as returning void; the surface used is typed as WPS behaves in ./et.
  const app = application as unknown as EtApp;
  return {
    selfTest: wpsSelfTestHost(app),
    loadSettings: () => runWps(app, register.loadSettings),
    saveSettings: (settings) => runWps(app, (b) => register.saveSettings(b, settings)),
    createRegister: (settings) => runWps(app, (b) => register.createRegister(b, settings)),
    refreshStatus: (asOf) => runWps(app, (b) => register.refreshStatus(b, asOf)),
    validate: (asOf) => runWps(app, (b) => register.validateWorkbook(b, asOf)),
    selectIssue: (issue) => runWps(app, (b) => register.selectIssue(b, issue)),
    generateQuarterly: (quarter, preparedOn) =>
      runWps(app, (b) => commands.generateQuarterly(b, quarter, preparedOn)),
    prepareSubmission: (quarter, preparer, today, stampedAt) =>
      runWps(app, (b) => commands.prepareSubmission(b, quarter, preparer, today, stampedAt)),
    verifySubmission: () => runWps(app, commands.verifySubmission),
    writeCityReport: (consolidation, quarter) =>
      runWps(app, (b) => commands.writeCityReport(b, consolidation, quarter)),
    annualReport: (year, asOf, preparedOn) =>
      runWps(app, (b) => commands.annualReport(b, year, asOf, preparedOn)),
    acceptanceList: (from, to, preparedOn) =>
      runWps(app, (b) => commands.acceptanceList(b, from, to, preparedOn)),
    listEnterprises: () => runWps(app, commands.listEnterprises),
    insertScoreSheets: (kind, enterprise, experts) =>
      runWps(app, (b) => commands.insertScoreSheets(b, kind, enterprise, experts)),
    writeBackScores: () => runWps(app, commands.writeBackScores),
    writeOrCheckRubric: () => runWps(app, commands.writeOrCheckRubric),
    insertEnterpriseForm: (kind, enterprise) =>
      runWps(app, (b) => commands.insertEnterpriseForm(b, kind, enterprise)),
    importList: async (listName, listBytes, options) => {
      // The list reader is fetched on first use: outside the start bundle.
      const { readWorkbook } = await import(/* webpackChunkName: "import" */ "../xlsx/parse");
      const list = await readWorkbook(listBytes, listName);
      const asOf = chinaToday();
      return runWps(app, (b) => commands.importList(b, list, { ...options, asOf }));
    },
    writeWorklist: (asOf) => runWps(app, (b) => commands.writeWorklist(b, asOf)),
    // The letters' .docx library is fetched when a letter or calendar is first asked for.
    urgingFile: async (kind, asOf, enterprise) => {
      const { urgingFile } = await import(/* webpackChunkName: "letters" */ "../docx/urgingFiles");
      const wb = await runWps(app, commands.loadRegisterWorkbook);
      return urgingFile(wb, kind, asOf, { enterprise });
    },
  };
}
