// The one shape every problem found in a workbook takes: a cell address and a Chinese message.

export type Severity = "error" | "warning";

export interface Issue {
  sheet: string;
  /** A1 address of the offending cell, or "" when the problem concerns the sheet as a whole. */
  cell: string;
  severity: Severity;
  /** Stable machine code, e.g. "date.format", "creditCode.check". */
  code: string;
  message: string;
}

export function issue(sheet: string, cell: string, severity: Severity, code: string, message: string): Issue {
  return { sheet, cell, severity, code, message };
}

export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const i of issues) if (i.severity === "error") errors++;
  return { errors, warnings: issues.length - errors };
}
