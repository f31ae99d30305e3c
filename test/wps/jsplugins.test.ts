import { DOMParser } from "@xmldom/xmldom";
import { addinBase, DEV_BASE, jspluginsFor, WPS_ADDIN_NAME } from "../../scripts/addin-url";

const entries = (xml: string) =>
  Array.from(new DOMParser().parseFromString(xml, "text/xml").getElementsByTagName("jspluginonline")).map(
    (e) => Object.fromEntries(["name", "type", "url", "version"].map((a) => [a, e.getAttribute(a)])),
  );

describe("jsplugins.xml, WPS's list of add-ins for oem.ini's JSPluginsServer", () => {
  it("names the add-in as a WPS 表格 (et) add-in served from wps/ under the build's address", () => {
    expect(entries(jspluginsFor(addinBase("https://qs.example.org/addin/"), "1.2.3"))).toEqual([
      { name: WPS_ADDIN_NAME, type: "et", url: "https://qs.example.org/addin/wps/", version: "1.2.3" },
    ]);
    expect(entries(jspluginsFor(DEV_BASE, "0.1.0"))[0]!.url).toBe("https://localhost:3000/wps/");
  });

  it("escapes the address as XML and keeps a path the bureau typed in Chinese", () => {
    const base = addinBase("https://内网.example.org/强审 助手");
    const xml = jspluginsFor(base, "0.1.0");
    expect(entries(xml)[0]!.url).toBe(`${base}wps/`);
    expect(entries(xml)[0]!.url).toMatch(/^https:\/\/xn--/);
    expect(jspluginsFor("https://a.example.org/x&y/", "0.1.0")).toContain(
      'url="https://a.example.org/x&amp;y/wps/"',
    );
  });
});
