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

/** What a district or another program does to a register that the tool must read and write through. */
export type RegisterVariant = "1904" | "totals" | "note" | "stray" | "named";

/**
 * A copy of `src` whose register (`sheet`, an Excel table) is changed as `variant` says: counted in the 1904
 * date system (Mac Excel; every date kept); given a totals row (合计, SUBTOTAL cells); a note and a signature
 * line right under the table; a stray value in the sheet's last row (A1048576); or a sheet of the user's own
 * named like the quarter's form (附表3 2026Q3).
 */
export function registerVariant(src: string, out: string, variant: RegisterVariant, sheet: string): void {
  runPython(
    `import sys, openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
src, out, kind, sheet = sys.argv[1:5]
wb = openpyxl.load_workbook(src)
ws = wb[sheet]
table = next(iter(ws.tables.values()))
last = ws.max_row
right = table.ref.split(":")[1].rstrip("0123456789")
if kind == "1904":
    wb.epoch = CALENDAR_MAC_1904
elif kind == "totals":
    table.totalsRowCount = 1
    table.ref = "A1:%s%d" % (right, last + 1)
    table.autoFilter.ref = "A1:%s%d" % (right, last)
    ws.cell(last + 1, 1, "合计")
    ws.cell(last + 1, 2, "=SUBTOTAL(103,%s[企业名称])" % table.name)
    ws.cell(last + 1, 7, "=SUBTOTAL(109,%s[名单年度])" % table.name)
    table.tableColumns[0].totalsRowLabel = "合计"
    table.tableColumns[1].totalsRowFunction = "count"
    table.tableColumns[6].totalsRowFunction = "sum"
elif kind == "note":
    ws.cell(last + 1, 1, "注：本表由区生态环境局按季度更新。")
    ws.cell(last + 2, 1, "制表人：张三")
elif kind == "stray":
    ws["A1048576"] = "x"
elif kind == "named":
    mine = wb.create_sheet("附表3 2026Q3")
    mine["A1"] = "我自己的统计"
    mine["B2"] = 42
wb.save(out)`,
    src,
    out,
    variant,
    sheet,
  );
}
