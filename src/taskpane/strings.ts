// The task pane's words: Simplified Chinese, and English when Office's display language is English.
// Sheet names, headers and generated form text stay Chinese in both: they are the official forms.

import {
  enterpriseFormLabel,
  ENTERPRISE_SHEET_KINDS,
  type EnterpriseSheetKind,
} from "../forms/enterpriseFormTitles";
import { bureauDeadlineText, type BureauDeadline } from "../core/bureau";

const zh = {
  title: "强审助手",
  tabRegister: "台账",
  tabForms: "报表",
  tabScoring: "评分",
  tabSettings: "设置",
  profile: "地区配置",
  shanghai: "上海市",
  guangxi: "广西壮族自治区",
  district: "填报单位",
  districtHint: "如：浦东新区生态环境局",
  preparer: "填报人",
  asOf: "统计日",
  createRegister: "创建台账",
  createRegisterHint: "新建“企业名单台账”“名单调整记录”“强审设置”三张工作表",
  refreshStatus: "刷新状态",
  refreshStatusHint: "计算每家企业的当前阶段、下一期限和逾期情况",
  validate: "校验",
  validateHint: "检查日期、代码、评分与结果、名单调整记录",
  saveSettings: "保存设置到工作簿",
  working: "正在处理…",
  created: "已创建台账工作表。",
  refreshed: (n: number, late: number) => `已刷新 ${n} 家企业的状态，其中逾期 ${late} 家。`,
  validated: (e: number, w: number) =>
    e + w === 0 ? "校验通过：没有错误或警告。" : `发现 ${e} 个错误、${w} 个警告。点击条目可定位到单元格。`,
  settingsSaved: "设置已保存到“强审设置”工作表。",
  byStage: "按阶段",
  byOverdue: "按逾期类型",
  bureauDeadlines: "报送期限",
  bureauLine: (b: BureauDeadline) => bureauDeadlineText(b),
  rollOver: (n: number) => `逾期未启动审核、可滚动纳入下一轮审核名单的企业 ${n} 家`,
  issues: "问题列表",
  error: "错误",
  warning: "警告",
  noExcel: "请在 Excel 中打开本加载项。",
  quarter: "季度",
  generateQuarterly: "生成季度报表",
  generateQuarterlyHint: "生成附表3 和 名单调整表（附表4 / 附件11）",
  generated: (names: string[]) => `已生成：${names.join("、")}`,
  enterprise: "企业",
  experts: "专家人数",
  kind: "评分类型",
  evaluation: "评估评分表",
  acceptance: "验收评分表",
  insertScoresheets: "插入评分表",
  writeBackScores: "回填评分结果",
  writtenBack: (n: number) => `已将 ${n} 个专家组结果写回台账。`,
  rubric: "评分细则",
  rubricHint:
    "没有“评分细则”工作表时写入默认评分细则供修改；已有时检查它（分值合计 100、以 0.5 分为单位、文字齐全）",
  rubricWritten: "已写入“评分细则”工作表。修改后，新插入的评分表和回填评分结果都按它评分。",
  rubricChecked: (e: number) =>
    e === 0
      ? "评分细则检查通过，新插入的评分表按它评分。"
      : `评分细则有 ${e} 个错误，修正前不能插入评分表或回填。`,
  chooseEnterprise: "请选择企业",
  enterpriseForms: "表单",
  enterpriseFormHint: "为所选企业新增一张表单，台账已有的内容预先填好",
  // The forms' own names: "附件1 清洁生产审核评估申请表".
  enterpriseForm: Object.fromEntries(
    ENTERPRISE_SHEET_KINDS.map((k) => [k, enterpriseFormLabel(k)]),
  ) as Record<EnterpriseSheetKind, string>,
  importList: "导入名单…",
  importListHint: "名单 .xlsx 文件只在本机读取，不会上传；先显示导入结果，确认后追加到台账",
  listPublished: "名单公布时间（名单中没有该列时填写）",
  skipInvalid: (n: number) => `跳过有误的行，导入其余 ${n} 家`,
  confirmImport: "确认导入",
  cancel: "取消",
  importPreview: (file: string, added: number, rounds: number, matched: number, absent: number) =>
    `${file}：将新增 ${added} 家（其中新一轮 ${rounds} 家），已在台账 ${matched} 家，台账中仍在审核而新名单未列 ${absent} 家。`,
  importAdded: "将新增",
  importMatched: "已在台账",
  importAbsent: "台账中仍在审核、新名单未列",
  importUnknown: "无法识别的列（未导入）",
  kindNew: "新列入",
  kindRound: "新一轮",
  imported: (n: number) => `已在台账末尾追加 ${n} 行。请点击“刷新状态”计算新企业的期限。`,
  importBlocked: (e: number) => `名单中有 ${e} 个错误，未导入。请修改名单后重新选择，或勾选“跳过有误的行”。`,
  nothingToImport: "名单中的企业都已在台账中，没有需要新增的。",
  submit: "报送盖章",
  submitHint: "校验无误后，写入“报送信息”并保护报送的工作表",
  submitted: (hash: string) => `已报送盖章（SHA-256 ${hash.slice(0, 16)}…）。`,
  regenerated: (forms: { sheet: string; difference: string; keptAs: string }[]) =>
    forms
      .map(
        (f) => `“${f.sheet}”与台账不一致（${f.difference}），已按台账重新生成；原表改名为“${f.keptAs}”保留。`,
      )
      .join(""),
  leftover: (names: string[]) =>
    names.length > 0 ? `旧表${names.map((n) => `“${n}”`).join("、")}未能删除，不影响报送，可手工删除。` : "",
  refused: (e: number) => `仍有 ${e} 个错误，未报送。请先修正下列问题。`,
  verify: "核验报送",
  verified: {
    unchanged: "核验通过：报送后未改动。",
    changed: "报送后已改动：",
    unstamped: "本工作簿尚未报送盖章。",
  },
  late: (at: string) => `报送时间 ${at} 已过报送期限（季度结束后次月10日）。`,
  centre: "市级汇总",
  pickFiles: "选择各区报送的工作簿…",
  pickFilesHint: "可一次选择多个 .xlsx 文件；文件只在本机读取，不会上传",
  picked: (names: string[]) => `已选 ${names.length} 个文件：${names.join("、")}`,
  consolidate: "汇总并生成统计看板",
  consolidateHint: "核验各区报送，在本工作簿中新增统计看板、报送核验、各区统计和全市附表",
  reading: (done: number, total: number) => `正在读取第 ${done}/${total} 个文件…`,
  consolidated: (n: number, names: string[]) => `已汇总 ${n} 个区，新增工作表：${names.join("、")}。`,
  missing: (d: string[]) => `未报送：${d.join("、")}。`,
  lateDistricts: (d: string[]) => `逾期报送：${d.join("、")}。`,
  unreadable: (f: string[]) => `无法读取：${f.join("、")}（见“报送核验”）。`,
  notVerified: (district: string, changed: string[]) =>
    changed.length > 0 ? `${district}报送后已改动（${changed.join("、")}）。` : `${district}未报送盖章。`,
  countedFiles: (pairs: string[]) => `各区计入：${pairs.join("、")}。`,
  excludedFile: (label: string, file: string, reason: string) => `${label}：${file}（${reason}）。`,
  yearReports: "年度报表",
  year: "年度",
  annual: "生成年度统计",
  annualHint: "按名单年度统计列入、启动、评估、验收、未完成、逾期和名单调整，新增可打印的“年度统计”工作表",
  annualDone: (sheet: string, listed: number, open: number) =>
    `已生成“${sheet}”：本年度列入 ${listed} 家，尚未完成的各轮共 ${open} 家。`,
  acceptanceFrom: "验收时间自",
  acceptanceTo: "验收时间至",
  acceptanceList: "生成验收结果名单",
  acceptanceListHint: "列出期间内验收“合格”与“不合格”的企业，报送自治区（广西三、（八））",
  acceptanceListDone: (sheet: string, passed: number, failed: number) =>
    `已生成“${sheet}”：合格 ${passed} 家，不合格 ${failed} 家。`,
  badYear: "年度：请填写如 2026 的年份",
  badDate: (label: string) => `${label}：请填写如 2026-01-01 的日期`,
  worklist: "督办清单",
  worklistSummary: (overdue: number, soon: number, within: number) =>
    `已逾期 ${overdue} 项，${within} 日内到期 ${soon} 项。点击条目可定位到台账行。`,
  nothingToUrge: "无需督办：没有已逾期或即将到期的事项。",
  writeWorklist: "写入督办清单",
  writeWorklistHint: "新增可打印的“督办清单 日期”工作表（A4 横向，每页重复标题行）",
  worklistWritten: (name: string) => `已生成“${name}”。`,
  downloadReminders: "下载督办通知",
  downloadNotices: "下载书面通知",
  downloadCalendar: "下载期限日历",
  downloadHint:
    "督办通知发给清单上的企业，书面通知发给最近一批名单的企业（Word，每页一份）；日历为 .ics，可导入 Outlook、手机日历",
  downloaded: (name: string, n: number) => `已下载 ${name}（${n} 项）。`,
  officeMissing: {
    title: "无法加载 Office 的脚本库 office.js，强审助手无法启动",
    body: "强审助手每次打开都要从微软的地址 https://appsforoffice.microsoft.com/lib/1/hosted/office.js 加载 office.js，这台电脑没能访问该地址（内网屏蔽了微软的网站，或网络中断）。",
    todo: "请信息化部门在防火墙或代理中放行 appsforoffice.microsoft.com（HTTPS，443 端口）后重新打开窗格；暂时无法放行时，可在浏览器中使用强审助手网页版（与本窗格同一地址下的 index.html），或使用命令行工具 cpa。",
  },
  outsideExcel: {
    title: "强审助手是 Excel 加载项，请在 Excel 中打开",
    body: "此页面是在 Excel 以外打开的（例如直接在浏览器中打开了 taskpane.html），这里没有可以处理的工作簿。",
    todo: "请在 Excel 中通过“插入 → 加载项”打开强审助手；只用浏览器时，请打开强审助手网页版（与本页面同一地址下的 index.html），或使用命令行工具 cpa。",
  },
  reloadEnterprises: "重新读取企业名单",
  refreshedWithErrors: (e: number) =>
    `台账中有 ${e} 个错误，这些行的状态可能不准确，请查看下方问题列表并修正。`,
  besideOld: (names: string[]) =>
    names
      .filter((n) => / \(\d+\)$/.test(n))
      .map(
        (n) =>
          `工作簿中已有“${n.replace(/ \(\d+\)$/, "")}”，新表另存为“${n}”，原表未改动；核对后可删除不用的一张。`,
      )
      .join(""),
  moreIssues: (n: number) => `显示其余 ${n} 条`,
  selfTestHeading: "自检",
  selfTestIntro:
    "自检在本工作簿中建一份示例台账，逐一运行强审助手的每项操作，列出每一步的结果和 Excel 的原始错误，最后删除自检添加的全部工作表。请在新建的空白工作簿中运行（自检不读取、不改动您的工作表）；遇到问题时，点“复制”，把报告发给技术支持。",
  selfTestRun: "运行自检",
  selfTestProgress: (done: number, total: number) => `自检进行中：已完成 ${done} / ${total} 步`,
  selfTestCopy: "复制",
  selfTestCopied: "自检报告已复制到剪贴板，可粘贴到邮件或即时消息中发给技术支持。",
  selfTestCopyFailed: "无法写入剪贴板：请选中下方报告的文字，按 Ctrl+C 复制。",
  selfTestRefused: "请新建一个空白工作簿，在其中打开强审助手后运行自检（自检不读取、不改动您的工作表）",
  selfTestRefusedSheets: (names: string[]) =>
    `本工作簿已有强审助手的工作表（${names.join("、")}），自检未运行，工作簿未改动。`,
  selfTestSteps: {
    createRegister: "创建台账",
    saveSettings: "保存设置",
    importList: "导入名单",
    refreshStatus: "刷新状态",
    validate: "校验（并定位一个问题）",
    quarterly: "生成季度报表",
    scoreSheets: "插入评分表",
    writeBack: "评分回填台账",
    rubric: "评分细则",
    enterpriseForm: "插入企业表单",
    submit: "报送盖章",
    verify: "验证报送",
    consolidate: "汇总一个报送文件",
    annual: "年度统计",
    acceptanceList: "验收结果名单",
    worklist: "督办清单",
    letters: "期限日历",
  },
  selfTestPreparer: "自检",
  selfTestSettingsNotRead: "保存后读回的设置与保存的不同",
  selfTestNotImported: (added: number, want: number, issues: string[]) =>
    `名单 ${want} 家企业，导入 ${added} 家${issues.length ? `：${issues.join("；")}` : ""}`,
  selfTestRows: (n: number) => `${n} 行`,
  selfTestRowsRead: (n: number, want: number) => `台账应有 ${want} 行，读到 ${n} 行`,
  selfTestIssues: (n: number) => `${n} 个问题`,
  selfTestNoEnterprise: "台账中读不到企业名称",
  selfTestPanels: (n: number) => `${n} 组评分`,
  selfTestNotStamped: (errors: string[]) => `未盖章：${errors.join("；") || "没有说明原因"}`,
  selfTestNotVerified: (state: string, sheets: string[]) =>
    `盖章后立即验证，结果应为 unchanged，实为 ${state}${sheets.length ? `（${sheets.join("、")}）` : ""}`,
  selfTestNothingDue: "无到期事项，未生成",
  selfTestTitle: "强审助手自检报告",
  selfTestAt: (at: string) => `时间：${at}（北京时间）`,
  selfTestHost: (host: string, version: string, platform: string) =>
    `宿主：${host} ${version}（平台：${platform || "未知"}）`,
  selfTestSupported: (sets: string[]) => `支持：${sets.join("、") || "无"}`,
  selfTestUnsupported: (sets: string[]) => `不支持：${sets.join("、") || "无"}`,
  selfTestRuntime: (agent: string) => `浏览器内核：${agent}`,
  selfTestNoInfo: (error: string) => `无法读取宿主信息：${error}`,
  selfTestProfile: (profile: string) => `地区配置：${profile}`,
  selfTestSkipped: "未运行（前面的步骤失败）",
  selfTestCall: (location: string) => `（调用：${location}）`,
  selfTestShown: (text: string) => `；强审助手的提示：${text}`,
  selfTestRemoved: (n: number) => `清理：已删除自检添加的 ${n} 张工作表，工作簿恢复原状。`,
  selfTestLeft: (names: string[]) =>
    `清理未完成：以下工作表是自检添加的，未能删除，请手工删除：${names.join("、")}`,
  selfTestUnlisted: (kept: string[]) =>
    `清理未完成：无法列出工作簿的工作表。自检前工作簿只有：${kept.join("、")}；请手工删除其余的工作表（均为自检添加）。`,
  selfTestSummary: (ok: number, failed: number, skipped: number) =>
    `结果：${ok} 项通过，${failed} 项失败${skipped ? `，${skipped} 项未运行` : ""}。`,
} as const;

type Strings = {
  [K in keyof typeof zh]: (typeof zh)[K] extends (...a: infer A) => string
    ? (...a: A) => string
    : (typeof zh)[K] extends string
      ? string
      : { [P in keyof (typeof zh)[K]]: string };
};

export type { Strings };

/** Whether the pane speaks English: Office's (or the browser's) display language is English. */
export const wantsEnglish = (displayLanguage: string | undefined): boolean =>
  displayLanguage?.toLowerCase().startsWith("en") ?? false;

/** The Chinese words, which every pane starts with. */
export const zhStrings = zh as unknown as Strings;

/**
 * The words for the display language, the English ones fetched as a chunk of their own: the Excel add-in's
 * start bundle carries the Chinese only (its size budget, webpack.config.js).
 */
export async function loadStrings(displayLanguage: string | undefined): Promise<Strings> {
  if (!wantsEnglish(displayLanguage)) return zhStrings;
  return (await import(/* webpackChunkName: "strings-en" */ "./stringsEn")).en;
}
