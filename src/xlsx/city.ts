// Districts' submitted workbooks → the city's report for a quarter. The CLI hands it files from disk, the
// task pane the files a user picked; a file that cannot be read is reported and the rest still count.

import {
  cityReport,
  commonProfile,
  districtReport,
  stampProfile,
  type AnnualRequest,
  type CityReport,
  type DistrictReport,
  type FailedFile,
} from "../core/consolidate";
import type { Quarter } from "../core/dates";
import type { Profile } from "../core/profiles";
import { REGISTER_SHEET } from "../core/register";
import { verifyWorkbookStamp } from "../core/stamp";
import { loadWorkbook } from "../core/workbook";
import { readWorkbook, WorkbookFileError } from "./parse";

export { EXCLUSION_LABELS } from "../core/consolidate";

export interface DistrictFile {
  /** The name shown in the report: the file's own name, without folders. */
  name: string;
  /** What tells two files apart (a path on disk); the name where not given. */
  source?: string;
  /** The file's bytes; a WorkbookFileError when they cannot be had. */
  read(): Promise<ArrayBuffer | Uint8Array>;
}

export interface Consolidation {
  city: CityReport;
  /** The profile the files' stamps name, the same for all. */
  profile: Profile;
}

/** The files cannot be consolidated together: no file could be read, or their profiles differ. */
export class ConsolidationRefusal extends WorkbookFileError {}

/**
 * Reads, verifies and reports each file in turn, so that only one workbook is held at a time. Files that
 * are not readable .xlsx workbooks, or hold no 企业名单台账, become the report's failed files; a file given
 * twice is read once. Each workbook is read under the profile its stamp names, and the city under the one
 * they all name: a mixed set, or one with no readable file, is refused. With `annual`, the city's 年度统计 too.
 */
export async function consolidateFiles(
  files: readonly DistrictFile[],
  quarter: Quarter,
  onProgress?: (done: number, total: number) => void,
  annual?: AnnualRequest,
): Promise<Consolidation> {
  const reports: DistrictReport[] = [];
  const failed: FailedFile[] = [];
  const profiles: { file: string; profile: Profile }[] = [];
  const seen = new Map<string, DistrictReport>();
  for (const [i, file] of files.entries()) {
    const source = file.source ?? file.name;
    const again = seen.get(source);
    try {
      if (again) reports.push({ ...again, file: file.name });
      else {
        const grids = await readWorkbook(await file.read(), file.name);
        if (!grids.sheet(REGISTER_SHEET)) throw new WorkbookFileError(`没有“${REGISTER_SHEET}”工作表`);
        const { stamp, verification } = await verifyWorkbookStamp((n) => grids.sheet(n));
        const loaded = loadWorkbook(grids, { profileId: stamp ? stampProfile(stamp)?.id : undefined });
        profiles.push({ file: file.name, profile: loaded.profile });
        const report = districtReport(file.name, loaded, quarter, verification, source, annual);
        seen.set(source, report);
        reports.push(report);
      }
    } catch (err) {
      if (!(err instanceof WorkbookFileError)) throw err;
      failed.push({ file: file.name, reason: err.message });
    }
    onProgress?.(i + 1, files.length);
  }
  const common = commonProfile(profiles);
  if ("refusal" in common) {
    const unreadable = failed.map((f) => `无法读取 ${f.file}：${f.reason}`);
    throw new ConsolidationRefusal([common.refusal, ...unreadable].join("；"));
  }
  return { city: cityReport(quarter, common.profile, reports, failed, annual), profile: common.profile };
}
