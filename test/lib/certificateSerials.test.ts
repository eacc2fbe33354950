import { describe, expect, it } from "vitest";
import { normaliseSerial, parseSerialRange, rangesOverlap } from "../../lib/certificateSerials";
import { certificateSerialHash, recordedSerial } from "../../lib/client";

const VCU = "10345-205395082-205395181-VCS-VCU-263-VER-IN-14-1748-01012018-31122018-0";
const GS = "GS1-1-KE-GS2959-12-2019-20211-1-250";

// One retirement statement gives one serial string, whichever way it was typed (SPEC 8: the contract hashes it as
// sent, so two spellings would be two certificates).
describe("normaliseSerial", () => {
  it("I-REC: 16-digit numbers in groups of four, a range as A TO B, however typed", () => {
    const want = "0000-0001-0000-0001 TO 0000-0001-0000-0500";
    for (const typed of [
      want,
      "0000-0001-0000-0001 to 0000-0001-0000-0500",
      "0000-0001-0000-0001 - 0000-0001-0000-0500",
      "0000-0001-0000-0001-0000-0001-0000-0500",
      "0000000100000001 TO 0000000100000500",
      "0000 0001 0000 0001 – 0000 0001 0000 0500", // en dash, spaced groups (copied from a PDF)
      "  0000-0001-0000-0001   through 0000-0001-0000-0500 ",
    ]) {
      expect(normaliseSerial("I-REC", typed), typed).toBe(want);
    }
    expect(normaliseSerial("I-REC", "0000-0001-0000-0042 TO 0000-0001-0000-0042")).toBe(
      "0000-0001-0000-0042",
    );
    // not an I-REC number: the generic rule still unifies its separators
    expect(normaliseSerial("I-REC", "irec-2026-0001   to  0009")).toBe("IREC-2026-0001 TO 0009");
  });

  it("Verra: the hyphenated VCU block serial, stray spaces removed", () => {
    expect(normaliseSerial("Verra", VCU.toLowerCase())).toBe(VCU);
    expect(
      normaliseSerial(
        "Verra",
        "10345 - 205395082 - 205395181 - VCS-VCU-263-VER-IN-14-1748-01012018-31122018-0",
      ),
    ).toBe(VCU);
  });

  it("Gold Standard: the registry's series-first-last form, also when typed as a range", () => {
    expect(normaliseSerial("Gold Standard", GS.toLowerCase())).toBe(GS);
    expect(normaliseSerial("Gold Standard", "GS1-1-KE-GS2959-12-2019-20211-1 to 250")).toBe(GS);
    expect(
      normaliseSerial(
        "Gold Standard",
        "GS1-1-KE-GS2959-12-2019-20211-1 TO GS1-1-KE-GS2959-12-2019-20211-250",
      ),
    ).toBe(GS);
  });

  it("generic: every range separator is ' TO ', a range of one is that certificate", () => {
    for (const typed of [
      "0001 TO 0500",
      "0001 - 0500",
      "0001-0500",
      "0001 to 0500",
      "0001–0500",
      "0001 -0500",
    ]) {
      expect(normaliseSerial("ACR", typed), typed).toBe("0001 TO 0500");
    }
    expect(normaliseSerial("ACR", "se-2024-000123")).toBe("SE-2024-000123"); // hyphens inside a serial stay
    expect(normaliseSerial("ACR", "SE-TO-5")).toBe("SE-TO-5");
    expect(normaliseSerial("ACR", "0500-0001")).toBe("0500-0001"); // not a range: the second is smaller
    expect(normaliseSerial("ACR", "X-7 to X-7")).toBe("X-7");
    expect(() => normaliseSerial("ACR", "  ")).toThrow(/serial is empty/);
    expect(() => normaliseSerial("ACR", "SE-é")).toThrow(/only printable ASCII/);
  });

  it("is idempotent, and the SDK hashes every spelling of one statement to one serialHash", () => {
    for (const [registry, s] of [
      ["I-REC", "0000-0001-0000-0001 TO 0000-0001-0000-0500"],
      ["Verra", VCU],
      ["Gold Standard", GS],
      ["ACR", "0001 TO 0500"],
    ] as const) {
      expect(normaliseSerial(registry, normaliseSerial(registry, s))).toBe(normaliseSerial(registry, s));
    }
    expect(recordedSerial("irec", "0000000100000001-0000000100000500")).toBe(
      "0000-0001-0000-0001 TO 0000-0001-0000-0500",
    );
    const h = certificateSerialHash("ACR", "0001 TO 0500");
    for (const typed of ["0001 - 0500", "0001-0500", "0001 to 0500"]) {
      expect(certificateSerialHash("American Carbon Registry", typed)).toBe(h);
    }
  });
});

