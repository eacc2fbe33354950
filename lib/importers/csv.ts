/**
 * A small RFC 4180 CSV reader. Records end at CRLF, LF or a lone CR; fields may be
 * quoted with `"` and contain commas, line breaks and doubled quotes. Two leniencies
 * for hand-padded files: a quote after leading spaces still opens a quoted field, and
 * spaces after a closing quote are ignored. Fields are returned as written (not
 * trimmed); callers decide what padding means.
 */

/** One CSV record with the 1-based line it starts on. */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** Thrown on a CSV syntax error (an unterminated quote, text after a closing quote). */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "CsvSyntaxError";
  }
}

/** Field separators the reader understands: comma (RFC 4180), semicolon (Excel in locales with a decimal comma), tab. */
export type CsvDelimiter = "," | ";" | "\t";

export const DELIMITER_NAMES: Record<CsvDelimiter, string> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
};

/**
 * The delimiter of a file, from its first record: the most frequent of comma, semicolon and tab
 * outside quotes (comma on a tie or when there is none, as RFC 4180 says).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && (c === "," || c === ";" || c === "\t")) counts[c]++;
  }
  let best: CsvDelimiter = ",";
  for (const d of [";", "\t"] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/** Parses CSV text into records. A final line break does not create an empty record. */
export function parseCsv(text: string, delimiter: CsvDelimiter = ","): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  // after a closing quote only spaces, the delimiter or a line break may follow
  let afterQuote = false;

  const endRecord = () => {
    fields.push(field);
    records.push({ fields, line: recordLine });
    fields = [];
    field = "";
    afterQuote = false;
  };

  while (i < n) {
    const c = text[i] as string;
    if (c === delimiter) {
      fields.push(field);
      field = "";
      afterQuote = false;
      i++;
    } else if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
    } else if (afterQuote) {
      if (c !== " " && c !== "\t") throw new CsvSyntaxError(`unexpected "${c}" after a closing quote`, line);
      i++;
    } else if (c === '"' && field.trim() === "") {
      // quoted field: read to the closing quote
      const startLine = line;
      field = "";
      i++;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError("unterminated quoted field", startLine);
        const q = text[i] as string;
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === "\r" || q === "\n") {
          if (q === "\r" && text[i + 1] === "\n") {
            field += "\r";
            i++;
          }
          line++;
        }
        field += text[i];
        i++;
      }
      afterQuote = true;
    } else {
      field += c;
      i++;
    }
  }
  // the last record has no line break after it (or the text is empty)
  if (field !== "" || fields.length > 0 || afterQuote) endRecord();
  return records;
}
