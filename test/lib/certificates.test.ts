import { describe, expect, it } from "vitest";
import {
  canonicalIssuer,
  canonicalSerial,
  certificateRegistryName,
  certificateSerialHash,
  GreenprintValidationError,
} from "../../lib/client";

// SPEC 8 v1.1 and review finding L-1: every spelling of one certificate maps to one (registry, serial) pair.
describe("certificate normalisation", () => {
  it("maps known spellings of an issuing registry to its one label", () => {
    for (const s of ["Gold Standard", " gold  standard ", "GS", "gold-standard", "GS4GG"]) {
      expect(canonicalIssuer(s)).toBe("Gold Standard");
    }
    for (const s of ["I-REC", "irec", "I-REC Standard", "i rec"]) expect(canonicalIssuer(s)).toBe("I-REC");
    expect(canonicalIssuer("VCS")).toBe("Verra");
    // unknown names pass through trimmed: the contract accepts them only if governance added them
    expect(canonicalIssuer("  Isometric ")).toBe("Isometric");
    expect(() => canonicalIssuer("  ")).toThrow(GreenprintValidationError);
    expect(() => certificateRegistryName("x".repeat(33))).toThrow(/longer than 32 bytes/);
  });

  it("sends serials in the canonical form the contract requires", () => {
    expect(canonicalSerial("  se-2024-000123 ")).toBe("SE-2024-000123");
    expect(canonicalSerial("0001\tto   0009")).toBe("0001 TO 0009");
    expect(() => canonicalSerial("   ")).toThrow(/serial is empty/);
    expect(() => canonicalSerial("SE-é")).toThrow(/only printable ASCII/);
  });

  it("hashes every spelling of one certificate to one serialHash", () => {
    const h = certificateSerialHash("I-REC", "SE-1 TO 9");
    expect(certificateSerialHash(" irec", "se-1   to 9 ")).toBe(h);
    expect(certificateSerialHash("Verra", "SE-1 TO 9")).not.toBe(h);
    // keccak256(abi.encode(bytes32("I-REC"), "SE-1 TO 9")) computed independently with Foundry:
    // cast keccak $(cast abi-encode "f(bytes32,string)" $(cast format-bytes32-string I-REC) "SE-1 TO 9")
    expect(h).toBe("0xaeb382c91a6afed9e8e0f4b8409c61f572af7e03174074b9f2df09a00a3c0acd");
  });
});
