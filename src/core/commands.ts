// 强审助手's commands, each named once, and the surfaces that offer it (SPEC 9): the Excel add-in, the WPS
// add-in, the web page and the CLI `cpa`. The pane's commands run on one WorkbookBackend, so what the Excel
// add-in offers the WPS add-in and the web page offer too, unless a row says why not. README's table of
// commands × surfaces is written from this list (`npm run docs:commands`), and a test checks the list against
// what each surface has: cpa's commands, the backend's methods and the buttons of the pane's tabs.

export const SURFACES = ["excel", "wps", "web", "cli"] as const;
export type Surface = (typeof SURFACES)[number];

export const SURFACE_LABELS: Record<Surface, string> = {
  excel: "Excel 加载项",
  wps: "WPS 加载项",
  web: "网页版",
  cli: "命令行 cpa",
};

/** The pane's tabs, in the zh-CN words of their labels. */
export const PANE_TABS = ["台账", "报表", "评分", "设置"] as const;
export type PaneTab = (typeof PANE_TABS)[number];

/**
 * Where the pane offers a command: a tab, the buttons on it (their zh-CN labels; a per-enterprise form's by its
 * attachment number), and the backend methods they call.
 */
export interface PaneCommand {
  tab: PaneTab;
  buttons: readonly string[];
  methods: readonly string[];
}

/** A surface that does not offer a command says why. */
export interface Missing {
  why: string;
}

export interface CommandEntry {
  /** What the command does, in the words of the forms and the pane. */
  name: string;
  /** The `cpa` commands that run it, or why the CLI has none. */
  cli: readonly string[] | Missing;
  /** The pane's buttons (the Excel add-in, the WPS add-in and the web page alike), or why the pane has none. */
  pane: PaneCommand | Missing;
  /** Where the web page lacks a command the add-ins' pane has: why. */
  web?: Missing;
}

export const isMissing = (x: readonly string[] | PaneCommand | Missing): x is Missing => "why" in x;

/**
 * The backend methods the pane's screens use that are not commands of their own: the settings shown when a
 * workbook opens, the enterprises of the drop-down, the cell of an issue clicked.
 */
