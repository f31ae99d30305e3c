/** @type {import('jest').Config} */
const base = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
};

module.exports = {
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
