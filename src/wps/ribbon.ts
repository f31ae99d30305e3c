// The ribbon's callbacks, which ribbon.xml names: WPS 表格 calls them on the add-in's main page (index.html).
// 打开强审助手 opens the pane docked on the right, once: a second click shows the same pane again.

/// <reference types="wps-jsapi" />

/** The pane's page, beside the main page: under ADDIN_URL when served, in the add-in's folder when installed. */
export const PANE_PAGE = "taskpane.html";
export const PANE_TITLE = "强审助手";
export const OPEN_PANE_BUTTON = "qsOpenPane";
/** Where the pane's id is kept between clicks, for every page of the add-in (WPS's PluginStorage). */
const PANE_ID_KEY = "qiangshen.taskpane";
const ICON = "images/icon-32.png";

type Host = Pick<typeof wps, "CreateTaskPane" | "GetTaskPane" | "PluginStorage"> & {
  Enum?: { msoCTPDockPositionRight?: number };
};

/** WPS's add-in object: `wps` in the add-in's pages, `window.Application` in some releases' main page. */
function host(): Host {
  const w = window as unknown as { wps?: Host; Application?: Host };
  const h = w.wps ?? w.Application;
  if (!h) throw new Error("未找到 WPS 的加载项接口（wps）：请在 WPS 表格中使用强审助手");
  return h;
}

export function paneUrl(): string {
  return new URL(PANE_PAGE, document.baseURI).href;
}

/** The pane opened before, if WPS still has it. */
function existingPane(h: Host): wps.CustomTaskpane | undefined {
  const id = h.PluginStorage.getItem(PANE_ID_KEY);
  if (id === null || id === undefined || id === "") return undefined;
  try {
    return h.GetTaskPane(Number(id)) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Shows the pane: the one opened before, or a new one docked on the right. */
export function showPane(): wps.CustomTaskpane {
  const h = host();
  const pane = existingPane(h);
  if (pane) {
    pane.Visible = true;
    return pane;
  }
  const created = h.CreateTaskPane(paneUrl(), PANE_TITLE);
  // msoCTPDockPositionRight (wps-jsapi lib.kso.d.ts, Kso.KsoMsoCTPDockPosition).
  created.DockPosition = (h.Enum?.msoCTPDockPositionRight ?? 2) as Kso.KsoMsoCTPDockPosition;
  created.Visible = true;
  h.PluginStorage.setItem(PANE_ID_KEY, created.ID);
  return created;
}

export function OnAddinLoad(ribbonUI: unknown): boolean {
  (window as unknown as { qsRibbonUI?: unknown }).qsRibbonUI = ribbonUI;
  return true;
}

export function OnAction(control: { Id: string }): boolean {
  if (control.Id === OPEN_PANE_BUTTON) {
    try {
      showPane();
    } catch (e) {
      alert(`无法打开强审助手窗格：${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return true;
}

export function GetImage(_control: { Id: string }): string {
  return ICON;
}

Object.assign(window, { OnAddinLoad, OnAction, GetImage });
