/** Detectors for the other language in a run's output: English in Chinese text, the catalogue's Chinese in English. */

/** Words that may follow one another in Chinese text: the commands (subsidy policy list). */
const COMMAND_WORDS = new Set("subsidy check batch policy init schema ask list show validate diff test".split(" "));
/** English words that never belong in a Chinese message, even alone (a lone id or value may: green-factory, municipal). */
const ENGLISH_ALONE = /\b(the|is|are|not|and|or|of|to|in|for|with|from|expected|got|missing|unknown|error|invalid|cannot|must|should|write|remove|give|found|file|folder|profile|field|value|date|money|yuan|line|did you mean|valid|known|allowed|choices)\b/i;

/**
 * The English a Chinese reader would meet in `text`, or "" when there is none: what is left of each line
 * once quoted input, paths, options, field paths, vocabulary ids, numbers and allowed words are taken out.
 */
export function englishIn(text: string, files: readonly string[] = []): string {
  const found: string[] = [];
  for (const raw of text.split("\n")) {
    let line = raw;
    // Longest first: a short one must not break a longer one apart.
    for (const f of [...files].sort((x, y) => y.length - x.length)) if (f) line = line.split(f).join(" ");
    line = line
      .replace(/“[^”]*”|"[^"\n]*"|'[^'\n]*'|「[^」]*」/g, " ") // quoted input
      .replace(/\S*[/\\]\S*/g, " ") // paths, a/b alternatives
      .replace(/(?<![\w-])--?[A-Za-z][\w-]*(?: <\w+>)?/g, " ") // options
      .replace(/[A-Za-z_][\w-]*(?:\[\d+\]|\.[A-Za-z_][\w-]*)+/g, " ") // field paths, file names
      .replace(/\b[A-Za-z]+(?:[-_][A-Za-z0-9]+)+\b/g, " ") // vocabulary ids (green-factory), keys (credit_code)
      .replace(/<[\w-]+>/g, " ")
      .replace(/\b0x[0-9a-f]+\b/gi, " ");
    // Words one space apart make a phrase (table columns are further apart).
    const words = line.match(/[A-Za-z]{2,}(?: [A-Za-z]{2,})*/g) ?? [];
    for (const w of words) {
      const parts = w.split(" ");
      if ((parts.length >= 2 && !parts.every((p) => COMMAND_WORDS.has(p))) || ENGLISH_ALONE.test(w)) found.push(w);
    }
  }
  return found.join(" | ");
}

export const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]/;

/**
 * The Chinese an English reader would meet in `text` that is not theirs (names and values from `inputs`,
 * quoted or in parentheses, such as "(统一社会信用代码)"), or "".
 */
export function chineseIn(text: string, inputs: readonly string[] = []): string {
  const theirs = new Set(inputs.flatMap((s) => s.match(/[\u3400-\u4dbf\u4e00-\u9fff][^\s:,'"]*/g) ?? []));
  const found: string[] = [];
  for (const raw of text.split("\n")) {
    // Quoted, in parentheses, or a clause reference such as 二(一)3: the policy's own words.
    let line = raw.replace(/“[^”]*”|"[^"\n]*"|'[^'\n]*'|\([^)]*\)|[一二三四五六七八九十]+[(（][一二三四五六七八九十]+[)）]\d*/g, " ");
    for (const s of theirs) line = line.split(s).join(" ");
    const m = line.match(/\S*[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]\S*/g);
    // A name shortened on screen (淄博测试有限公司 → 测试, cut with ⋯) is still the user's own.
    if (m) found.push(...m.filter((w) => !inputs.some((s) => s.includes(w.replace(/^["'“]+|[…⋯]$/g, "")))));
  }
  return found.join(" | ");
}
