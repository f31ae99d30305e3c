// The workbook open on the web page, where it is read and changed: inside a Web Worker, so that parsing and
// computing a register of tens of thousands of rows never freezes the page. It holds the open file's bytes
// and one parse of them; every call runs after the one before has finished, so a command always sees the
// workbook the previous one left. The page's main thread keeps a copy of the bytes only to download them.

import { stampIsLate } from "../core/consolidate";
import type { DateSerial, Quarter } from "../core/dates";
import type { ProfileId } from "../core/profiles";
import { getProfile } from "../core/profiles";
import { enterprisesOf, REGISTER_SHEET } from "../core/register";
import type { ScoringKind } from "../core/rubrics";
import { readSettings, SETTINGS_SHEET, type WorkbookSettings } from "../core/settings";
import { verifyWorkbookStamp } from "../core/stamp";
import { loadWorkbook, workbookAnalysis } from "../core/workbook";
import type { PaneImportOptions } from "../excel/importList";
import type { CityReport } from "../core/consolidate";
import { readWorkbook, type ReadWorkbook } from "../xlsx/parse";
import type { UrgingKind } from "../docx/urgingFiles";
import type { EnterpriseSheetKind } from "../forms/enterpriseFormTitles";
import * as operations from "./operations";
import type { PageFile } from "./operations";
import { sheetWindow, type PreviewTarget, type SheetWindow } from "./sheetWindow";
import { NO_WORKBOOK } from "./protocol";

/** What the host is doing, for the page's progress line. */
export type HostPhase = "reading" | "computing" | "writing";

/** A command's outcome: `bytes` only when the workbook changed, `name` when it is a new workbook. */
export type Written<T> = Omit<T, "bytes"> & { bytes?: Uint8Array; name?: string };

/** A refusal to show as it is. */
export class HostError extends Error {}

interface HostFile {
  name: string;
  bytes: Uint8Array;
  view?: Promise<HostView>;
}

interface HostView {
  grids: ReadWorkbook;
}

const NO_REGISTER = `工作簿中没有“${REGISTER_SHEET}”工作表，请先创建台账。`;

