import { describe, expect, it } from "vitest";
import { certificateOverlapsQuery, OVERLAP_IDS_MAX } from "../../../lib/api/overlaps";
import { parseParams } from "../../../lib/api/queries";
import { serialRangeColumns } from "../../../lib/certificateSerials";

const id = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;
const parse = (query: string) => parseParams(certificateOverlapsQuery, new URLSearchParams(query));

describe("GET /api/v1/certificate-overlaps parameters", () => {
  it("takes 1 to 50 certificate ids, lower-cased and once each", () => {
    expect(parse(`ids=${id(10).toUpperCase().replace("0X", "0x")},${id(10)}, ${id(11)}`)).toEqual({
      ok: true,
      value: { ids: [id(10), id(11)] },
    });
  });

  it("answers a wrong value with a sentence naming the parameter", () => {
    const bad = (query: string) => {
      const r = parse(query);
      if (r.ok) throw new Error(`${query} was accepted`);
      return `${r.param}: ${r.message}`;
    };
    expect(bad("")).toMatch(/^ids: ids is required/);
    expect(bad("ids=0x12")).toMatch(/^ids: .*"0x12" is not one/);
    const many = Array.from({ length: OVERLAP_IDS_MAX + 1 }, (_, i) => id(i + 1)).join(",");
    expect(bad(`ids=${many}`)).toMatch(/at most 50 at a time/);
    expect(bad(`ids=${id(1)}&model=1`)).toMatch(/unknown parameter "model"; allowed: ids/);
  });
});

describe("serialRangeColumns (the indexer's range columns)", () => {
  it("reads a recorded serial after normalising it, nulls where no range can be read", () => {
    // a caller that bypassed the SDK recorded "0001-0500": read like the SDK's "0001 TO 0500"
    expect(serialRangeColumns("ACR", "0001-0500")).toEqual({ series: "", rangeFirst: 1n, rangeLast: 500n });
    expect(serialRangeColumns("I-REC", "0000000100000001 TO 0000000100000500")).toEqual({
      series: "",
      rangeFirst: 100000001n,
      rangeLast: 100000500n,
    });
    expect(serialRangeColumns("ACR", "NO-NUMBER")).toEqual({
      series: null,
      rangeFirst: null,
      rangeLast: null,
    });
  });
});
