// Builds the task pane and the web page into one folder, dist/web: taskpane.html + taskpane.js (the add-in),
// index.html + web.js (强审助手 网页版, for machines without Excel), the chunks both load lazily, assets and
// manifest.xml.
// `npm start` serves it on https://localhost:3000 with the Office Add-in dev certificates;
// `ADDIN_URL=https://服务器/路径/ npm run build` builds for a bureau's own server (scripts/addin-url.js).

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { addinBase, manifestFor } = require("./scripts/addin-url");
const { version } = require("./package.json");

/**
 * The production bundles must stay small: the pane loads inside Excel, often over slow networks. ExcelJS and
 * the .xlsx package code are separate chunks, fetched only when a file is read or written (the centre's
 * consolidation in the pane; opening a workbook on the web page), and are outside the budget.
 */
const SIZE_BUDGET = 700 * 1024;
const LAZY_CHUNKS = /^(exceljs|workbook-file|xlsx-shared|page-worker)\./;
/** The web page's worker, built first as one file; the page carries its text (src/web/workerSource.ts). */
const WORKER_FILE = "page-worker-bundle.js";
/** What Excel downloads before the pane shows, as it travels (gzip, level 9): the pane's start bundle. */
const GZIP_BUDGET = { "taskpane.js": 200 * 1024 };

/** Fails a production build whose start bundle, gzipped, is over GZIP_BUDGET. */
class GzipBudget {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("GzipBudget", (compilation) => {
      const stage = compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT;
      compilation.hooks.processAssets.tap({ name: "GzipBudget", stage }, () => {
        for (const [file, budget] of Object.entries(GZIP_BUDGET)) {
          const asset = compilation.getAsset(file);
          if (!asset) continue;
          const size = zlib.gzipSync(asset.source.buffer(), { level: 9 }).length;
          if (size > budget)
            compilation.errors.push(
              new Error(
                `${file} is ${(size / 1024).toFixed(1)} KB gzipped, over its ${budget / 1024} KB budget`,
              ),
            );
        }
      });
    });
  }
}

async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch {
    // No trusted dev certificate (e.g. Linux without sudo): webpack-dev-server makes a self-signed one.
    return undefined;
  }
}

const typescript = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { configFile: "tsconfig.web.json" } },
};

/**
 * The worker of the web page (src/web/worker.ts) as a single script, with no chunk of its own to fetch: a page
 * opened from file:// may start a worker only from a blob: URL, and such a worker cannot load further
 * scripts. The page's chunk "page-worker" holds its text.
 */
function workerConfig(dev, out) {
  return {
    name: "page-worker",
    mode: dev ? "development" : "production",
    devtool: false,
    target: "webworker",
    entry: { worker: "./src/web/worker.ts" },
    output: { path: out, filename: WORKER_FILE, asyncChunks: false, clean: false },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [typescript] },
    optimization: { splitChunks: false },
    performance: { hints: false },
  };
}

/** "page-worker-source" is the worker bundle in the output folder, wherever `--output-path` put it. */
const workerSourcePlugin = {
  apply(compiler) {
    const { resolve, output } = compiler.options;
    resolve.alias = { ...resolve.alias, "page-worker-source$": path.join(output.path, WORKER_FILE) };
  },
};

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const base = addinBase(process.env.ADDIN_URL);
  const out = path.resolve(__dirname, "dist/web");
  return [
    workerConfig(dev, out),
    {
      name: "pages",
      dependencies: ["page-worker"],
      mode: dev ? "development" : "production",
      devtool: dev ? "eval-source-map" : false,
      entry: { taskpane: "./src/taskpane/index.tsx", web: "./src/web/index.tsx" },
      output: {
        path: out,
        filename: "[name].js",
        chunkFilename: "[name].js",
        // The worker bundle is read into the page's chunk, and then removed.
        clean: true,
      },
      resolve: { extensions: [".ts", ".tsx", ".js"] },
      module: {
        rules: [{ test: /page-worker-bundle\.js$/, type: "asset/source" }, typescript],
      },
      plugins: [
        ...(dev ? [] : [new GzipBudget()]),
        workerSourcePlugin,
        new HtmlWebpackPlugin({
          filename: "taskpane.html",
          template: "./src/taskpane/taskpane.html",
          chunks: ["taskpane"],
          templateParameters: {
            webviewGuard: fs.readFileSync(path.resolve(__dirname, "src/taskpane/webview-guard.js"), "utf8"),
          },
        }),
        new HtmlWebpackPlugin({
          filename: "index.html",
          template: "./src/web/index.html",
          chunks: ["web"],
        }),
        new CopyWebpackPlugin({
          patterns: [
            { from: "assets", to: "assets" },
            {
              from: "manifest.xml",
              to: "manifest.xml",
              transform: (content) => manifestFor(content.toString("utf8"), base, version),
            },
            { from: "src/taskpane/help.html", to: "help.html" },
            { from: "src/web/help.html", to: "web-help.html" },
          ],
        }),
      ],
      optimization: {
        // What the lazy chunks share (ExcelJS, the package reader and writer) goes into the one named chunk
        // "xlsx-shared" rather than an unnamed one, so the budget below sees only what a page loads at start.
        splitChunks: {
          cacheGroups: {
            defaultVendors: false,
            default: false,
            xlsx: {
              chunks: "async",
              name: "xlsx-shared",
              test: /[\\/](node_modules[\\/]exceljs|src[\\/]xlsx[\\/]package)[\\/]/,
              enforce: true,
            },
          },
        },
      },
      performance: {
        hints: dev ? false : "error",
        maxEntrypointSize: SIZE_BUDGET,
        maxAssetSize: SIZE_BUDGET,
        assetFilter: (name) => name.endsWith(".js") && !LAZY_CHUNKS.test(name),
      },
      devServer: {
        port: 3000,
        headers: { "Access-Control-Allow-Origin": "*" },
        server: { type: "https", options: dev ? await httpsOptions() : undefined },
        static: { directory: path.resolve(__dirname, "dist/web") },
      },
    },
  ];
};
