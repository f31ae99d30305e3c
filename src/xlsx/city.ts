// Districts' submitted workbooks → the city's report for a quarter. The CLI hands it files from disk, the
// task pane the files a user picked; a file that cannot be read is reported and the rest still count.

import {
  cityReport,
  districtReport,
  type CityReport,
  type DistrictReport,
  type FailedFile,
} from "../core/consolidate";
import type { Quarter } from "../core/dates";
import { getProfile, type Profile, type ProfileId } from "../core/profiles";
import { REGISTER_SHEET } from "../core/register";
import { verifyWorkbookStamp } from "../core/stamp";
import { loadWorkbook } from "../core/workbook";
import { readWorkbook, WorkbookFileError } from "./parse";

export interface DistrictFile {
  /** The name shown in the report: the file's own name, without folders. */
  name: string;
  /** The file's bytes; a WorkbookFileError when they cannot be had. */
  read(): Promise<ArrayBuffer | Uint8Array>;
}

export interface Consolidation {
  city: CityReport;
  /** The profile the city is reported under: the one given, else the first readable workbook's. */
  profile: Profile;
}

/**
 * Reads, verifies and reports each file in turn, so that only one workbook is held at a time. Files that
 * are not readable .xlsx workbooks, or hold no 企业名单台账, become the report's failed files.
 */
export async function consolidateFiles(
  files: readonly DistrictFile[],
  quarter: Quarter,
  profileId?: ProfileId,
  onProgress?: (done: number, total: number) => void,
): Promise<Consolidation> {
  const reports: DistrictReport[] = [];
  const failed: FailedFile[] = [];
  let profile: Profile | undefined = profileId ? getProfile(profileId) : undefined;
  for (const [i, file] of files.entries()) {
    try {
      const grids = await readWorkbook(await file.read(), file.name);
      if (!grids.sheet(REGISTER_SHEET)) throw new WorkbookFileError(`没有“${REGISTER_SHEET}”工作表`);
      const { verification } = await verifyWorkbookStamp((n) => grids.sheet(n));
      const loaded = loadWorkbook(grids, { profileId: profile?.id });
      profile ??= loaded.profile;
      reports.push(districtReport(file.name, loaded, quarter, verification));
    } catch (err) {
      if (!(err instanceof WorkbookFileError)) throw err;
      failed.push({ file: file.name, reason: err.message });
    }
    onProgress?.(i + 1, files.length);
  }
  profile ??= getProfile("shanghai");
  return { city: cityReport(quarter, profile, reports, failed), profile };
}
