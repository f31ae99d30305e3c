import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");

describe("manifest.xml", () => {
  it("asks for ReadWriteDocument only, on Excel, from https, with ExcelApi 1.8 and zh-CN by default", () => {
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(manifest).toMatch(/<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>/);
    expect(manifest).toContain('<Set Name="ExcelApi" MinVersion="1.8"/>');
    expect(manifest).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    for (const url of manifest.match(/(?:DefaultValue|Value)="(https?:[^"]+)"/g) ?? [])
      expect(url).toContain("https://");
    expect(manifest).toMatch(/<Override Locale="en-US" Value="Cleaner Production Audit Assistant"\/>/);
  });

  it("names icons that exist in assets/", () => {
    for (const [, file] of manifest.matchAll(/assets\/(icon-\d+\.png)/g))
      expect(existsSync(path.join(root, "assets", file!))).toBe(true);
  });

  const offline = path.resolve(root, "../shared/manifest-check.sh");
  (existsSync(offline) ? it : it.skip)(
    "passes the offline schema check against Microsoft's manifest XSDs",
    () => {
      expect(
        execFileSync("bash", [offline, path.join(root, "manifest.xml")], { encoding: "utf8" }),
      ).toContain("manifest ok: ExcelApi 1.8");
    },
  );
});
