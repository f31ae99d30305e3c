// What the WPS pane says instead of its screens when it cannot work: opened outside WPS 表格, or with no workbook.

export interface WpsNotice {
  title: string;
  body: string;
  todo: string;
}

const zh = {
  outsideWps: {
    title: "强审助手是 WPS 表格加载项，请在 WPS 表格中打开",
    body: "此页面是在 WPS 表格以外打开的（例如直接在浏览器中打开了 taskpane.html），这里没有可以处理的工作簿。",
    todo: "请在 WPS 表格中点击功能区的“强审助手”选项卡，再点“打开强审助手”；只用浏览器时，请使用强审助手网页版，或使用命令行工具 cpa。",
  },
  noWorkbook: {
    title: "请先打开或新建一个工作簿",
    body: "WPS 表格中现在没有打开的工作簿，强审助手没有可以处理的台账。",
    todo: "请打开本单位的台账工作簿（或新建一个空白工作簿后在“台账”页创建台账），然后点击下方“重新检测”。",
  },
  retry: "重新检测",
};

const en: typeof zh = {
  outsideWps: {
    title: "The assistant is a WPS Spreadsheets add-in: open it in WPS",
    body: "This page was opened outside WPS Spreadsheets (taskpane.html straight in a browser, for example), where there is no workbook to work on.",
    todo: "In WPS Spreadsheets, click the 强审助手 tab of the ribbon, then 打开强审助手. In a browser alone, use the web page or the cpa command-line tool.",
  },
  noWorkbook: {
    title: "Open or create a workbook first",
    body: "No workbook is open in WPS Spreadsheets, so the assistant has no register to work on.",
    todo: "Open your register workbook (or a new blank workbook, then create the register in the 台账 tab), then click Check again below.",
  },
  retry: "Check again",
};

export type WpsNotices = typeof zh;

export function wpsNotices(language: string | undefined): WpsNotices {
  return /^en/i.test(language ?? "") ? en : zh;
}
