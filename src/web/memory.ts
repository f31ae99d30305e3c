// What the page remembers in this browser (localStorage), and only this: the last profile and 填报单位 of 设置,
// and the language chosen. The workbook itself is never kept: it lives in the file the user downloads.

import { PROFILE_IDS, type ProfileId } from "../core/profiles";
import { defaultSettings, type WorkbookSettings } from "../core/settings";

export type PageLanguage = "zh-CN" | "en";
export const PAGE_LANGUAGES = ["zh-CN", "en"] as const satisfies readonly PageLanguage[];

const SETTINGS_KEY = "强审助手.设置";
const LANGUAGE_KEY = "强审助手.语言";

/** The 设置 a new page starts from, before a workbook with its own 强审设置 is opened. */
export interface SettingsMemory {
  load(): WorkbookSettings | undefined;
  save(settings: WorkbookSettings): void;
}

export interface PageMemory extends SettingsMemory {
  language(): PageLanguage | undefined;
  rememberLanguage(language: PageLanguage): void;
}

/**
 * The page's memory in `storage`. A browser that keeps nothing (storage off, full, or a private window that
 * refuses to write) gives a page that remembers nothing, never an error.
 */
export function pageMemory(storage: Storage | undefined): PageMemory {
  const read = (key: string): string | null => {
    try {
      return storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  };
  const write = (key: string, value: string) => {
    try {
      storage?.setItem(key, value);
    } catch {
      // Nothing is remembered; the page works as on a first visit.
    }
  };
  return {
    load() {
      try {
        const saved = JSON.parse(read(SETTINGS_KEY) ?? "null") as { profileId?: unknown; district?: unknown };
        const profileId = PROFILE_IDS.find((p) => p === saved?.profileId);
        if (!profileId) return undefined;
        return defaultSettings(profileId, typeof saved.district === "string" ? saved.district : "");
      } catch {
        return undefined;
      }
    },
    save({ profileId, district }: { profileId: ProfileId; district: string }) {
      write(SETTINGS_KEY, JSON.stringify({ profileId, district }));
    },
    language() {
      return PAGE_LANGUAGES.find((l) => l === read(LANGUAGE_KEY));
    },
    rememberLanguage(language) {
      write(LANGUAGE_KEY, language);
    },
  };
}

/** The language a page opens in: the one chosen before, else Chinese unless the browser speaks English. */
export function pageLanguage(memory: PageMemory, browser: string | undefined): PageLanguage {
  return memory.language() ?? (browser?.toLowerCase().startsWith("en") ? "en" : "zh-CN");
}
