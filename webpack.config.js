// Builds the task pane and the web page into one folder, dist/web: taskpane.html + taskpane.js (the add-in),
// index.html + web.js (强审助手 网页版, for machines without Excel), the chunks both load lazily, assets and
// manifest.xml; and the WPS 加载项 into dist/wps (see wpsConfig).
// `npm start` serves it on https://localhost:3000 with the Office Add-in dev certificates;
// `ADDIN_URL=https://服务器/路径/ npm run build` builds for a bureau's own server (scripts/addin-url.js).

const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { addinBase, manifestFor, jspluginsFor } = require("./scripts/addin-url");
const { WPS_ES_YEAR } = require("./scripts/wps-target");
const { version } = require("./package.json");

/**
 * The production bundles must stay small: the pane loads inside Excel, often over slow networks. ExcelJS and
 * the .xlsx package code are separate chunks, fetched only when a file is read or written (the centre's
 * consolidation in the pane; opening a workbook on the web page), and are outside the budget.
 */
const SIZE_BUDGET = 700 * 1024;
/**
 * What the lazy chunks share (ExcelJS, the package reader and writer) goes into the one named chunk "xlsx-shared"
 * rather than an unnamed one, so the budgets see only what a page loads at start. The pane, the page and the WPS
 * pane split alike.
 */
const SHARED_CHUNKS = {
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
};
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

/**
 * The Chromium that WPS 表格 embeds for add-ins, which the WPS bundle targets.
 *
 * WPS's add-in documentation says only that add-ins run on Chromium ("WPS 加载项的底层是以 Chromium 开源浏览器项目为基础
 * 进行的优化扩展", open.wps.cn, 加载项概述); it does not name the version, and it differs between WPS builds. The
 * floor taken here is what WPS's own toolkit ships to the WPS releases it supports: wpsjs 2.2's ET templates
 * (packages/@wps-jsapi/et_vue and et_react, published on npm) build with Vite ^5.3 and no build target, that is
 * Vite 5's default `modules` target, ['es2020', 'edge88', 'firefox78', 'chrome87', 'safari14']: Chromium 87.
 * Public reports of real WPS builds agree that the engine is older than current Chrome: WPS 12.1.0.26200's pane
 * lacks crypto.randomUUID (tmustier/pi-for-excel docs/wps-support.md), and an add-in tested on WPS for Windows and
 * Kylin V10 found Tailwind CSS 4, which needs Chromium 111, does not load (zedo/zdoc README).
 *
 * Chromium 87 runs ES2021 syntax (logical assignment came in 85) but not all of ES2022 (class static blocks are
 * 94, `#x in o` 91), so every module of the WPS bundle, node_modules included, is compiled to ES2021; the library
 * functions the code uses from later Chromiums are added by src/wps/compat.ts. test/wps/bundle.test.ts parses the
 * output as ES2021 and test/e2e/wps.e2e.test.ts runs the pane with those later functions removed.
 * scripts/wps-target.js holds the two numbers (WPS_CHROMIUM, WPS_ES_YEAR).
 */
const WPS_ES = `ES${WPS_ES_YEAR}`;

/** TypeScript compiling for the WPS bundle: the project's own code, and (as plain JS) its dependencies. */
function wpsTypescript() {
  const target = { target: WPS_ES, useDefineForClassFields: true };
  return [
    {
      test: /\.tsx?$/,
      exclude: /node_modules/,
      use: {
        loader: "ts-loader",
        // Types are checked by `npm run check` (tsc); here each file is only compiled, as for the dependencies.
        options: {
          instance: "wps",
          configFile: "tsconfig.web.json",
          transpileOnly: true,
          compilerOptions: target,
        },
      },
    },
    {
      test: /\.[cm]?js$/,
      include: /node_modules/,
      use: {
        loader: "ts-loader",
        options: {
          instance: "wps-modules",
          configFile: "tsconfig.web.json",
          transpileOnly: true,
          // Dependencies as they are, syntax aside: no strict mode added to sloppy scripts, imports kept for webpack.
          compilerOptions: { ...target, allowJs: true, module: "ESNext", strict: false, alwaysStrict: false },
        },
      },
    },
  ];
}

/**
 * dist/wps, the WPS 加载项 as `wpsjs build` would lay it out (wpsjs itself is not needed): ribbon.xml (the 强审助手
 * tab), index.html → main.js → js/ribbon.js (the main page WPS opens hidden, with the ribbon's callbacks), the pane
 * taskpane.html + taskpane.js with its lazy chunks, images/, manifest.xml (the add-in's name), and jsplugins.xml
 * naming the add-in at `<ADDIN_URL>wps/` for oem.ini's JSPluginsServer. ribbon.xml starts with `<customUI`, without
 * an XML declaration: `wpsjs publish` tells to check that the served ribbon.xml begins so, and WPS's publish page
 * refuses one that does not (pi-for-excel docs/wps-support.md).
 */
function wpsConfig(dev, base) {
  return {
    name: "wps",
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-source-map" : false,
    target: ["web", WPS_ES.toLowerCase()],
    entry: { taskpane: "./src/wps/pane.tsx", "js/ribbon": "./src/wps/ribbon.ts" },
    output: {
      path: path.resolve(__dirname, "dist/wps"),
      filename: "[name].js",
      chunkFilename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: wpsTypescript() },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/wps/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: {
          engineGuard: fs.readFileSync(path.resolve(__dirname, "src/wps/engine-guard.js"), "utf8"),
        },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/index.html", to: "index.html" },
          { from: "src/wps/main.js", to: "main.js" },
          { from: "src/wps/ribbon.xml", to: "ribbon.xml" },
          { from: "src/wps/manifest.xml", to: "manifest.xml" },
          { from: "assets/icon-32.png", to: "images/icon-32.png" },
          { from: "assets/icon-64.png", to: "images/icon-64.png" },
          {
            from: "package.json",
            to: "jsplugins.xml",
            transform: () => jspluginsFor(base, version),
          },
        ],
      }),
    ],
    optimization: { splitChunks: SHARED_CHUNKS },
    performance: { hints: false },
  };
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const base = addinBase(process.env.ADDIN_URL);
  const out = path.resolve(__dirname, "dist/web");
  return [
    wpsConfig(dev, base),
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
      optimization: { splitChunks: SHARED_CHUNKS },
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
