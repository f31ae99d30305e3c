// What the page remembers in the browser: the last profile and 填报单位, and the language; nothing when the
// browser keeps nothing.

import { pageLanguage, pageMemory } from "../../src/web/memory";
import { defaultSettings } from "../../src/core/settings";

/** A Storage over a Map, as a browser's localStorage behaves. */
function mapStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

describe("the page's memory", () => {
  it("gives back the last profile and district with the profile's rule defaults, and no preparer", () => {
    const storage = mapStorage();
    pageMemory(storage).save(defaultSettings("guangxi", "南宁市生态环境局", "张三"));
    expect(pageMemory(storage).load()).toEqual(defaultSettings("guangxi", "南宁市生态环境局"));
  });

  it("remembers nothing on a first visit, or from what it cannot read", () => {
    expect(pageMemory(mapStorage()).load()).toBeUndefined();
    for (const bad of ["{", "null", '"shanghai"', '{"profileId":"beijing","district":"x"}']) {
      const storage = mapStorage();
      storage.setItem("强审助手.设置", bad);
      expect(pageMemory(storage).load()).toBeUndefined();
    }
    const storage = mapStorage();
    storage.setItem("强审助手.设置", '{"profileId":"guangxi","district":7}');
    expect(pageMemory(storage).load()).toEqual(defaultSettings("guangxi", ""));
  });

  it("works as a first visit in a browser that refuses storage", () => {
    const refusing = mapStorage();
    refusing.setItem = () => {
      throw new DOMException("QuotaExceededError");
    };
    refusing.getItem = () => {
      throw new DOMException("SecurityError");
    };
    const memory = pageMemory(refusing);
    expect(() => memory.save(defaultSettings("guangxi"))).not.toThrow();
    expect(() => memory.rememberLanguage("en")).not.toThrow();
    expect(memory.load()).toBeUndefined();
    expect(pageLanguage(memory, "zh-CN")).toBe("zh-CN");
    expect(pageMemory(undefined).load()).toBeUndefined();
  });

  it("opens in the language chosen before, else in the browser's", () => {
    const storage = mapStorage();
    expect(pageLanguage(pageMemory(storage), "en-GB")).toBe("en");
    expect(pageLanguage(pageMemory(storage), "zh-TW")).toBe("zh-CN");
    expect(pageLanguage(pageMemory(storage), undefined)).toBe("zh-CN");
    pageMemory(storage).rememberLanguage("zh-CN");
    expect(pageLanguage(pageMemory(storage), "en-US")).toBe("zh-CN");
    storage.setItem("强审助手.语言", "fr");
    expect(pageLanguage(pageMemory(storage), "en-US")).toBe("en");
  });
});
