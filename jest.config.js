/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // Most tests write and read real .xlsx files with ExcelJS; on a busy 2-core machine one such test can take
  // well over jest's default 5 s. Tests that run LibreOffice, Chromium or child processes set longer limits.
  testTimeout: 60_000,
};
