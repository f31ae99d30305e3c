// 导入名单 on the 台账 tab: pick the published list on this computer, see what it would add, match and leave
// out, then append its rows to the register.

import { Button, Caption1, Divider, Field, Input } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { countBySeverity } from "../../core/issues";
import { parseIsoDate } from "../../core/dates";
import { STAGE_LABELS } from "../../core/status";
import type { ImportReport } from "../../forms/listImport";
import type { Message } from "../pane";
import { usePane } from "../pane";

interface Picked {
  name: string;
  bytes: Uint8Array;
}

export function ImportList() {
  const { t, backend, busy, act } = usePane();
  const picker = useRef<HTMLInputElement>(null);
  const [published, setPublished] = useState("");
  const [picked, setPicked] = useState<Picked | undefined>();
  const [report, setReport] = useState<ImportReport | undefined>();

  const options = (apply: boolean, skipInvalid = false) => ({
    published: published === "" ? undefined : parseIsoDate(published),
    skipInvalid,
    apply,
  });

  const preview = (list: Picked) =>
    act(async (): Promise<Message> => {
      const r = await backend.importList(list.name, list.bytes, options(false));
      setReport(r);
      const rounds = r.added.filter((a) => a.kind === "round").length;
      const { errors } = countBySeverity(r.issues);
      return {
        intent: errors > 0 ? "warning" : "info",
        text: t.importPreview(list.name, r.added.length, rounds, r.matched.length, r.absent.length),
      };
    });

  const onPick = async (file: File | undefined) => {
    if (!file) return;
    const list = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    setPicked(list);
    await preview(list);
  };

  const onConfirm = (list: Picked, skipInvalid: boolean) =>
    act(async (): Promise<Message> => {
      const r = await backend.importList(list.name, list.bytes, options(true, skipInvalid));
      setReport(r);
      if (r.written) {
        setPicked(undefined);
        setReport(undefined);
        return { intent: "success", text: t.imported(r.added.length) };
      }
      const { errors } = countBySeverity(r.issues);
      return errors > 0
        ? { intent: "warning", text: t.importBlocked(errors) }
        : { intent: "info", text: t.nothingToImport };
    });

  const errors = report ? countBySeverity(report.issues).errors : 0;
  return (
    <>
      <Divider>{t.importList.replace("…", "")}</Divider>
      <Field label={t.listPublished}>
        <Input type="date" value={published} onChange={(_, d) => setPublished(d.value)} />
      </Field>
      <input
        ref={picker}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        data-testid="pick-list"
        onChange={(e) => {
          void onPick(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      <Button disabled={busy} onClick={() => picker.current?.click()} title={t.importListHint}>
        {t.importList}
      </Button>
      {picked && report && (
        <div data-testid="import-report">
          {report.added.length > 0 && (
            <Caption1 block>
              {t.importAdded}：
              {report.added
                .map((a) => `${a.name}（${a.kind === "round" ? t.kindRound : t.kindNew}）`)
                .join("、")}
            </Caption1>
          )}
          {report.matched.length > 0 && (
            <Caption1 block>
              {t.importMatched}：{report.matched.map((m) => m.name).join("、")}
            </Caption1>
          )}
          {report.absent.length > 0 && (
            <Caption1 block>
              {t.importAbsent}：{report.absent.map((a) => `${a.name}（${STAGE_LABELS[a.stage]}）`).join("、")}
            </Caption1>
          )}
          {report.unknownHeaders.length > 0 && (
            <Caption1 block>
              {t.importUnknown}：{report.unknownHeaders.join("、")}
            </Caption1>
          )}
          {report.issues.length > 0 && (
            <ul data-testid="import-issues" style={{ margin: "4px 0", paddingLeft: 16 }}>
              {report.issues.map((i, k) => (
                <li key={k} style={{ color: i.severity === "error" ? "#a4262c" : "#8a6d00" }}>
                  <Caption1>
                    {i.severity === "error" ? t.error : t.warning} {i.sheet}!{i.cell} {i.message}
                  </Caption1>
                </li>
              ))}
            </ul>
          )}
          <div style={{ display: "flex", gap: 8 }}>
            <Button
              appearance="primary"
              disabled={busy || report.added.length === 0}
              onClick={() => onConfirm(picked, errors > 0)}
            >
              {errors > 0 ? t.skipInvalid(report.added.length) : t.confirmImport}
            </Button>
            <Button
              disabled={busy}
              onClick={() => {
                setPicked(undefined);
                setReport(undefined);
              }}
            >
              {t.cancel}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
