// Writes README's table of commands × surfaces from the one list of commands (src/core/commands.ts, compiled by
// `npm run build:cli`) between the README's markers, and formats it as Prettier wants README.

const { execFileSync } = require("node:child_process");
const { readFileSync, writeFileSync } = require("node:fs");
const path = require("node:path");
const { commandTableMarkdown } = require("../dist/node/core/commands.js");

const README = path.resolve(__dirname, "../README.md");
const START = "<!-- commands:start -->";
const END = "<!-- commands:end -->";

const text = readFileSync(README, "utf8");
const at = text.indexOf(START);
const end = text.indexOf(END);
if (at < 0 || end < at) {
  console.error(`README.md 中没有 ${START} … ${END} 标记`);
  process.exit(2);
}
writeFileSync(
  README,
  `${text.slice(0, at + START.length)}\n\n${commandTableMarkdown()}\n\n${text.slice(end)}`,
);
execFileSync(path.resolve(__dirname, "../node_modules/.bin/prettier"), ["--write", README], {
  stdio: "inherit",
});
