import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv } from "../../../lib/importers/csv";

describe("parseCsv (RFC 4180)", () => {
  it("splits LF, CRLF and CR records and numbers their lines", () => {
    expect(parseCsv("a,b\r\n1,2\n3,4\r5,6\r\n")).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["1", "2"], line: 2 },
      { fields: ["3", "4"], line: 3 },
      { fields: ["5", "6"], line: 4 },
    ]);
  });

  it("keeps empty fields and a last record without a line break", () => {
    expect(parseCsv("N,,,\nx,y,,").map((r) => r.fields)).toEqual([
      ["N", "", "", ""],
      ["x", "y", "", ""],
    ]);
  });

  it("handles quoted commas, doubled quotes and line breaks inside quotes", () => {
    const recs = parseCsv('name,note\n"Smith, J","say ""hi""\r\nthere"\nnext,1\n');
    expect(recs[1]?.fields).toEqual(["Smith, J", 'say "hi"\r\nthere']);
    expect(recs[2]).toEqual({ fields: ["next", "1"], line: 4 });
  });

  it("tolerates padding around quoted fields and keeps unquoted padding", () => {
    expect(parseCsv('  "a b"  , c \n')[0]?.fields).toEqual(["a b", " c "]);
  });

  it("reports unterminated quotes and text after a closing quote with the line", () => {
    expect(() => parseCsv('a\n"open,1\n2')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"open,1\n2')).toThrow("line 2: unterminated quoted field");
    expect(() => parseCsv('"a"b,c')).toThrow(/after a closing quote/);
  });

  it("returns nothing for empty text and one empty field for a blank line", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\n")).toEqual([{ fields: [""], line: 1 }]);
  });
});
