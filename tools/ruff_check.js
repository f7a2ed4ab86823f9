// Runs ruff (the WebAssembly build from npm) over files and prints one JSON
// object per finding: {"path","code","line","column","end_line","end_column","message"}.
// Usage: node tools/ruff_check.js RUFF_WASM_DIR SELECT[,SELECT...] FILE...
// Columns are 1-based characters (PositionEncoding.Utf32), as ruff prints them.
"use strict";
const fs = require("fs");
const path = require("path");

const [wasmDir, select, ...files] = process.argv.slice(2);
const ruff = require(path.join(wasmDir, "node_modules/@astral-sh/ruff-wasm-nodejs"));
const settings = {
  "line-length": 88,
  "target-version": "py312",
  lint: { select: select.split(","), preview: false },
};
const workspace = new ruff.Workspace(settings, ruff.PositionEncoding.Utf32);
for (const file of files) {
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    continue;
  }
  let diagnostics;
  try {
    diagnostics = workspace.check(text);
  } catch (error) {
    process.stderr.write(`${file}: ruff failed: ${error}\n`);
    continue;
  }
  for (const d of diagnostics) {
    process.stdout.write(JSON.stringify({
      path: file, code: d.code, line: d.start_location.row, column: d.start_location.column,
      end_line: d.end_location.row, end_column: d.end_location.column, message: d.message,
    }) + "\n");
  }
}
