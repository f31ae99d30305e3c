// The web page's own words (the pane's tabs bring theirs): Simplified Chinese, English for an English browser.

const zh = {
  title: "强审助手 网页版",
  intro:
    "在浏览器中打开本单位的台账工作簿（.xlsx），运行与 Excel 加载项相同的命令，结果另存为新文件下载。文件只在本机处理，不会上传。",
  open: "打开工作簿…",
  drop: "或把 .xlsx 文件拖到此处",
  none: "尚未打开工作簿：可先打开一个，或在“台账”中点“创建台账”新建。",
  opened: (name: string) => `已打开 ${name}`,
  modified: "（已修改，尚未下载）",
  download: (name: string) => `下载 ${name}`,
  preview: "预览",
  sheet: "工作表",
  rows: (from: number, to: number, total: number) => `第 ${from}–${to} 行，共 ${total} 行`,
  notXlsx: (name: string) => `${name} 不是 .xlsx 工作簿`,
  reading: "正在读取工作簿…",
  computing: "正在计算…",
  writing: "正在写入工作簿…",
  help: "帮助",
  helpHint: "网页版的使用说明（新标签页打开，不影响已打开的工作簿）",
  language: "语言 / Language",
  previewBox: (sheet: string) => `工作表“${sheet}”的内容（可用方向键滚动）`,
  profileHint: "（可在“设置”中选择地区配置并保存到工作簿）",
  addRegister: (name: string) =>
    `“${name}”中没有台账工作表。要在其中添加“企业名单台账”“名单调整记录”“强审设置”三张工作表吗？它已有的工作表都保留。`,
  replaceRegister: (name: string, modified: boolean) =>
    `“${name}”已有台账。要新建一个空白台账工作簿来代替它吗？${modified ? "它有尚未下载的修改，新建后这些修改将丢失。" : "它本身不会改动。"}`,
  declined: "已取消，工作簿未改动。",
  replaceOpen: (name: string) =>
    `“${name}”有尚未下载的修改。打开另一个工作簿后，这些修改将丢失。仍要打开吗？`,
  confirmTitle: "请确认",
  proceed: "继续",
  cancel: "取消",
  saveAsXlsx: (name: string, ext: string) =>
    `${name} 是 ${ext} 文件，本页只能打开 .xlsx 工作簿：请在 WPS 或 Excel 中打开它，“另存为”Excel 工作簿（*.xlsx）后再打开。`,
  created: (name: string) => `已新建 ${name}`,
} as const;

type WebStrings = {
  [K in keyof typeof zh]: (typeof zh)[K] extends (...a: infer A) => string ? (...a: A) => string : string;
};

const en: WebStrings = {
  title: "Audit Assistant (web)",
  intro:
    "Open your register workbook (.xlsx) in the browser, run the same commands as the Excel add-in, and download the result as a new file. The file never leaves this computer.",
  open: "Open workbook…",
  drop: "or drop an .xlsx file here",
  none: "No workbook open: open one, or choose Create register under Register to start a new one.",
  opened: (name) => `${name} open`,
  modified: " (changed, not downloaded yet)",
  download: (name) => `Download ${name}`,
  preview: "Preview",
  sheet: "Sheet",
  rows: (from, to, total) => `Rows ${from}–${to} of ${total}`,
  notXlsx: (name) => `${name} is not an .xlsx workbook`,
  reading: "Reading the workbook…",
  computing: "Computing…",
  writing: "Writing the workbook…",
  help: "Help",
  helpHint: "How to use the web version (opens in a new tab; the open workbook stays as it is)",
  language: "语言 / Language",
  previewBox: (sheet) => `Contents of sheet “${sheet}” (scroll with the arrow keys)`,
  profileHint: " (choose the profile under Settings and save it to the workbook)",
  addRegister: (name) =>
    `“${name}” has no register. Add the sheets 企业名单台账, 名单调整记录 and 强审设置 to it? Its own sheets are kept.`,
  replaceRegister: (name, modified) =>
    `“${name}” has a register already. Start a new, empty register workbook in its place?${modified ? " Its changes not downloaded yet will be lost." : " It is not changed."}`,
  declined: "Cancelled; the workbook is unchanged.",
  replaceOpen: (name) =>
    `“${name}” has changes not downloaded yet. Opening another workbook loses them. Open it anyway?`,
  confirmTitle: "Please confirm",
  proceed: "Continue",
  cancel: "Cancel",
  saveAsXlsx: (name, ext) =>
    `${name} is a ${ext} file; this page opens .xlsx workbooks only: open it in WPS or Excel, save it as an Excel workbook (*.xlsx), and open that.`,
  created: (name) => `${name} created`,
};

export type { WebStrings };

export function webStringsFor(language: string | undefined): WebStrings {
  return language?.toLowerCase().startsWith("en") ? en : (zh as unknown as WebStrings);
}
