// Bundles the in-memory WPS 表格 (test/wpshost) for the WPS pane's browser test, as webpack.host.config.js
// bundles the in-memory Excel: it stands in for `window.Application` before the pane's scripts run. Only
// compiled: the host's types are checked by `npm run check`.
const path = require("node:path");
const excelHost = require("./webpack.host.config.js");

const [rule] = excelHost.module.rules;

module.exports = {
  ...excelHost,
  entry: path.resolve(__dirname, "../wpshost/browser.ts"),
  output: { ...excelHost.output, filename: "wps-host.js" },
  module: {
    rules: [{ ...rule, use: { ...rule.use, options: { ...rule.use.options, transpileOnly: true } } }],
  },
};
