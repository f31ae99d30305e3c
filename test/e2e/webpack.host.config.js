// Bundles the in-memory Office.js host for the browser test, in place of office.js.
const path = require("node:path");

module.exports = {
  mode: "production",
  entry: path.resolve(__dirname, "../officehost/browser.ts"),
  output: { path: path.resolve(__dirname, "../../dist/e2e"), filename: "office-host.js" },
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
