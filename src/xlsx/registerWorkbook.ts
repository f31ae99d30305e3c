// A new register workbook: 企业名单台账 and 名单调整记录 as Excel tables, and 强审设置; optionally filled with
// sample data.

import ExcelJS from "exceljs";
import type { DemoData } from "../core/demo";
import { getProfile, type Profile, type ProfileId } from "../core/profiles";
import { REGISTER_COLUMNS } from "../core/register";
import { defaultSettings, settingsRows, SETTINGS_SHEET } from "../core/settings";
import { DATE_FORMAT } from "../forms/layout";
import { logSheetSpec, registerSheetSpec } from "../forms/registerSheet";
import { writeSettingsSheet, writeTableSheet, type TableValue } from "./tables";

function registerRows(data: DemoData["rows"], profile: Profile): TableValue[][] {
  const spec = registerSheetSpec(profile);
  const fieldOf = new Map<string, string>(REGISTER_COLUMNS.map((c) => [c.label, c.field]));
  return data.map((row) =>
    spec.columns.map((c): TableValue => {
      const field = fieldOf.get(c.label);
      if (!field) return null;
      const v = (row as Record<string, unknown>)[field];
      if (v === null || v === undefined || v === "") return null;
      if (Array.isArray(v)) return v.join("、");
      if (c.numberFormat === DATE_FORMAT && typeof v === "number") return { date: v };
      return v as string | number;
    }),
  );
}

function logRows(data: DemoData["log"], profile: Profile): TableValue[][] {
  const spec = logSheetSpec(profile);
  return data.map((e) => {
    const byLabel: Record<string, TableValue> = {
      企业名称: e.name,
      统一社会信用代码: e.creditCode,
      变化日期: e.changedOn === null ? null : { date: e.changedOn },
      变化情况: e.changeLabel,
      具体说明: e.detail || null,
      调整结果: e.resultLabel,
      证明材料: e.evidence || null,
      恢复日期: e.resumedOn === null ? null : { date: e.resumedOn },
      备注: e.remarks || null,
    };
    return spec.columns.map((c) => byLabel[c.label] ?? null);
  });
}

export function newRegisterWorkbook(
  profileId: ProfileId,
  district: string,
  data?: DemoData,
): ExcelJS.Workbook {
  const profile = getProfile(profileId);
  const wb = new ExcelJS.Workbook();
  wb.creator = "强审助手";
  wb.created = new Date();
  writeTableSheet(wb, registerSheetSpec(profile), data ? registerRows(data.rows, profile) : []);
  writeTableSheet(wb, logSheetSpec(profile), data ? logRows(data.log, profile) : []);
  writeSettingsSheet(wb, SETTINGS_SHEET, settingsRows(defaultSettings(profileId, district)));
  return wb;
}