export const PANE_HELPERS = ["loadSettings", "listEnterprises", "selectIssue"] as const;

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "新建台账",
    cli: ["init"],
    pane: { tab: "台账", buttons: ["创建台账"], methods: ["createRegister"] },
  },
  {
    name: "示例工作簿",
    cli: ["demo"],
    pane: { why: "示例供试用和测试：窗格处理已打开的工作簿，可先用 cpa demo 生成示例再打开它" },
  },
  {
    name: "强审设置（地区配置、填报单位、填报人）",
    cli: { why: "设置保存在工作簿的“强审设置”表中，直接编辑即可；各命令可用 --profile 临时改用另一地区配置" },
    pane: { tab: "设置", buttons: ["保存设置到工作簿"], methods: ["saveSettings"] },
  },
  {
    name: "刷新状态（阶段、期限、逾期）",
    cli: ["status"],
    pane: { tab: "台账", buttons: ["刷新状态"], methods: ["refreshStatus"] },
  },
  {
    name: "校验",
    cli: ["validate"],
    pane: { tab: "台账", buttons: ["校验"], methods: ["validate"] },
  },
  {
    name: "导入名单",
    cli: ["import"],
    pane: { tab: "台账", buttons: ["导入名单…"], methods: ["importList"] },
  },
  {
    name: "督办清单",
    cli: ["todo"],
    pane: { tab: "台账", buttons: ["写入督办清单"], methods: ["writeWorklist"] },
  },
  {
    name: "书面通知、督办通知",
    cli: ["letter"],
    pane: { tab: "台账", buttons: ["下载书面通知", "下载督办通知"], methods: ["urgingFile"] },
  },
  {
    name: "期限日历",
    cli: ["calendar"],
    pane: { tab: "台账", buttons: ["下载期限日历"], methods: ["urgingFile"] },
  },
  {
    name: "季度报表（附表3、附表4 / 附件11）",
    cli: ["quarterly"],
    pane: { tab: "报表", buttons: ["生成季度报表"], methods: ["generateQuarterly"] },
  },
  {
    name: "报送盖章",
    cli: ["submit"],
    pane: { tab: "报表", buttons: ["报送盖章"], methods: ["prepareSubmission"] },
  },
  {
    name: "核验报送",
    cli: ["verify"],
    pane: { tab: "报表", buttons: ["核验报送"], methods: ["verifySubmission"] },
  },
  {
    name: "市级汇总（统计看板）",
    cli: ["consolidate"],
    pane: { tab: "报表", buttons: ["汇总并生成统计看板"], methods: ["writeCityReport"] },
  },
  {
    name: "年度统计",
    cli: ["annual"],
    pane: { tab: "报表", buttons: ["生成年度统计"], methods: ["annualReport"] },
  },
  {
    name: "验收结果名单",
    cli: ["acceptance-list"],
    pane: { tab: "报表", buttons: ["生成验收结果名单"], methods: ["acceptanceList"] },
  },
  {
    name: "评分细则",
    cli: ["rubric"],
    pane: { tab: "评分", buttons: ["评分细则"], methods: ["writeOrCheckRubric"] },
  },
  {
    name: "专家评分表",
    cli: ["scoresheet"],
    pane: { tab: "评分", buttons: ["插入评分表"], methods: ["insertScoreSheets"] },
  },
  {
    name: "汇总评分、回填专家组结果",
    cli: ["score"],
    pane: { tab: "评分", buttons: ["回填评分结果"], methods: ["writeBackScores"] },
  },
  {
    name: "表单（广西 附件1、附件4、附件5、附件9；上海 附表1）",
    cli: ["form"],
    pane: {
      tab: "评分",
      buttons: ["附件1", "附件4", "附件5", "附件9", "附表1"],
      methods: ["insertEnterpriseForm"],
    },
  },
  {
    name: "附表2 档案材料清单（上海）",
    cli: ["archive"],
    pane: { tab: "评分", buttons: ["附表2"], methods: ["insertEnterpriseForm"] },
  },
  {
    name: "附件6 企业清洁生产审核绩效表",
    cli: ["performance"],
    pane: { tab: "评分", buttons: ["附件6"], methods: ["insertEnterpriseForm"] },
  },
  {
    name: "自检（在用户自己的 Excel 或 WPS 中逐项运行全部操作并报告）",
    cli: { why: "命令行不在 Excel 或 WPS 中运行，由本项目的测试覆盖" },
    pane: { tab: "设置", buttons: ["运行自检"], methods: [] },
    web: { why: "网页版不在 Excel 或 WPS 中运行，没有宿主可检" },
  },
];

/** How a surface offers a command, as README's table says it. */
function offered(entry: CommandEntry, surface: Surface): string {
  if (surface === "cli")
    return isMissing(entry.cli) ? `无：${entry.cli.why}` : entry.cli.map((c) => `\`cpa ${c}\``).join("、");
  if (surface === "web" && entry.web) return `无：${entry.web.why}`;
  return isMissing(entry.pane)
    ? `无：${entry.pane.why}`
    : `${entry.pane.tab} → ${entry.pane.buttons.join("、")}`;
}

/** README's table of commands × surfaces: the header and a row of cells per command. */
export function commandTable(): string[][] {
  return [
    ["命令", ...SURFACES.map((s) => SURFACE_LABELS[s])],
    ...COMMANDS.map((c) => [c.name, ...SURFACES.map((s) => offered(c, s))]),
  ];
}

/** The table as Markdown (Prettier pads it when README is formatted). */
export function commandTableMarkdown(): string {
  const [head, ...rows] = commandTable();
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(head!), line(head!.map(() => "---")), ...rows.map(line)].join("\n");
}
