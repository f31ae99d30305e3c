// Renders the add-in's icons (assets/icon-SIZE.png) in Chromium: a green rounded square with 审.
// Run once after changing the design: node scripts/make-icons.js
const { chromium } = require("playwright-core");
const path = require("node:path");

const SIZES = [16, 32, 64, 80, 128];

(async () => {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  const page = await browser.newPage();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const radius = Math.max(2, Math.round(size * 0.18));
    const font = Math.round(size * 0.72);
    await page.setContent(
      `<html><body style="margin:0;background:transparent">
        <div style="width:${size}px;height:${size}px;border-radius:${radius}px;background:#1e7a46;display:flex;
          align-items:center;justify-content:center;color:#fff;font:700 ${font}px 'WenQuanYi Micro Hei',sans-serif;
          line-height:1">审</div></body></html>`,
    );
    await page.screenshot({
      path: path.join(__dirname, "..", "assets", `icon-${size}.png`),
      omitBackground: true,
    });
  }
  await browser.close();
})();
