// The words for a display language, both languages at hand: for the web page and the WPS pane, which switch
// language on the page, and for tests. The Excel add-in starts with strings.ts's loadStrings instead, which
// fetches the English words only when they are wanted.

import { wantsEnglish, zhStrings, type Strings } from "./strings";
import { en } from "./stringsEn";

export function stringsFor(displayLanguage: string | undefined): Strings {
  return wantsEnglish(displayLanguage) ? en : zhStrings;
}
