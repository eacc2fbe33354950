import { describe, expect, it } from "vitest";
import { canonicalBytes, canonicalize, JcsError, type JsonValue } from "../../../lib/evidence/jcs";

/** IEEE 754 double from its 16 hex digits (RFC 8785 Appendix B lists inputs this way). */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe("RFC 8785 JCS", () => {
  it("section 3.2.2 example: number forms, string escaping, literals, key order", () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        '"literals": [null, true, false]}',
    ) as JsonValue;
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it("section 3.2.3 example: keys sorted by UTF-16 code units", () => {
    const input: JsonValue = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    expect(canonicalize(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
        '"€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it("section 3.2.4 example: UTF-8 bytes", () => {
    const bytes = canonicalBytes({ "Unnormalized Unicode": "A\u030a" });
    const hex = Buffer.from(bytes).toString("hex");
    // the RFC's byte listing: U+030A encodes as cc 8a, no Unicode normalisation
    expect(hex).toBe("7b22556e6e6f726d616c697a656420556e69636f6465223a2241cc8a227d");
  });

  it("Appendix B number serialisation", () => {
    const cases: Array<[string, string]> = [
      ["0000000000000000", "0"],
      ["8000000000000000", "0"],
      ["0000000000000001", "5e-324"],
      ["8000000000000001", "-5e-324"],
      ["7fefffffffffffff", "1.7976931348623157e+308"],
      ["ffefffffffffffff", "-1.7976931348623157e+308"],
      ["4340000000000000", "9007199254740992"],
      ["c340000000000000", "-9007199254740992"],
      ["4430000000000000", "295147905179352830000"],
      ["44b52d02c7e14af5", "9.999999999999997e+22"],
      ["44b52d02c7e14af6", "1e+23"],
      ["44b52d02c7e14af7", "1.0000000000000001e+23"],
      ["444b1ae4d6e2ef4e", "999999999999999700000"],
      ["444b1ae4d6e2ef4f", "999999999999999900000"],
      ["444b1ae4d6e2ef50", "1e+21"],
      ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
      ["3eb0c6f7a0b5ed8d", "0.000001"],
      ["41b3de4355555553", "333333333.3333332"],
      ["41b3de4355555554", "333333333.33333325"],
      ["41b3de4355555555", "333333333.3333333"],
      ["41b3de4355555556", "333333333.3333334"],
      ["41b3de4355555557", "333333333.33333343"],
      ["becbf647612f3696", "-0.0000033333333333333333"],
      ["43143ff3c1cb0959", "1424953923781206.2"],
    ];
    for (const [bits, out] of cases) expect(canonicalize(fromBits(bits))).toBe(out);
  });

  it("rejects NaN and Infinity (Appendix B), bigint and lone surrogates", () => {
    expect(() => canonicalize(fromBits("7fffffffffffffff"))).toThrow(JcsError);
    expect(() => canonicalize(fromBits("7ff0000000000000"))).toThrow(/Infinity is not a JSON number/);
    expect(() => canonicalize({ a: 1n })).toThrow(/bigint/);
    expect(() => canonicalize("\ud800x")).toThrow(/lone surrogate/);
  });

  it("nests, drops undefined members, keeps array order, no whitespace", () => {
    expect(canonicalize({ b: [3, { z: 1, a: "x" }], a: undefined, c: {} })).toBe(
      '{"b":[3,{"a":"x","z":1}],"c":{}}',
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalize(cyclic)).toThrow(/circular/);
  });
});
