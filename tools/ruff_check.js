// Runs ruff (the WebAssembly build from npm) over files and prints one JSON
// object per finding: {"path","code","line","column","end_line","end_column","message"}.
// Usage: node tools/ruff_check.js RUFF_WASM_DIR SELECT[,SELECT...] FILE... (or @LISTFILE:
//        one path a line)
//        node tools/ruff_check.js RUFF_WASM_DIR --known CODE[,CODE...]
//        prints the codes ruff knows, one a line (ruff rejects an unknown selector).
// Columns are 1-based characters (PositionEncoding.Utf32), as ruff prints them.
"use strict";
const fs = require("fs");
const path = require("path");

const [wasmDir, select, ...args] = process.argv.slice(2);
const ruff = require(path.join(wasmDir, "node_modules/@astral-sh/ruff-wasm-nodejs"));
const settingsFor = (codes) => ({
  "line-length": 88,
  "target-version": "py312",
  lint: { select: codes, preview: false },
});
if (select === "--known") {
  for (const code of args[0].split(",")) {
    try {
      new ruff.Workspace(settingsFor([code]), ruff.PositionEncoding.Utf32).free();
      process.stdout.write(code + "\n");
    } catch (error) {
      // Not a ruff code.
    }
  }
  process.exit(0);
}
const files = args.flatMap((arg) =>
  arg.startsWith("@") ? fs.readFileSync(arg.slice(1), "utf8").split("\n").filter(Boolean) : [arg]);
const workspace = new ruff.Workspace(settingsFor(select.split(",")), ruff.PositionEncoding.Utf32);
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
