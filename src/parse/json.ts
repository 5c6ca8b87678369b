/**
 * Strict JSON syntax (RFC 8259) for `.json` profiles: YAML would read `0x10`, `+100`, `0100`, `0o17`,
 * unquoted keys, single quotes and trailing commas "successfully", none of which is JSON. This scanner only
 * checks the syntax and says where the first fault is; the data itself is then read by the YAML loader
 * (JSON is YAML 1.2), which reports duplicate keys and gives every value its line.
 *
 * Iterative (an explicit stack), so that no nesting depth can overflow the call stack.
 */
import type { Message } from "../types.js";

export interface JsonFault {
  /** Offset in the text of the first character that is not valid JSON there. */
  offset: number;
  message: Message;
}

type Expect = "value" | "valueOrClose" | "key" | "keyOrClose" | "colon" | "next" | "done";

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** The first syntax fault of `text` as JSON, or undefined when it is valid JSON. */
export function jsonFault(text: string): JsonFault | undefined {
  const stack: number[] = []; // 0x7b object, 0x5b array
  let expect = "value" as Expect;
  let i = 0;
  const n = text.length;
  const fault = (offset: number, key: string, params: Record<string, string> = {}): JsonFault => ({ offset, message: { key: `err.json.${key}`, params } });
  const closer = () => (stack[stack.length - 1] === 0x7b ? "}" : "]");
  const afterValue = () => {
    expect = stack.length > 0 ? "next" : "done";
  };
  for (;;) {
    while (i < n) {
      const w = text.charCodeAt(i);
      if (w !== 0x20 && w !== 0x0a && w !== 0x0d && w !== 0x09) break;
      i++;
    }
    if (i >= n) return expect === "done" ? undefined : fault(n, "end");
    const c = text.charCodeAt(i);
    switch (expect) {
      case "done":
        return fault(i, "afterEnd");
      case "colon":
        if (c !== 0x3a) return fault(i, "colon");
        i++;
        expect = "value";
        continue;
      case "next":
        if (c === 0x2c) {
          i++;
          expect = stack[stack.length - 1] === 0x7b ? "key" : "value";
          continue;
        }
        if ((c === 0x7d && stack[stack.length - 1] === 0x7b) || (c === 0x5d && stack[stack.length - 1] === 0x5b)) {
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        return fault(i, "next", { close: closer() });
      case "key":
      case "keyOrClose":
        if (c === 0x7d && expect === "keyOrClose") {
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        if (c !== 0x22) return fault(i, expect === "key" && c === 0x7d ? "trailingComma" : "key");
        {
          const end = stringEnd(text, i);
          if (typeof end !== "number") return end;
          i = end;
        }
        expect = "colon";
        continue;
      case "value":
      case "valueOrClose": {
        if (c === 0x5d && expect === "valueOrClose") {
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        if (c === 0x7b || c === 0x5b) {
          stack.push(c);
          i++;
          expect = c === 0x7b ? "keyOrClose" : "valueOrClose";
          continue;
        }
        if (c === 0x22) {
          const end = stringEnd(text, i);
          if (typeof end !== "number") return end;
          i = end;
          afterValue();
          continue;
        }
        const word = /^(?:true|false|null)/.exec(text.slice(i, i + 5))?.[0];
        if (word) {
          i += word.length;
          afterValue();
          continue;
        }
        NUMBER.lastIndex = i;
        const num = NUMBER.exec(text);
        // A number runs to a delimiter: 0x10, 0100, 1.e5 or 12abc are not JSON numbers.
        if (num && !/[0-9A-Za-z.+_-]/.test(text[i + num[0].length] ?? "")) {
          i += num[0].length;
          afterValue();
          continue;
        }
        if (c === 0x5d || c === 0x7d) return fault(i, "trailingComma");
        const token = /^[^\s,:{}[\]"]{1,20}/.exec(text.slice(i, i + 20))?.[0] ?? text[i] ?? "";
        return fault(i, /^[-+.0-9]/.test(token) ? "number" : "value", { token });
      }
    }
  }

  /** The offset after the closing quote of the string opening at `start`, or the fault in it. */
  function stringEnd(t: string, start: number): number | JsonFault {
    let k = start + 1;
    while (k < n) {
      const ch = t.charCodeAt(k);
      if (ch === 0x22) return k + 1;
      if (ch === 0x5c) {
        ESCAPE.lastIndex = k;
        if (!ESCAPE.test(t)) return fault(k, "escape");
        k = ESCAPE.lastIndex;
        continue;
      }
      if (ch < 0x20) return fault(k, ch === 0x0a || ch === 0x0d ? "unterminated" : "control");
      k++;
    }
    return fault(start, "unterminated");
  }
}
