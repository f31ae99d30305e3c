// 强审助手 网页版: the pane's tabs over a workbook file opened in the browser. The file is read and written
// here, in a worker, never uploaded; every command's result is offered as a download named after the input.
// What is shown belongs to the open workbook: opening or creating another clears it, and changes not yet
// downloaded are never lost without asking.

import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import { App } from "../taskpane/App";
import type { Strings } from "../taskpane/strings";
import { fileBackend, pageMessage } from "./fileBackend";
import type { SettingsMemory } from "./memory";
import { Preview } from "./Preview";
import type { FileSession } from "./session";
import type { PreviewTarget, SheetWindow } from "./sheetWindow";
import type { WebStrings } from "./strings";
import type { HostPhase } from "./workbookHost";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** 浦东台账.xlsx → 浦东台账-已更新.xlsx (once only); a workbook made on the page keeps its own name. */
export function downloadName(file: { name: string; created: boolean }): string {
  if (file.created) return file.name;
  const stem = file.name.replace(/\.xlsx$/i, "");
  return `${stem.endsWith("-已更新") ? stem : `${stem}-已更新`}.xlsx`;
}

/** Why a picked file is not opened: a spreadsheet of another kind is to be saved as .xlsx first. */
export function refusedFile(name: string, w: WebStrings): string | undefined {
  if (/\.xlsx$/i.test(name)) return undefined;
  const ext = /\.(xls|xlsm|xlsb|ods|csv|et|ett|xlt|xltx)$/i.exec(name)?.[0];
  return ext ? w.saveAsXlsx(name, ext.toLowerCase()) : w.notXlsx(name);
}

interface Question {
  text: string;
  answer(yes: boolean): void;
}

export function WebPage({
  t,
  w,
  session,
  settingsMemory,
}: {
  t: Strings;
  w: WebStrings;
  session: FileSession;
  settingsMemory?: SettingsMemory;
}) {
  const [version, setVersion] = useState(0);
  const [target, setTarget] = useState<PreviewTarget | undefined>();
  const [sheet, setSheet] = useState<string | undefined>();
  const [view, setView] = useState<SheetWindow | undefined>();
  const [phase, setPhase] = useState<HostPhase | undefined>();
  const [pending, setPending] = useState(0);
  const [openError, setOpenError] = useState("");
  const [question, setQuestion] = useState<Question | undefined>();
  const picker = useRef<HTMLInputElement>(null);

  useEffect(() => session.onChange(() => setVersion((v) => v + 1)), [session]);
  useEffect(
    () =>
      session.host.onActivity((n, p) => {
        setPending(n);
        setPhase(p);
      }),
    [session],
  );

  // Closing the tab or leaving the page with changes not downloaded asks first.
  useEffect(() => {
    const guard = (e: BeforeUnloadEvent) => {
      if (!session.current()?.modified) return;
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", guard);
    return () => window.removeEventListener("beforeunload", guard);
  }, [session]);

  const confirm = useCallback(
    (text: string) =>
      new Promise<boolean>((resolve) =>
        setQuestion({
          text,
          answer: (yes) => {
            setQuestion(undefined);
            resolve(yes);
          },
        }),
      ),
    [],
  );

  const backend = useMemo(
    () =>
      fileBackend(
        session,
        {
          show: (t) => {
            setSheet(t.sheet);
            setTarget(t);
          },
          confirm,
        },
        w,
      ),
    [session, w, confirm],
  );

  // The preview follows the open workbook: the register sheet first, or the sheet an issue names.
  useEffect(() => {
    let live = true;
    if (!session.current()) {
      setView(undefined);
      return;
    }
    session.host
      .call("window", sheet, target)
      .then((v) => live && setView(v))
      .catch(() => live && setView(undefined));
    return () => {
      live = false;
    };
  }, [session, version, sheet, target]);

  const open = useCallback(
    async (file: File) => {
      setOpenError("");
      const refused = refusedFile(file.name, w);
      if (refused) {
        setOpenError(refused);
        return;
      }
      // A command still running may yet change the open workbook: it finishes first.
      await session.host.settled();
      const current = session.current();
      if (current?.modified && !(await confirm(w.replaceOpen(current.name)))) return;
      try {
        await session.open(file.name, new Uint8Array(await file.arrayBuffer()));
        setTarget(undefined);
        setSheet(undefined);
      } catch (err) {
        setOpenError(pageMessage((err as Error).message, w));
      }
    },
    [session, w, confirm],
  );

  const pick = (file: File | undefined) => {
    if (file && !question) void open(file);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    pick(e.dataTransfer.files[0]);
  };

  const download = () => {
    const current = session.current();
    if (!current) return;
    const url = URL.createObjectURL(new Blob([current.bytes as BlobPart], { type: XLSX_TYPE }));
    const a = document.createElement("a");
    a.href = url;
    a.download = downloadName(current);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    session.markDownloaded();
  };

  const current = session.current();
  const key = () => `${session.current()?.name ?? ""}#${session.generation()}`;
  const header = (
    <div
      data-testid="file-bar"
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
      style={{
        border: "1px dashed #8a8886",
        borderRadius: 4,
        padding: 8,
        margin: "8px 0",
        display: "flex",
        flexDirection: "column",
        gap: 6,
      }}
    >
      <Caption1 block>{w.intro}</Caption1>
      <input
        ref={picker}
        type="file"
        accept={`.xlsx,${XLSX_TYPE}`}
        hidden
        data-testid="open-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          pick(file);
        }}
      />
      <div style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
        <Button disabled={pending > 0 || question !== undefined} onClick={() => picker.current?.click()}>
          {w.open}
        </Button>
        <Caption1>{w.drop}</Caption1>
      </div>
      <Caption1 block data-testid="file-name">
        {current ? `${w.opened(current.name)}${current.modified ? w.modified : ""}` : w.none}
      </Caption1>
      {current && (
        <Button appearance="primary" onClick={download} data-testid="download">
          {w.download(downloadName(current))}
        </Button>
      )}
      {phase && (
        <Caption1 block data-testid="progress">
          {w[phase]}
        </Caption1>
      )}
      {openError && (
        <MessageBar intent="error" data-testid="open-error">
          <MessageBarBody>{openError}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );

  // Inside the pane's FluentProvider (as the footer's part), so the dialog has the theme.
  const dialog = (
    <Dialog open={question !== undefined} modalType="alert">
      <DialogSurface data-testid="confirm">
        <DialogBody>
          <DialogTitle>{w.confirmTitle}</DialogTitle>
          <DialogContent>{question?.text}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => question?.answer(true)}>
              {w.proceed}
            </Button>
            <Button onClick={() => question?.answer(false)}>{w.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );

  return (
    <>
      <App
        t={t}
        backend={backend}
        title={w.title}
        header={header}
        workbookKey={key()}
        currentKey={key}
        settingsMemory={settingsMemory}
        footer={
          <>
            <Preview w={w} view={view} onSheet={(s) => setSheet(s)} />
            {dialog}
          </>
        }
      />
    </>
  );
}
