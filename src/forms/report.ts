// The centre's HTML report: the city's stages by district and overdue by code as inline SVG charts, and
// the verification of every file — one self-contained page, readable offline.

import { EXCLUSION_LABELS, submissionLabel, type CityReport, type DistrictReport } from "../core/consolidate";
import { DEADLINE_LABELS } from "../core/profiles";
import { STAGE_LABELS, STAGES } from "../core/status";

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** One colour per stage, muted for the quiet stages. */
const STAGE_COLOURS = [
  "#9ecae1",
  "#4292c6",
  "#fd8d3c",
  "#41ab5d",
  "#006d2c",
  "#d94801",
  "#bdbdbd",
  "#969696",
  "#636363",
];

function stagesChart(report: CityReport): string {
  const rowH = 22;
  const left = 90;
  const width = 640;
  const max = report.districts.reduce(
    (m, d) =>
      Math.max(
        m,
        STAGES.reduce((a, s) => a + d.stages[s], 0),
      ),
    1,
  );
  const scale = (width - left - 40) / max;
  const bars = report.districts
    .map((d, i) => {
      let x = left;
      const y = 10 + i * rowH;
      const segs = STAGES.map((s, k) => {
        const w = d.stages[s] * scale;
        const rect =
          w > 0
            ? `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${STAGE_COLOURS[k]}"><title>${esc(d.district)} ${STAGE_LABELS[s]} ${d.stages[s]}</title></rect>`
            : "";
        x += w;
        return rect;
      }).join("");
      const total = STAGES.reduce((a, s) => a + d.stages[s], 0);
      return `<text x="${left - 6}" y="${y + 12}" text-anchor="end">${esc(d.district)}</text>${segs}<text x="${(x + 4).toFixed(1)}" y="${y + 12}">${total}</text>`;
    })
    .join("");
  const legendY = 20 + report.districts.length * rowH;
  const perRow = 4;
  const legend = STAGES.map((s, k) => {
    const x = left + (k % perRow) * 140;
    const y = legendY + Math.floor(k / perRow) * 18;
    return `<rect x="${x}" y="${y}" width="12" height="12" fill="${STAGE_COLOURS[k]}"/><text x="${x + 16}" y="${y + 11}">${STAGE_LABELS[s]}</text>`;
  }).join("");
  const height = legendY + Math.ceil(STAGES.length / perRow) * 18 + 10;
  return `<svg role="img" aria-label="各区企业阶段" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${bars}${legend}</svg>`;
}

function overdueChart(report: CityReport): string {
  const totals = report.codes.map(
    (c) => [DEADLINE_LABELS[c], report.districts.reduce((a, d) => a + d.overdue[c], 0)] as const,
  );
  const width = 640;
  const barW = 60;
  const top = 20;
  const chartH = 180;
  const max = totals.reduce((m, [, n]) => Math.max(m, n), 1);
  const bars = totals
    .map(([label, n], i) => {
      const h = (n / max) * chartH;
      const x = 40 + i * (barW + 26);
      return `<rect x="${x}" y="${top + chartH - h}" width="${barW}" height="${h}" fill="#cb181d"><title>${label}逾期 ${n}</title></rect><text x="${x + barW / 2}" y="${top + chartH - h - 4}" text-anchor="middle">${n}</text><text x="${x + barW / 2}" y="${top + chartH + 16}" text-anchor="middle">${label}</text>`;
    })
    .join("");
  return `<svg role="img" aria-label="逾期类型" width="${width}" height="${top + chartH + 30}" viewBox="0 0 ${width} ${top + chartH + 30}"><line x1="30" y1="${top + chartH}" x2="${width - 10}" y2="${top + chartH}" stroke="#333"/>${bars}</svg>`;
}

const STATE = { unchanged: "未改动", changed: "已改动", unstamped: "未报送盖章" } as const;

function submissionCell(d: DistrictReport): string {
  const label = submissionLabel(d);
  return label === "按时" ? label : `<b class="late">${label}</b>`;
}

export function cityReportHtml(report: CityReport, title: string): string {
  const rows = report.districts
    .map(
      (d) =>
        `<tr><td>${esc(d.district)}</td><td>${esc(d.file)}</td><td>${esc(d.verification.stamp?.stampedAt ?? "")}</td><td class="${d.verification.state}">${STATE[d.verification.state]}${d.verification.changedSheets.length ? `（${esc(d.verification.changedSheets.join("、"))}）` : ""}</td><td>${submissionCell(d)}</td><td>${d.implementation.length}</td><td>${d.adjustments.length}</td></tr>`,
    )
    .join("");
  const excluded = report.excluded
    .map(
      (x) =>
        `<tr><td>${esc(x.report.district)}</td><td>${esc(x.report.file)}</td><td>${esc(x.report.verification.stamp?.stampedAt ?? "")}</td><td>${EXCLUSION_LABELS[x.exclusion]}</td><td>${esc(x.reason)}</td></tr>`,
    )
    .join("");
  const failed = report.failed.map((f) => `<li>${esc(f.file)}：${esc(f.reason)}</li>`).join("");
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body{font-family:"WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#222;max-width:900px}
h1{font-size:22px}h2{font-size:17px;margin-top:28px}svg text{font-size:12px}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #999;padding:4px 8px}th{background:#f2f2f2}
.changed,.late{color:#c00}.unstamped{color:#a60}.note{color:#555;font-size:13px}
</style></head><body>
<h1>${esc(title)}</h1>
<p class="note">季度：${esc(report.quarter)}；${report.dueOn ? `报送截止：${esc(report.dueOn)}；` : ""}已收到 ${report.districts.length} 个区的工作簿${report.missing.length ? `；未报送：${esc(report.missing.join("、"))}` : ""}${report.late.length ? `；逾期：${esc(report.late.join("、"))}` : ""}。</p>
<h2>各区企业阶段（季度末）</h2>
${stagesChart(report)}
<h2>逾期情况（全市，按类型）</h2>
${overdueChart(report)}
<h2>报送核验</h2>
<p class="note">每区计入一个文件：盖章有效且最晚的一份；其余列于“未计入的文件”。</p>
<table><thead><tr><th>区</th><th>计入的文件</th><th>报送时间</th><th>核验</th><th>报送</th><th>附表3 行数</th><th>调整表行数</th></tr></thead><tbody>${rows}</tbody></table>
${excluded ? `<h2>未计入的文件</h2><table><thead><tr><th>区</th><th>文件</th><th>报送时间</th><th>处理</th><th>说明</th></tr></thead><tbody>${excluded}</tbody></table>` : ""}
${failed ? `<h2>无法读取的文件</h2><ul>${failed}</ul>` : ""}
</body></html>
`;
}
