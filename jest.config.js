/** @type {import('jest').Config} */
const base = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
};

module.exports = {
  // Most tests write and read real .xlsx files with ExcelJS; on a busy 2-core machine one such test can take
  // well over jest's default 5 s. Tests that run LibreOffice, Chromium or child processes set longer limits.
  testTimeout: 60_000,
  projects: [
    { ...base, displayName: "all", testMatch: ["**/*.test.ts", "**/*.test.tsx"] },
    // The add-in's commands again on an Excel that supports exactly the manifest's ExcelApi 1.8: anything
    // newer must be guarded by isSetSupported (the in-memory host fails it with ApiNotFound).
    {
      ...base,
      displayName: "ExcelApi 1.8",
      testMatch: ["<rootDir>/test/excel/**/*.test.ts"],
      globals: { EXCEL_API: "1.8" },
    },
  ],
};
