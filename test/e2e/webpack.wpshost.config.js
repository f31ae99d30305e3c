// Bundles the in-memory WPS 表格 for a browser test, in place of WPS's `window.Application`.
const path = require("node:path");

module.exports = {
  mode: "production",
  entry: path.resolve(__dirname, "../wpshost/browser.ts"),
  output: { path: path.resolve(__dirname, "../../dist/e2e"), filename: "wps-host.js" },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: {
            configFile: path.resolve(__dirname, "../../tsconfig.web.json"),
            onlyCompileBundledFiles: true,
          },
        },
      },
    ],
  },
};
