// Python's openpyxl (Debian python3-openpyxl) as another program that writes .xlsx: it re-saves our
// workbooks the way provincial systems export theirs, and adds a chart and a picture to a copy.

import { execFileSync } from "node:child_process";

const PYTHONS = ["/usr/bin/python3", "python3"];

function python(): string {
  for (const p of PYTHONS) {
    try {
      execFileSync(p, ["-c", "import openpyxl, PIL"], { stdio: "pipe" });
      return p;
    } catch {
      // Try the next one.
    }
  }
  throw new Error(
    "openpyxl is not installed: run scripts/setup-system.sh (apt-get install python3-openpyxl)",
  );
}

function runPython(script: string, ...args: string[]): void {
  execFileSync(python(), ["-c", script, ...args], { stdio: "pipe", timeout: 120_000 });
}

/** Loads `src` with openpyxl and saves it as `out`. */
export function openpyxlResave(src: string, out: string): void {
  runPython("import sys, openpyxl\nopenpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])", src, out);
}

/**
 * A copy of `src` with, on sheet `sheet`, a bar chart over its first rows and a PNG picture, as a district
 * adds them in a spreadsheet program.
 */
export function withChartAndPicture(src: string, out: string, sheet: string): void {
  runPython(
    `import sys, io, openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.drawing.image import Image
from PIL import Image as Picture
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[3]]
chart = BarChart()
chart.title = "名单年度"
chart.add_data(Reference(ws, min_col=7, min_row=1, max_row=10), titles_from_data=True)
ws.add_chart(chart, "AB2")
png = io.BytesIO()
Picture.new("RGB", (40, 30), (200, 30, 30)).save(png, format="PNG")
png.seek(0)
ws.add_image(Image(png), "AB20")
wb.save(sys.argv[2])`,
    src,
    out,
    sheet,
  );
}
