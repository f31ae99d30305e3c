// 强审助手 网页版: the pane's tabs over a workbook file opened in the browser. The file is read and written
// here, never uploaded; every command's result is offered as a download named after the input.

import { Button, Caption1, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from "react";
import type { Grid } from "../core/grid";
import { App } from "../taskpane/App";
import type { Strings } from "../taskpane/strings";
import { fileBackend } from "./fileBackend";
import type { SettingsMemory } from "./memory";
import { Preview, type PreviewTarget } from "./Preview";
import type { FileSession } from "./session";
import type { WebStrings } from "./strings";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** 浦东台账.xlsx → 浦东台账-已更新.xlsx (once only); a workbook made on the page keeps its own name. */
export function downloadName(file: { name: string; created: boolean }): string {
  if (file.created) return file.name;
  const stem = file.name.replace(/\.xlsx$/i, "");
  return `${stem.endsWith("-已更新") ? stem : `${stem}-已更新`}.xlsx`;
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
  const [grid, setGrid] = useState<Grid | undefined>();
  const [names, setNames] = useState<string[]>([]);
  const [progress, setProgress] = useState("");
  const [openError, setOpenError] = useState("");
  const picker = useRef<HTMLInputElement>(null);

  useEffect(() => session.onChange(() => setVersion((v) => v + 1)), [session]);

  const backend = useMemo(
    () =>
      fileBackend(
        session,
        {
          show: (t) => {
            setSheet(t.sheet);
            setTarget(t);
          },
          progress: setProgress,
        },
        w,
      ),
    [session, w],
  );

  // The preview follows the open workbook: the register sheet first, or the sheet an issue names.
  useEffect(() => {
    let live = true;
    session
      .view()
      .then(async (view) => {
        if (!live) return;
        const sheetNames = view?.names ?? [];
        setNames(sheetNames);
        const name = sheet && sheetNames.includes(sheet) ? sheet : sheetNames[0];
        setGrid(name ? view?.grids.sheet(name) : undefined);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [session, version, sheet]);

  const open = useCallback(
    async (file: File) => {
      setOpenError("");
      if (!/\.xlsx$/i.test(file.name)) {
        setOpenError(w.notXlsx(file.name));
        return;
      }
      setProgress(w.reading);
      try {
        await session.open(file.name, new Uint8Array(await file.arrayBuffer()));
        setTarget(undefined);
        setSheet(undefined);
      } catch (err) {
        setOpenError((err as Error).message);
      } finally {
        setProgress("");
      }
    },
    [session, w],
  );

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file) void open(file);
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
          if (file) void open(file);
        }}
      />
      <div style={{ display: "flex", gap: 8, alignItems: "center", flexWrap: "wrap" }}>
        <Button onClick={() => picker.current?.click()}>{w.open}</Button>
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
      {progress && (
        <Caption1 block data-testid="progress">
          {progress}
        </Caption1>
      )}
      {openError && (
        <MessageBar intent="error">
          <MessageBarBody>{openError}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );

  return (
    <App
      t={t}
      backend={backend}
      title={w.title}
      header={header}
      workbookKey={`${current?.name ?? ""}#${session.generation()}`}
      settingsMemory={settingsMemory}
      footer={<Preview w={w} sheets={names} grid={grid} target={target} onSheet={(s) => setSheet(s)} />}
    />
  );
}
