/** Reading CSV output in tests: RFC 4180 records (quoted cells may hold commas, quotes and line breaks). */

export function csvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || (ch === "\r" && text[i + 1] === "\n")) {
      if (ch === "\r") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** A CSV document (byte order mark allowed) as its data rows and a column lookup by header name. */
export function csvTable(text: string): { body: string[][]; col(name: string): number } {
  const [head = [], ...body] = csvRecords(text.replace(/^\uFEFF/, ""));
  return { body, col: (name) => head.indexOf(name) };
}
