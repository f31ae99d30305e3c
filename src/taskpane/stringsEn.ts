// The task pane's words in English, for an Office (or browser) whose display language is English; the Chinese
// ones, and the shape both share, are in strings.ts.

import type { BureauState } from "../core/bureau";
import { formatIsoDate } from "../core/dates";
import type { Strings } from "./strings";

const EN_STATES: Record<BureauState, string> = {
  met: "stamped in time",
  late: "stamped late",
  overdue: "not stamped, overdue",
  open: "not stamped yet, not due",
  unrecorded: "not recorded in the workbook; check it yourself",
};

export const en: Strings = {
  title: "Audit Assistant",
  tabRegister: "Register",
  tabForms: "Forms",
  tabScoring: "Scoring",
  tabSettings: "Settings",
  profile: "Profile",
  shanghai: "Shanghai",
  guangxi: "Guangxi",
  district: "District bureau",
  districtHint: "e.g. 浦东新区生态环境局",
  preparer: "Prepared by",
  asOf: "As of",
  createRegister: "Create register",
  createRegisterHint: "Adds the register, adjustment log and settings sheets",
  refreshStatus: "Refresh status",
  refreshStatusHint: "Stage, next deadline and overdue flags of every enterprise",
  validate: "Validate",
  validateHint: "Checks dates, credit codes, scores and results, and the adjustment log",
  saveSettings: "Save settings to workbook",
  working: "Working…",
  created: "Register sheets created.",
  refreshed: (n, late) => `Status refreshed for ${n} enterprises; ${late} overdue.`,
  validated: (e, w) =>
    e + w === 0 ? "No errors or warnings." : `${e} errors, ${w} warnings. Click an item to go to its cell.`,
  settingsSaved: "Settings saved to the 强审设置 sheet.",
  byStage: "By stage",
  byOverdue: "By overdue code",
  bureauDeadlines: "Reporting deadlines",
  bureauLine: (b) =>
    `${formatIsoDate(b.due)} ${b.code === "quarterly_report" ? "quarterly report" : "annual summary"} (${b.period}): ${EN_STATES[b.state]}${b.doneOn !== null ? ` (${formatIsoDate(b.doneOn)})` : ""}`,
  rollOver: (n) => `${n} enterprises not started past their deadline, candidates for the next list`,
  issues: "Issues",
  error: "Error",
  warning: "Warning",
  noExcel: "Open this add-in in Excel.",
  quarter: "Quarter",
  generateQuarterly: "Generate quarterly forms",
  generateQuarterlyHint: "附表3 and the list-adjustment table (附表4 / 附件11)",
  generated: (names) => `Generated: ${names.join(", ")}`,
  enterprise: "Enterprise",
  experts: "Experts",
  kind: "Kind",
  evaluation: "Evaluation sheet",
  acceptance: "Acceptance sheet",
  insertScoresheets: "Insert scoring sheets",
  writeBackScores: "Write panel results back",
  writtenBack: (n) => `${n} panel results written to the register.`,
  rubric: "Scoring rubric (评分细则)",
  rubricHint:
    "Without a 评分细则 sheet, writes the default rubric for you to edit; with one, checks it (maxima add up to 100, steps of 0.5, every text present)",
  rubricWritten:
    "The 评分细则 sheet was added. Once edited, new scoring sheets and the write-back score by it.",
  rubricChecked: (e) =>
    e === 0
      ? "The rubric checks; new scoring sheets use it."
      : `The rubric has ${e} errors; scoring sheets cannot be inserted or written back until they are fixed.`,
  chooseEnterprise: "Choose an enterprise",
  enterpriseForms: "Forms",
  enterpriseFormHint: "Adds the form for the chosen enterprise, with what the register knows filled in",
  enterpriseForm: {
    "evaluation-application": "Evaluation application (附件1)",
    "evaluation-review": "Evaluation technical review (附件4)",
    "acceptance-application": "Acceptance application (附件5)",
    "acceptance-opinion": "Acceptance opinion (附件9)",
    consultant: "Consulting firm details (附表1)",
    archive: "Archive checklist (附表2)",
    performance: "Audit performance table (附件6)",
  },
  importList: "Import a published list…",
  importListHint: "The list (.xlsx) is read on this computer, never uploaded; confirm after the report",
  listPublished: "List published on (when the list has no such column)",
  skipInvalid: (n) => `Skip the rows with errors, import the other ${n}`,
  confirmImport: "Import",
  cancel: "Cancel",
  importPreview: (file, added, rounds, matched, absent) =>
    `${file}: ${added} to add (${rounds} new rounds), ${matched} already in the register, ${absent} open enterprises not on the new list.`,
  importAdded: "To add",
  importMatched: "Already in the register",
  importAbsent: "Open enterprises not on the new list",
  importUnknown: "Columns not recognised (not imported)",
  kindNew: "new",
  kindRound: "new round",
  imported: (n) => `${n} rows appended to the register. Refresh the status to compute their deadlines.`,
  importBlocked: (e) =>
    `The list has ${e} errors; nothing was imported. Fix the list and choose it again, or skip rows with errors.`,
  nothingToImport: "Every enterprise on the list is in the register already; nothing to add.",
  submit: "Stamp for submission",
  submitHint: "After validation, writes 报送信息 and protects the submitted sheets",
  submitted: (hash) => `Stamped (SHA-256 ${hash.slice(0, 16)}…).`,
  regenerated: (forms) =>
    forms
      .map(
        (f) =>
          `“${f.sheet}” no longer agreed with the register (${f.difference}); it was laid out again and the old one kept as “${f.keptAs}”.`,
      )
      .join(" "),
  leftover: (names) =>
    names.length > 0
      ? `The old sheets ${names.map((n) => `“${n}”`).join(", ")} could not be deleted; the stamp does not need them, delete them by hand.`
      : "",
  refused: (e) => `${e} errors remain; not stamped. Fix the issues below first.`,
  verify: "Verify submission",
  verified: {
    unchanged: "Unchanged since it was stamped.",
    changed: "Changed since it was stamped: ",
    unstamped: "This workbook has not been stamped.",
  },
  late: (at) => ` Stamped ${at}, after the submission day (the 10th of the month after the quarter).`,
  centre: "City consolidation",
  pickFiles: "Choose the districts' workbooks…",
  pickFilesHint: "Several .xlsx files at once; they are read on this computer and never uploaded",
  picked: (names) => `${names.length} files chosen: ${names.join(", ")}`,
  consolidate: "Consolidate and build the dashboard",
  consolidateHint:
    "Verifies each district's submission and adds the dashboard, the verification, the counts and the city forms",
  reading: (done, total) => `Reading file ${done} of ${total}…`,
  consolidated: (n, names) => `${n} districts consolidated; new sheets: ${names.join(", ")}.`,
  missing: (d) => `Not submitted: ${d.join(", ")}.`,
  lateDistricts: (d) => `Late: ${d.join(", ")}.`,
  unreadable: (f) => `Unreadable: ${f.join(", ")} (see 报送核验).`,
  notVerified: (district, changed) =>
    changed.length > 0
      ? `${district} changed since stamped (${changed.join(", ")}).`
      : `${district} not stamped.`,
  countedFiles: (pairs) => `Counted per district: ${pairs.join(", ")}.`,
  excludedFile: (label, file, reason) => `${label}: ${file} (${reason}).`,
  yearReports: "The year's reports",
  year: "Year",
  annual: "Build the annual figures",
  annualHint:
    "Enterprises listed, started, evaluated, accepted, still open, overdue and list adjustments of the year, as a printable 年度统计 sheet",
  annualDone: (sheet, listed, open) =>
    `“${sheet}” added: ${listed} enterprises listed this year, ${open} rounds still open.`,
  acceptanceFrom: "Accepted from",
  acceptanceTo: "Accepted to",
  acceptanceList: "Build the acceptance results list",
  acceptanceListHint:
    "The enterprises accepted 合格 and 不合格 in the period, for the region (广西 三、（八）)",
  acceptanceListDone: (sheet, passed, failed) => `“${sheet}” added: ${passed} 合格, ${failed} 不合格.`,
  badYear: "Year: enter a year such as 2026",
  badDate: (label) => `${label}: enter a date such as 2026-01-01`,
  worklist: "To chase (督办清单)",
  worklistSummary: (overdue, soon, within) =>
    `${overdue} overdue, ${soon} due within ${within} days. Click a line to go to its register row.`,
  nothingToUrge: "Nothing to chase: no act is overdue or due soon.",
  writeWorklist: "Write the worklist sheet",
  writeWorklistHint: "Adds a printable 督办清单 sheet (A4 landscape, header row on every page)",
  worklistWritten: (name) => `Added “${name}”.`,
  downloadReminders: "Download reminders (督办通知)",
  downloadNotices: "Download notices (书面通知)",
  downloadCalendar: "Download deadline calendar",
  downloadHint:
    "Reminders go to the enterprises on the worklist, notices to the latest list's enterprises (Word, one per page); the calendar is an .ics for Outlook or a phone",
  downloaded: (name, n) => `Downloaded ${name} (${n}).`,
  officeMissing: {
    title: "office.js, Office's script library, could not be loaded: the assistant cannot start",
    body: "The pane loads office.js from Microsoft's address https://appsforoffice.microsoft.com/lib/1/hosted/office.js each time it opens, and this computer could not reach it (an intranet that blocks Microsoft's sites, or no network).",
    todo: "Ask your IT staff to allow appsforoffice.microsoft.com (HTTPS, port 443) in the firewall or proxy, then open the pane again. Until then, use the web page (index.html at this pane's address) in a browser, or the cpa command-line tool.",
  },
  outsideExcel: {
    title: "The assistant is an Excel add-in: open it in Excel",
    body: "This page was opened outside Excel (taskpane.html straight in a browser, for example), where there is no workbook to work on.",
    todo: "Open the assistant in Excel from Insert → Add-ins. In a browser alone, open the web page (index.html at this page's address) or use the cpa command-line tool.",
  },
  reloadEnterprises: "Read the enterprises again",
  refreshedWithErrors: (e) =>
    ` The register has ${e} errors; the status of those rows may be wrong: see the issues below and fix them.`,
  besideOld: (names) =>
    names
      .filter((n) => / \(\d+\)$/.test(n))
      .map(
        (n) =>
          ` The workbook has “${n.replace(/ \(\d+\)$/, "")}” already; the new one is “${n}”, the old one is unchanged: delete the one you do not need.`,
      )
      .join(""),
  moreIssues: (n) => `Show the other ${n}`,
  selfTestHeading: "Self-test",
  selfTestIntro:
    "The self-test builds a sample register in this workbook, runs each of the assistant's commands on it, lists every step's result with Excel's own error, and deletes every sheet it added. Run it in a new blank workbook (it neither reads nor changes your sheets); when something goes wrong, click Copy and send the report to support.",
  selfTestRun: "Run the self-test",
  selfTestProgress: (done, total) => `Self-test running: ${done} of ${total} steps done`,
  selfTestCopy: "Copy",
  selfTestCopied: "The report is on the clipboard: paste it into a mail or message to support.",
  selfTestCopyFailed: "The clipboard cannot be written: select the report's text below and press Ctrl+C.",
  selfTestRefused:
    "Create a new blank workbook, open the assistant in it and run the self-test there (the self-test neither reads nor changes your sheets)",
  selfTestRefusedSheets: (names) =>
    `This workbook holds the assistant's sheets (${names.join(", ")}): the self-test did not run, and nothing was changed.`,
  selfTestSteps: {
    createRegister: "Create register",
    saveSettings: "Save settings",
    importList: "Import a list",
    refreshStatus: "Refresh status",
    validate: "Validate (and show an issue)",
    quarterly: "Quarterly forms",
    scoreSheets: "Insert scoring sheets",
    writeBack: "Write scores back",
    rubric: "Scoring rubric",
    enterpriseForm: "Insert an enterprise form",
    submit: "Stamp for submission",
    verify: "Verify the stamp",
    consolidate: "Consolidate one file",
    annual: "Annual statistics (年度统计)",
    acceptanceList: "Acceptance results (验收结果名单)",
    worklist: "Worklist (督办清单)",
    letters: "Deadline calendar",
  },
  selfTestPreparer: "自检",
  selfTestSettingsNotRead: "The settings read back differ from those saved",
  selfTestNotImported: (added, want, issues) =>
    `The list has ${want} enterprises, ${added} were imported${issues.length ? `: ${issues.join("; ")}` : ""}`,
  selfTestRows: (n) => `${n} rows`,
  selfTestRowsRead: (n, want) => `The register should have ${want} rows, ${n} were read`,
  selfTestIssues: (n) => `${n} issues`,
  selfTestNoEnterprise: "No enterprise name could be read from the register",
  selfTestPanels: (n) => `${n} panels`,
  selfTestNotStamped: (errors) => `Not stamped: ${errors.join("; ") || "no reason given"}`,
  selfTestNotVerified: (state, sheets) =>
    `Verified right after stamping, the state should be unchanged; it is ${state}${sheets.length ? ` (${sheets.join(", ")})` : ""}`,
  selfTestNothingDue: "nothing due, none written",
  selfTestTitle: "强审助手 self-test report",
  selfTestAt: (at) => `Time: ${at} (China time)`,
  selfTestHost: (host, version, platform) => `Host: ${host} ${version} (platform: ${platform || "unknown"})`,
  selfTestSupported: (sets) => `Supported: ${sets.join(", ") || "none"}`,
  selfTestUnsupported: (sets) => `Not supported: ${sets.join(", ") || "none"}`,
  selfTestRuntime: (agent) => `Browser engine: ${agent}`,
  selfTestNoInfo: (error) => `The host's details could not be read: ${error}`,
  selfTestProfile: (profile) => `Profile: ${profile}`,
  selfTestSkipped: "not run (an earlier step failed)",
  selfTestCall: (location) => ` (call: ${location})`,
  selfTestShown: (text) => `; the assistant said: ${text}`,
  selfTestRemoved: (n) =>
    `Clean-up: the ${n} sheets the self-test added were deleted; the workbook is as it was.`,
  selfTestLeft: (names) =>
    `Clean-up incomplete: these sheets the self-test added could not be deleted, delete them by hand: ${names.join(", ")}`,
  selfTestUnlisted: (kept) =>
    `Clean-up incomplete: the workbook's sheets could not be listed. Before the self-test it held only ${kept.join(", ")}; delete the others by hand (the self-test added them).`,
  selfTestSummary: (ok, failed, skipped) =>
    `Result: ${ok} passed, ${failed} failed${skipped ? `, ${skipped} not run` : ""}.`,
};