export class WorkbookHost {
  private file: HostFile | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly progress: (phase: HostPhase | undefined) => void = () => undefined) {}

  /** Runs `method` after every call made before it. */
  dispatch<K extends HostMethod>(method: K, args: HostArgs<K>): Promise<HostResult<K>> {
    const run = () => (this.api[method] as (...a: unknown[]) => Promise<HostResult<K>>)(...args);
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  readonly api = {
    /** Opens the bytes of a file the user picked; bytes that are not a workbook are refused, the open one kept. */
    open: async (name: string, bytes: Uint8Array) => {
      const view = this.parse(name, bytes);
      await view;
      this.file = { name, bytes, view };
      return { names: (await view).grids.names() };
    },
    /** Some rows of a sheet (the first, or the one named) around `target`, as the preview shows them. */
    window: async (sheet: string | undefined, target: PreviewTarget | undefined) => {
      const v = await this.view(false);
      if (!v) return undefined;
      const names = v.grids.names();
      const name = sheet && names.includes(sheet) ? sheet : names[0];
      const grid = name === undefined ? undefined : v.grids.sheet(name);
      return grid ? sheetWindow(grid, names, target) : undefined;
    },
    names: async () => (await this.view(false))?.grids.names() ?? [],
    loadSettings: async () => {
      const grid = (await this.view(false))?.grids.sheet(SETTINGS_SHEET);
      return grid ? readSettings(grid, "shanghai").settings : undefined;
    },
    validate: async (asOf: DateSerial) => {
      const loaded = await this.loaded();
      this.progress("computing");
      try {
        const { issues, worklist } = workbookAnalysis(loaded, asOf);
        return { issues, worklist };
      } finally {
        this.progress(undefined);
      }
    },
    verify: async () => {
      const v = await this.view(true);
      const { stamp, verification } = await verifyWorkbookStamp((n) => v!.grids.sheet(n));
      return { ...verification, late: stamp ? stampIsLate(stamp) : false };
    },
    enterprises: async () => enterprisesOf((await this.loaded()).rows),
    saveSettings: (settings: WorkbookSettings) =>
      this.write((input) => operations.saveSettings(need(input), settings)),
    /** A new register workbook, or, with `into`, the register's sheets added to the open workbook. */
    newRegister: (settings: WorkbookSettings, into: boolean) =>
      into
        ? this.write((input) => operations.addRegister(need(input), settings))
        : this.write(() => operations.newRegister(settings), NEW_REGISTER),
    /** Each row's stage and overdue deadlines only: what the page shows, and quick to send for 30,000 rows. */
    refreshStatus: (asOf: DateSerial) =>
      this.write(async (input) => {
        const r = await operations.refreshStatus(need(input), asOf);
        return { ...r, statuses: r.statuses.map(({ stage, overdue }) => ({ stage, overdue })) };
      }),
    quarterly: (quarter: Quarter, preparedOn: DateSerial) =>
      this.write((input) => operations.quarterly(need(input), quarter, preparedOn)),
    submit: (options: { quarter: Quarter; preparer: string; today: DateSerial; stampedAt: string }) =>
      this.write((input) => operations.submit(need(input), options)),
    cityReport: (city: CityReport, profileId: ProfileId, quarter: Quarter) => {
      const fresh = this.file === undefined;
      return this.write(
        (input) => operations.cityReport(input, { city, profile: getProfile(profileId) }, quarter),
        fresh ? `全市汇总 ${quarter.year}Q${quarter.quarter}.xlsx` : undefined,
      );
    },
    scoresheets: (kind: ScoringKind, enterprise: string, experts: number) =>
      this.write((input) => operations.scoresheets(need(input), kind, enterprise, experts)),
    writeBack: () => this.write((input) => operations.writeBack(need(input))),
    rubric: () => this.write((input) => operations.writeOrCheckRubric(need(input))),
    annualReport: (year: number, asOf: DateSerial, preparedOn: DateSerial) =>
      this.write((input) => operations.annualReport(need(input), year, asOf, preparedOn)),
    acceptanceList: (from: DateSerial, to: DateSerial, preparedOn: DateSerial) =>
      this.write((input) => operations.acceptanceList(need(input), from, to, preparedOn)),
    worklistSheet: (asOf: DateSerial) => this.write((input) => operations.worklistSheet(need(input), asOf)),
    /** 书面通知, 督办通知 or the calendar, as a file to download; the workbook is not changed. */
    urgingFile: async (kind: UrgingKind, asOf: DateSerial, enterprise: string | undefined) => {
      const wb = await this.loaded();
      const { urgingFile } = await import(/* webpackChunkName: "letters" */ "../docx/urgingFiles");
      return urgingFile(wb, kind, asOf, { enterprise });
    },
    enterpriseForm: (kind: EnterpriseSheetKind, enterprise: string) =>
      this.write((input) => operations.enterpriseForm(need(input), kind, enterprise)),
    importList: (
      list: { name: string; bytes: Uint8Array },
      options: PaneImportOptions & { asOf: DateSerial },
    ) => this.write((input) => operations.importList(need(input), list, options)),
  };

  private parse(name: string, bytes: Uint8Array): Promise<HostView> {
    return readWorkbook(bytes, name).then((grids) => ({ grids }));
  }

  /** The parse of the open workbook, made once per version; with `required`, none open is refused. */
  private async view(required: boolean): Promise<HostView | undefined> {
    const file = this.file;
    if (!file) {
      if (required) throw new HostError(NO_WORKBOOK);
      return undefined;
    }
    if (!file.view) {
      this.progress("reading");
      file.view = this.parse(file.name, file.bytes);
      file.view.catch(() => undefined).finally(() => this.progress(undefined));
    }
    return file.view;
  }

  private async loaded() {
    const v = (await this.view(true))!;
    if (!v.grids.sheet(REGISTER_SHEET)) throw new HostError(NO_REGISTER);
    return loadWorkbook(v.grids);
  }

  private async input(): Promise<PageFile | undefined> {
    const file = this.file;
    if (!file) return undefined;
    return { file: file.name, bytes: file.bytes, read: (await this.view(true))?.grids };
  }

  /** Runs a writing command on the open bytes; new bytes (under `name`, a new workbook) become the open file. */
  private async write<T extends { bytes?: Uint8Array }>(
    work: (input: PageFile | undefined) => Promise<T>,
    name?: string,
  ): Promise<Written<T>> {
    const input = await this.input();
    this.progress("writing");
    try {
      const r = await work(input);
      const changed = r.bytes !== undefined && r.bytes !== input?.bytes;
      if (changed) this.file = { name: name ?? input?.file ?? NEW_REGISTER, bytes: r.bytes! };
      return { ...r, bytes: changed ? r.bytes : undefined, name: changed ? name : undefined };
    } finally {
      this.progress(undefined);
    }
  }
}

export const NEW_REGISTER = "强审台账.xlsx";

function need(input: PageFile | undefined): PageFile {
  if (!input) throw new HostError(NO_WORKBOOK);
  return input;
}

export type HostApi = WorkbookHost["api"];
export type HostMethod = keyof HostApi;
export type HostArgs<K extends HostMethod> = Parameters<HostApi[K]>;
export type HostResult<K extends HostMethod> = Awaited<ReturnType<HostApi[K]>>;
export type { PreviewTarget, SheetWindow };
