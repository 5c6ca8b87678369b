/** The batch screen's fixed columns: text cut to a display width (CJK two columns) with an ellipsis, padded to it. */
import { describe, expect, it } from "vitest";
import { fit } from "../src/batch/report-table.js";
import { displayWidth } from "../src/render/width.js";

describe("fit and displayWidth", () => {
  it("cuts a Chinese name after the last character that fits beside the ellipsis, and pads what is short", () => {
    // 8 characters of two columns and the ellipsis of one: exactly 17.
    expect(fit("淄博华创精密机械有限公司", 17)).toBe("淄博华创精密机械⋯");
    // One column short of a ninth character: the 18th column is padding.
    expect(fit("淄博华创精密机械有限公司", 18)).toBe("淄博华创精密机械⋯ ");
    expect(fit("abc", 6)).toBe("abc   ");
    expect(fit("淄博", 4)).toBe("淄博");
  });

  it("keeps the end of a path, cut from the left", () => {
    expect(fit("clients/2024/huachuang.yaml", 12, "left")).toBe("⋯chuang.yaml");
    expect(fit("客户/淄博华创.yaml", 12, "left")).toBe("⋯博华创.yaml");
    expect(fit("客户/淄博华创.yaml", 13, "left")).toBe("⋯博华创.yaml ");
  });

  it("counts a surrogate pair as one character and never splits it", () => {
    expect(fit("a😀b😀c", 5)).toBe("a😀b⋯");
    expect(fit("a😀b😀c", 5, "left")).toBe("⋯b😀c");
    expect(fit("😀😀😀", 3)).toBe("😀⋯");
  });

  it("folds runs of whitespace to one space, and measures colour codes as nothing", () => {
    expect(fit("淄博  华创\t公司", 20)).toBe("淄博 华创 公司      ");
    expect(displayWidth("\u001b[31m淄博\u001b[0m")).toBe(4);
    expect(displayWidth("ｱＡ１")).toBe(5);
  });
});
