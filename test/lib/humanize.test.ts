import { describe, expect, it } from "vitest";
import {
  formatDuration,
  formatGPerKWh,
  formatKgCO2e,
  formatKWh,
  formatUtc,
  formatUtcDate,
  formatUtcRange,
} from "../../lib/humanize";

// 2025-03-11 08:02:14 UTC: 1741680134 seconds.
const T = 1741680134;

describe("UTC dates, never unix seconds or the reader's zone", () => {
  it("formats a moment, a day and a range", () => {
    expect(formatUtc(T)).toBe("2025-03-11 08:02 UTC");
    expect(formatUtc(BigInt(T), { seconds: true })).toBe("2025-03-11 08:02:14 UTC");
    expect(formatUtc(String(T))).toBe("2025-03-11 08:02 UTC");
    expect(formatUtcDate(T)).toBe("2025-03-11");
    // 23:59:59 UTC is still that day whatever the machine's zone.
    expect(formatUtcDate(1741737599n)).toBe("2025-03-11");
    expect(formatUtcRange(T, T + 3 * 3600)).toBe("2025-03-11 08:02 – 11:02 UTC");
    expect(formatUtcRange(T, T + 86_400)).toBe("2025-03-11 08:02 – 2025-03-12 08:02 UTC");
  });

  it("formats durations and SPEC integers in human units", () => {
    expect(formatDuration(59)).toBe("59 s");
    expect(formatDuration(7 * 86_400)).toBe("7 days");
    expect(formatKWh(1_234_000n)).toBe("1,234 kWh");
    expect(formatKgCO2e(2_500n)).toBe("2.5 kg CO2e");
    expect(formatGPerKWh(392n)).toBe("392 gCO2e/kWh");
  });
});
