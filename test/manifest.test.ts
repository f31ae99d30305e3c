import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { addinBase, AddinUrlError, DEV_BASE, manifestFor } from "../scripts/addin-url";
import { version } from "../package.json";

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

describe("the manifest for a bureau's own server (ADDIN_URL)", () => {
  const urls = (xml: string) =>
    [...xml.matchAll(/>(https:[^<]+)<|"(https:[^"]+)"/g)].map((m) => m[1] ?? m[2]!);

  it("is the development server's without ADDIN_URL", () => {
    expect(addinBase(undefined)).toBe("https://localhost:3000/");
    expect(addinBase("  ")).toBe(DEV_BASE);
    const xml = manifestFor(manifest, DEV_BASE, version);
    expect(urls(xml).every((u) => u.startsWith("https://localhost:3000"))).toBe(true);
  });

  it("puts every URL under the base, keeps the Id and takes the version from package.json", () => {
    const base = addinBase("https://qs.example.org/addin");
    expect(base).toBe("https://qs.example.org/addin/");
    const xml = manifestFor(manifest, base, "2.3.4");
    expect(xml).not.toContain("localhost");
    const found = urls(xml);
    expect(found.length).toBeGreaterThanOrEqual(10);
    for (const u of found) expect(u === "https://qs.example.org" || u.startsWith(base)).toBe(true);
    expect(xml).toContain("<AppDomain>https://qs.example.org</AppDomain>");
    expect(xml).toContain("<Version>2.3.4.0</Version>");
    expect(xml.match(/<Id>([^<]+)<\/Id>/)?.[1]).toBe("6f1d3c52-8a4e-4b7e-9c2d-5e0b7a3f9d21");
  });

  it("encodes a Chinese host and path as the manifest's URI fields require", () => {
    const base = addinBase("https://服务器/路径/");
    expect(base).toBe("https://xn--zfru1ggxt/%E8%B7%AF%E5%BE%84/");
    expect(manifestFor(manifest, base, version)).toContain(
      '<SourceLocation DefaultValue="https://xn--zfru1ggxt/%E8%B7%AF%E5%BE%84/taskpane.html"/>',
    );
  });

  it.each([
    ["http://qs.example.org/", /必须以 https:\/\/ 开头/],
    ["https://qs.example.org/?v=1", /不能带查询串/],
    ["qs.example.org/addin", /不是有效的网址/],
    ["https://user:pw@qs.example.org/", /不能包含用户名或密码/],
  ])("refuses ADDIN_URL %s with a Chinese message", (value, message) => {
    expect(() => addinBase(value)).toThrow(AddinUrlError);
    expect(() => addinBase(value)).toThrow(message);
  });
});
