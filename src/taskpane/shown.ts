// Long lists drawn in parts: a register of tens of thousands of rows can have thousands of issues or acts
// to urge, and drawing them all at once would freeze the pane or the page for seconds.

import { useState } from "react";

/** Items drawn at first, and added by each "显示其余". */
export const SHOWN = 200;

/**
 * How many of `items` to draw: `first` at first; `more` draws five times as many again. A new list starts
 * over.
 */
export function useShown<T>(items: readonly T[], first = SHOWN): { count: number; more(): void } {
  const [shown, setShown] = useState({ of: items, count: first });
  const count = shown.of === items ? shown.count : first;
  return { count, more: () => setShown({ of: items, count: count + first * 5 }) };
}
