// 督办清单 on the 台账 tab: the acts overdue or due soon, each line going to its register row; the printable
// sheet, the letters and the deadlines' calendar.

import { Button, Caption1, Divider } from "@fluentui/react-components";
import { formatIsoDate, type DateSerial } from "../../core/dates";
import { REGISTER_SHEET } from "../../core/register";
import { dueText, type Worklist as WorklistData } from "../../core/worklist";
import type { UrgingKind } from "../../docx/urgingFiles";
import { downloadFile } from "../download";
import { usePane } from "../pane";
import { useShown } from "../shown";

export function Worklist({ list, asOf }: { list: WorklistData; asOf: () => DateSerial }) {
  const { t, backend, busy, act } = usePane();
  const overdue = list.items.filter((i) => i.overdueDays !== null).length;
  // Each line is a button of its own: 50 at first keep the refresh of a 30,000-row register within a frame.
  const { count, more } = useShown(list.items, 50);

  const onWrite = () =>
    act(async () => {
      const name = await backend.writeWorklist(asOf());
      return name === null
        ? { intent: "info", text: t.nothingToUrge }
        : { intent: "success", text: t.worklistWritten(name) + t.besideOld([name]) };
    });

  const onDownload = (kind: UrgingKind) =>
    act(async () => {
      const r = await backend.urgingFile(kind, asOf());
      if ("problem" in r) return { intent: "error", text: r.problem };
      if ("nothing" in r) return { intent: "info", text: r.nothing };
      downloadFile(r.file.name, r.file.bytes, r.file.type);
      return { intent: "success", text: t.downloaded(r.file.name, r.file.count) };
    });

  return (
    <div data-testid="worklist">
      <Divider style={{ marginTop: 12 }}>{t.worklist}</Divider>
      <Caption1 block>
        {list.items.length === 0
          ? t.nothingToUrge
          : t.worklistSummary(overdue, list.items.length - overdue, list.within)}
      </Caption1>
      <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {list.items.slice(0, count).map((i) => (
          <li key={`${i.sheet}${i.row}${i.act}`}>
            <Button
              appearance="subtle"
              size="small"
              style={{ justifyContent: "flex-start", textAlign: "left", width: "100%" }}
              title={i.basis}
              onClick={() =>
                act(
                  async () => (
                    await backend.selectIssue({
                      sheet: i.sheet || REGISTER_SHEET,
                      cell: `A${i.row}`,
                      severity: "warning",
                      code: "worklist",
                      message: "",
                    }),
                    undefined
                  ),
                )
              }
            >
              <span style={{ color: i.overdueDays !== null ? "#a4262c" : "#8a6d00", marginRight: 6 }}>
                {dueText(i)}
              </span>
              {i.name} · {i.label} · {formatIsoDate(i.deadline)}
              {i.contact || i.phone ? ` · ${[i.contact, i.phone].filter((x) => x !== "").join(" ")}` : ""}
            </Button>
          </li>
        ))}
      </ul>
      {list.items.length > count && (
        <Button appearance="transparent" onClick={more}>
          {t.moreIssues(list.items.length - count)}
        </Button>
      )}
      <div style={{ display: "flex", flexWrap: "wrap", gap: 4, marginTop: 4 }}>
        <Button
          size="small"
          disabled={busy || list.items.length === 0}
          onClick={onWrite}
          title={t.writeWorklistHint}
        >
          {t.writeWorklist}
        </Button>
        <Button
          size="small"
          disabled={busy || list.items.length === 0}
          onClick={() => onDownload("reminder")}
          title={t.downloadHint}
        >
          {t.downloadReminders}
        </Button>
        <Button size="small" disabled={busy} onClick={() => onDownload("notice")} title={t.downloadHint}>
          {t.downloadNotices}
        </Button>
        <Button size="small" disabled={busy} onClick={() => onDownload("calendar")} title={t.downloadHint}>
          {t.downloadCalendar}
        </Button>
      </div>
    </div>
  );
}
