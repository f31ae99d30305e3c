// 报表: the quarter's forms, the submission stamp and its verification, and the centre's consolidation.

import { Button, Caption1, Divider, Field, Input } from "@fluentui/react-components";
import { useRef, useState } from "react";
import {
  chinaTimeText,
  chinaToday,
  parseIsoDate,
  parseQuarter,
  previousQuarter,
  quarterCode,
  quarterOf,
} from "../../core/dates";
import { chinaTimestamp } from "../../core/stamp";
import { usePane } from "../pane";
import { COLUMN } from "./column";

export function ReportsTab() {
  const { t, backend, busy, act, settings, setIssues } = usePane();
  const [quarter, setQuarter] = useState(quarterCode(previousQuarter(quarterOf(chinaToday()))));
  const [year, setYear] = useState(String(previousQuarter(quarterOf(chinaToday())).year));
  const [acceptedFrom, setAcceptedFrom] = useState(`${year}-01-01`);
  const [acceptedTo, setAcceptedTo] = useState(`${year}-12-31`);
  const [picked, setPicked] = useState<File[]>([]);
  const [progress, setProgress] = useState("");
  const picker = useRef<HTMLInputElement>(null);

  const needQuarter = () => {
    const q = parseQuarter(quarter);
    if (!q) throw new Error(`${t.quarter}：请填写如 2026Q3 的季度`);
    return q;
  };

  const onQuarterly = () =>
    act(async () => {
      const names = await backend.generateQuarterly(needQuarter(), chinaToday());
      return { intent: "success", text: t.generated(names) + t.besideOld(names) };
    });

  const onSubmit = () =>
    act(async () => {
      const q = needQuarter();
      const r = await backend.prepareSubmission(
        q,
        settings.preparer,
        chinaToday(),
        chinaTimestamp(new Date()),
      );
      setIssues(r.issues);
      if (!r.stamp)
        return { intent: "error", text: t.refused(r.issues.filter((i) => i.severity === "error").length) };
      const text = t.submitted(r.stamp.sha256) + t.regenerated(r.regenerated) + t.leftover(r.leftover);
      return { intent: r.leftover.length > 0 ? "warning" : "success", text };
    });

  const onVerify = () =>
    act(async () => {
      const v = await backend.verifySubmission();
      const state =
        v.state === "changed" ? `${t.verified.changed}${v.changedSheets.join("、")}` : t.verified[v.state];
      const text = v.late && v.stamp ? `${state}${t.late(chinaTimeText(v.stamp.stampedAt))}` : state;
      return { intent: v.state === "unchanged" && !v.late ? "success" : "warning", text };
    });

  const needYear = () => {
    if (!/^\d{4}$/.test(year.trim())) throw new Error(t.badYear);
    return Number(year.trim());
  };

  const needDate = (text: string, label: string) => {
    const d = parseIsoDate(text.trim());
    if (d === undefined) throw new Error(t.badDate(label));
    return d;
  };

  const onAnnual = () =>
    act(async () => {
      const y = needYear();
      const today = chinaToday();
      const { annualAsOf } = await import(/* webpackChunkName: "year-reports" */ "../../core/annual");
      const r = await backend.annualReport(y, annualAsOf(y, today), today);
      return {
        intent: "success",
        text:
          t.annualDone(r.sheet, r.figures.listed.total, r.figures.openRounds.open) + t.besideOld([r.sheet]),
      };
    });

  const onAcceptanceList = () =>
    act(async () => {
      const from = needDate(acceptedFrom, t.acceptanceFrom);
      const to = needDate(acceptedTo, t.acceptanceTo);
      const r = await backend.acceptanceList(from, to, chinaToday());
      return {
        intent: "success",
        text:
          t.acceptanceListDone(r.sheet, r.list.passed.length, r.list.failed.length) + t.besideOld([r.sheet]),
      };
    });

  const onConsolidate = () =>
    act(async () => {
      const q = needQuarter();
      const { consolidateFiles, EXCLUSION_LABELS } = await import(
        /* webpackChunkName: "centre" */ "../../xlsx/city"
      );
      const result = await consolidateFiles(
        picked.map((f) => ({ name: f.name, read: () => f.arrayBuffer() })),
        q,
        (done, total) => setProgress(t.reading(done, total)),
      );
      setProgress("");
      const names = await backend.writeCityReport(result, q);
      const { city } = result;
      const notes = [
        t.countedFiles(city.districts.map((d) => `${d.district} ${d.file}`)),
        ...city.excluded.map((x) => t.excludedFile(EXCLUSION_LABELS[x.exclusion], x.report.file, x.reason)),
        city.missing.length ? t.missing(city.missing) : "",
        city.late.length ? t.lateDistricts(city.late) : "",
        city.failed.length ? t.unreadable(city.failed.map((f) => f.file)) : "",
        ...city.districts
          .filter((d) => d.verification.state !== "unchanged")
          .map((d) => t.notVerified(d.district, d.verification.changedSheets)),
      ].filter((n) => n !== "");
      return {
        intent: notes.length > 1 ? "warning" : "success",
        text: [t.consolidated(city.districts.length, names) + t.besideOld(names), ...notes].join(" "),
      };
    });

  return (
    <div style={COLUMN}>
      <Field label={t.quarter} hint="2026Q3">
        <Input value={quarter} onChange={(_, d) => setQuarter(d.value)} />
      </Field>
      <Button appearance="primary" disabled={busy} onClick={onQuarterly} title={t.generateQuarterlyHint}>
        {t.generateQuarterly}
      </Button>
      <Button disabled={busy} onClick={onSubmit} title={t.submitHint}>
        {t.submit}
      </Button>
      <Button disabled={busy} onClick={onVerify}>
        {t.verify}
      </Button>
      <Divider>{t.yearReports}</Divider>
      <Field label={t.year} hint="2026">
        <Input value={year} onChange={(_, d) => setYear(d.value)} />
      </Field>
      <Button disabled={busy} onClick={onAnnual} title={t.annualHint}>
        {t.annual}
      </Button>
      <Field label={t.acceptanceFrom} hint="2026-01-01">
        <Input value={acceptedFrom} onChange={(_, d) => setAcceptedFrom(d.value)} />
      </Field>
      <Field label={t.acceptanceTo} hint="2026-12-31">
        <Input value={acceptedTo} onChange={(_, d) => setAcceptedTo(d.value)} />
      </Field>
      <Button disabled={busy} onClick={onAcceptanceList} title={t.acceptanceListHint}>
        {t.acceptanceList}
      </Button>
      <Divider>{t.centre}</Divider>
      <input
        ref={picker}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple
        hidden
        data-testid="pick-files"
        onChange={(e) => setPicked(Array.from(e.target.files ?? []))}
      />
      <Button disabled={busy} onClick={() => picker.current?.click()} title={t.pickFilesHint}>
        {t.pickFiles}
      </Button>
      {picked.length > 0 && <Caption1 block>{t.picked(picked.map((f) => f.name))}</Caption1>}
      <Button
        appearance="primary"
        disabled={busy || picked.length === 0}
        onClick={onConsolidate}
        title={t.consolidateHint}
      >
        {t.consolidate}
      </Button>
      {progress && <Caption1 block>{progress}</Caption1>}
    </div>
  );
}
