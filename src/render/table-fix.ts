/**
 * cli-table3 0.6.5 computes a 10-character preview of the whole cell for a debug log on every line it
 * draws (`Cell.draw`), and that truncation is quadratic in the cell's length whenever the cell has
 * several lines. A program with 20 items has a 20-line "why" cell, and the table took a minute
 * (30 items: never finished). Upstream fix, not yet released: cli-table3 pull request #362.
 *
 * Workaround with byte-identical output: hide the content while `draw` runs; it draws from the
 * cell's precomputed `lines`, and uses `content` only for that preview.
 */
// @ts-expect-error cli-table3 ships no types for its internal modules
import Cell from "cli-table3/src/cell.js";

interface DrawableCell {
  content: string;
  draw(lineNum: unknown, spanningCell?: unknown): string;
}

const proto = (Cell as { prototype: DrawableCell }).prototype;
const draw = proto.draw;
if (!(draw as { subsidyPatched?: boolean }).subsidyPatched) {
  const patched = function (this: DrawableCell, lineNum: unknown, spanningCell?: unknown): string {
    const content = this.content;
    this.content = "";
    try {
      return draw.call(this, lineNum, spanningCell);
    } finally {
      this.content = content;
    }
  };
  (patched as { subsidyPatched?: boolean }).subsidyPatched = true;
  proto.draw = patched;
}
