import type { CSSProperties } from "react";

/** The layout of every tab: one column of fields and buttons. */
export const COLUMN: CSSProperties = { display: "flex", flexDirection: "column", gap: 8, marginTop: 12 };
