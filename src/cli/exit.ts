/** Exit codes of every cpa command. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;