describe("parseSerialRange and rangesOverlap", () => {
  it("reads each registry's format as (series, first, last)", () => {
    expect(parseSerialRange("I-REC", "0000-0001-0000-0001 TO 0000-0001-0000-0500")).toEqual({
      series: "",
      first: 100000001n,
      last: 100000500n,
    });
    expect(parseSerialRange("Verra", VCU)).toEqual({
      series: "VCS-VCU-263-VER-IN-14-1748-01012018-31122018-0",
      first: 205395082n,
      last: 205395181n,
    });
    expect(parseSerialRange("Gold Standard", GS)).toEqual({
      series: "GS1-1-KE-GS2959-12-2019-20211",
      first: 1n,
      last: 250n,
    });
    expect(parseSerialRange("ACR", "SE-2024-000123")).toEqual({
      series: "SE-2024-",
      first: 123n,
      last: 123n,
    });
    expect(parseSerialRange("ACR", "IREC-2026-0001 TO 0009")).toEqual({
      series: "IREC-2026-",
      first: 1n,
      last: 9n,
    });
    expect(parseSerialRange("ACR", "X-1 TO X-9")).toEqual({ series: "X-", first: 1n, last: 9n });
    // not readable as a range
    expect(parseSerialRange("ACR", "X-1 TO Y-9")).toBeNull();
    expect(parseSerialRange("ACR", "IREC-E2E-1764460000 TO 9")).toBeNull();
    expect(parseSerialRange("ACR", "NO-NUMBER")).toBeNull();
  });

  it("finds a sub-range or a crossing range of the same series, not a neighbour or another series", () => {
    const of = (registry: string, s: string) => {
      const r = parseSerialRange(registry, normaliseSerial(registry, s));
      if (!r) throw new Error(`${s} is not a range`);
      return r;
    };
    const irec = of("I-REC", "0000-0001-0000-0001 TO 0000-0001-0000-0500");
    expect(rangesOverlap(irec, of("I-REC", "0000-0001-0000-0001 TO 0000-0001-0000-0250"))).toBe(true);
    expect(rangesOverlap(irec, of("I-REC", "0000-0001-0000-0500 TO 0000-0001-0000-0900"))).toBe(true);
    expect(rangesOverlap(irec, of("I-REC", "0000-0001-0000-0501 TO 0000-0001-0000-0900"))).toBe(false);
    const vcu = of("Verra", VCU);
    expect(rangesOverlap(vcu, of("Verra", VCU.replace("10345-205395082", "10346-205395100")))).toBe(true);
    expect(rangesOverlap(vcu, of("Verra", VCU.replace("01012018-31122018", "01012019-31122019")))).toBe(
      false,
    );
    expect(
      rangesOverlap(of("Gold Standard", GS), of("Gold Standard", "GS1-1-KE-GS2959-12-2019-20211-100-150")),
    ).toBe(true);
    expect(rangesOverlap(of("ACR", "0001 TO 0500"), of("ACR", "0001-0250"))).toBe(true);
    expect(rangesOverlap(of("ACR", "A-0001 TO 0500"), of("ACR", "B-0001-0250"))).toBe(false);
  });
});
