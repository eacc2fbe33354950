// The CodeCarbon importer on every real fixture: figures against an independent reference, and each
// file's quirks.
import { describe, expect, it } from "vitest";
import { aggregateRuns, type CodeCarbonImport, parseCodeCarbonCsv } from "../../../lib/importers/codecarbon";
import { Method } from "../../../lib/spec";
import { readFixture } from "../fixtures";

const load = (name: string): CodeCarbonImport => parseCodeCarbonCsv(readFixture(`codecarbon/${name}`));

/**
 * Expected figures for every fixture, all runs aggregated. Computed independently in
 * python3 (csv module + fractions.Fraction, reference script in
 * test/lib/importers/codecarbon_reference.py): per run the last row counts; energyWh = floor(Σ kWh × 1000); emissionsG =
 * floor(Σ kg × 1000); intensity = round-half-up(Σ kg × 1000 / Σ kWh); start = min(ts −
 * ceil(duration)); end = max(ts) (timestamps as UTC); acceleratorHours = floor(Σ
 * gpu_count × duration / 3600) (empty gpu_count on CPU-only rows = 0); pueMilli =
 * floor(Σ kWh × pue × 1000 / Σ kWh).
 */
const EXPECTED = {
  "06202003__s-sparc.csv": {
    layout: "3.1",
    rows: 200,
    runs: 200,
    energyWh: 3879n,
    emissionsG: 2621n,
    intensity: 676n,
    start: 1763856653n,
    end: 1764618075n,
    accH: 13n,
    pue: 1043n,
    region: "ID",
  },
  "Abir9288__green-ai-energy-efficient-ml.csv": {
    layout: "3.2+",
    rows: 1,
    runs: 1,
    energyWh: 4n,
    emissionsG: 3n,
    intensity: 691n,
    start: 1767474405n,
    end: 1767474448n,
    accH: 0n,
    pue: 1000n,
    region: "BD",
  },
  "Adiba08__GreeNERE.csv": {
    layout: "1.x",
    rows: 16,
    runs: 16,
    energyWh: 35n,
    emissionsG: 7n,
    intensity: 210n,
    start: 1638390722n,
    end: 1638488719n,
    accH: null,
    pue: 1000n,
    region: "US-NY",
  },
  "AlessandraParziale__SATD-empirical-comparison.csv": {
    layout: "3.2+",
    rows: 2,
    runs: 2,
    energyWh: 78n,
    emissionsG: 26n,
    intensity: 331n,
    start: 1770889509n,
    end: 1770891156n,
    accH: 0n,
    pue: 1000n,
    region: "IT-72",
  },
  "Ambroise012__EnergyTracker.csv": {
    layout: "2.3-2.6",
    rows: 46,
    runs: 46,
    energyWh: 79n,
    emissionsG: 0n,
    intensity: 2n,
    start: 1717066910n,
    end: 1717069392n,
    accH: 0n,
    pue: 1000n,
    region: "CA-QC",
  },
  "ArkNightmaster__AIRA.csv": {
    layout: "2.7-3.0",
    rows: 37,
    runs: 37,
    energyWh: 4795n,
    emissionsG: 3231n,
    intensity: 674n,
    start: 1748566197n,
    end: 1760720463n,
    accH: 9n,
    pue: 1000n,
    region: "HK",
  },
  "AzimovS__auto-scalers-energy-consumption.csv": {
    layout: "2.3-2.6",
    rows: 199,
    runs: 1,
    energyWh: 26n,
    emissionsG: 9n,
    intensity: 341n,
    start: 1702416459n,
    end: 1702418452n,
    accH: 0n,
    pue: 1000n,
    region: "IT-67",
  },
  "Dodoboulistick__datachallenge-django.csv": {
    layout: "2.0-2.1",
    rows: 81,
    runs: 81,
    energyWh: 28n,
    emissionsG: 1n,
    intensity: 55n,
    start: 1670095428n,
    end: 1670169698n,
    accH: 1n,
    pue: 1000n,
    region: "FR",
  },
  "FNNDSC__pypx-repack-codecarbon-datalad.csv": {
    layout: "2.2",
    rows: 2,
    runs: 2,
    energyWh: 1455n,
    emissionsG: 542n,
    intensity: 373n,
    start: 1690169105n,
    end: 1690186876n,
    accH: 4n,
    pue: 1000n,
    region: "US-MA",
  },
  "huggingface__peft.csv": {
    layout: "1.x",
    rows: 3,
    runs: 3,
    energyWh: 1n,
    emissionsG: 0n,
    intensity: 566n,
    start: 1690825402n,
    end: 1698666514n,
    accH: null,
    pue: 1000n,
    region: "US-IA",
  },
} as const;

describe("CodeCarbon importer: every fixture", () => {
  for (const [name, x] of Object.entries(EXPECTED)) {
    it(`${name}: ${x.rows} rows, ${x.runs} runs, ${x.energyWh} Wh at ${x.intensity} g/kWh`, () => {
      const imp = load(name);
      expect(imp.layout).toBe(x.layout);
      expect(imp.rows.length).toBe(x.rows);
      expect(imp.runs.length).toBe(x.runs);
      const a = aggregateRuns(imp.runs);
      expect(a.energyWh).toBe(x.energyWh);
      expect(a.emissionsG).toBe(x.emissionsG);
      expect(a.locationIntensity).toBe(x.intensity);
      expect(a.periodStart).toBe(x.start);
      expect(a.periodEnd).toBe(x.end);
      expect(a.acceleratorHoursKnown).toBe(x.accH !== null);
      expect(a.acceleratorHours).toBe(x.accH ?? 0n);
      expect(a.pueMilli).toBe(x.pue);
      expect(a.region).toBe(x.region);
      expect(a.method).toBe(Method.SOFTWARE);
    });
  }
});

describe("CodeCarbon importer: fixture quirks", () => {
  it("AzimovS: 199 cumulative rows of one run count once (last row), not summed", () => {
    const imp = load("AzimovS__auto-scalers-energy-consumption.csv");
    const run = imp.runs[0];
    expect(run?.rows.length).toBe(199);
    expect(run?.energyKWh).toBe("0.026839209879868518");
    expect(run?.energyWh).toBe(26n); // the naive sum of the column is 2.68 kWh
    expect(run?.duration).toBe("1992.2314162254333");
    expect(run?.hardware).toEqual({
      cpuModel: "Apple M2 Pro",
      cpuCount: 10,
      gpuModel: null,
      gpuCount: 0,
      gpusInstalled: null,
    });
    expect(imp.warnings.some((w) => w.code === "NOT_CUMULATIVE")).toBe(false);
  });

  it("Adiba08 (1.x, CRLF): runs by experiment_id, New York, no hardware", () => {
    const imp = load("Adiba08__GreeNERE.csv");
    expect(imp.groupBy).toBe("experiment_id");
    const long = imp.runs.find((r) => Number(r.duration) > 5000);
    expect(long?.duration).toBe("5548.089854955673"); // the one long run (fixtures README)
    expect(imp.runs[0]?.runId).toBe("1390fe93-3b7a-4cea-93fd-ba87c321d593");
    expect(imp.runs[0]?.country).toBe("US");
    expect(imp.runs[0]?.region).toBe("US-NY");
    expect(imp.runs[0]?.hardware.gpuCount).toBeNull();
    expect(imp.columns.at(-1)).toBe("cloud_region"); // no stray \r in the last header name
  });

  it("huggingface/peft: cloud gcp us-central1, Iowa", () => {
    const run = load("huggingface__peft.csv").runs[0];
    expect(run?.onCloud).toBe(true);
    expect(run?.cloudProvider).toBe("gcp");
    expect(run?.cloudRegion).toBe("us-central1");
    expect(run?.region).toBe("US-IA");
    // 0.00016108967602305926 kg / 0.0002844599611920524 kWh = 566.3 g/kWh → 566
    expect(run?.intensity).toBe(566n);
  });

  it("Dodoboulistick: skips the malformed N,,,, row at line 82 and reads float counts", () => {
    const imp = load("Dodoboulistick__datachallenge-django.csv");
    const skipped = imp.warnings.filter((w) => w.code === "SKIPPED_ROW");
    expect(skipped.map((w) => w.line)).toEqual([82]);
    expect(skipped[0]?.message).toMatch(/line 82/);
    expect(imp.runs[0]?.hardware.cpuCount).toBe(8);
    expect(imp.runs[0]?.hardware.gpuCount).toBe(1);
    expect(imp.runs[0]?.region).toBe("FR");
  });

  it("FNNDSC: Massachusetts, GPU at 0 W flagged, 1.451 kWh run", () => {
    const imp = load("FNNDSC__pypx-repack-codecarbon-datalad.csv");
    expect(imp.versions).toEqual(["2.2.2"]);
    expect(imp.runs[1]?.energyWh).toBe(1451n);
    expect(imp.runs[1]?.projectName).toBe("pypx-repack");
    expect(imp.warnings.filter((w) => w.code === "GPU_NOT_MEASURED").length).toBe(2);
  });

  it("Ambroise012: space-padded header and values, Quebec at about 2.4 g/kWh", () => {
    const imp = load("Ambroise012__EnergyTracker.csv");
    expect(imp.columns[0]).toBe("timestamp");
    const run = imp.runs[0];
    expect(run?.runId).toBe("40ab1869-d3d5-4d05-bcdc-067229652536");
    expect(run?.duration).toBe("106.18328142166138");
    expect(run?.hardware.cpuCount).toBe(8);
    expect(run?.hardware.gpuModel).toBe("1 x Tesla V100-PCIE-32GB");
    expect(run?.region).toBe("CA-QC");
    expect(run?.intensity).toBe(2n);
    expect(run?.pue).toBe("1.0");
  });

  it("ArkNightmaster/AIRA: mixed versions, HKG + Quebec, tracked vs installed GPUs, rank rows", () => {
    const imp = load("ArkNightmaster__AIRA.csv");
    expect(imp.versions).toEqual(["2.8.3", "3.0.7"]);
    expect(imp.warnings.some((w) => w.code === "MIXED_VERSIONS")).toBe(true);
    expect(imp.runs[0]?.hardware).toMatchObject({
      gpuModel: "8 x NVIDIA H20",
      gpuCount: 1,
      gpusInstalled: 8,
    });
    expect(new Set(imp.runs.map((r) => r.region))).toEqual(new Set(["HK", "CA-QC"]));
    expect(imp.warnings.filter((w) => w.code === "SAME_TIMESTAMP").length).toBe(5);
    expect(aggregateRuns(imp.runs).warnings.some((w) => /several regions/.test(w))).toBe(true);
  });

  it("s-sparc: ID rows use the world average 475 g/kWh, mixed PUE 1.12 / 1.0", () => {
    const imp = load("06202003__s-sparc.csv");
    expect(imp.runs.slice(0, 3).map((r) => r.intensity)).toEqual([475n, 475n, 475n]);
    expect(imp.runs[3]?.intensity).toBe(676n);
    expect(imp.warnings.filter((w) => w.code === "WORLD_AVERAGE").map((w) => w.line)).toEqual([2, 3, 4]);
    expect(imp.runs[0]?.pue).toBe("1.12");
    expect(imp.warnings.some((w) => w.code === "IMPLAUSIBLE_CPU_POWER")).toBe(true);
    // only the PUE 1.0 runs: pueMilli 1000
    const a = aggregateRuns(imp.runs.filter((r) => r.pue === "1.0"));
    expect(a.pueMilli).toBe(1000n);
    expect(aggregateRuns(imp.runs.slice(0, 1)).pueMilli).toBe(1120n);
  });

  it("Abir9288: single CPU-only row in Bangladesh, implausible CPU power flagged", () => {
    const imp = load("Abir9288__green-ai-energy-efficient-ml.csv");
    expect(imp.runs[0]?.hardware.gpuCount).toBe(0);
    expect(imp.runs[0]?.country).toBe("BD");
    const w = imp.warnings.find((x) => x.code === "IMPLAUSIBLE_CPU_POWER");
    expect(w?.message).toMatch(/390\.0 W/);
  });

  it("AlessandraParziale: cloud columns at the end matched by name, non-UUID experiment id", () => {
    const imp = load("AlessandraParziale__SATD-empirical-comparison.csv");
    expect(imp.columns.slice(-2)).toEqual(["cloud_provider", "cloud_region"]);
    expect(imp.runs.map((r) => r.projectName)).toEqual(["codecarbon", "ML"]);
    expect(imp.runs[1]?.experimentId).toBe("Binary_LazyPredict_Top_5");
    expect(imp.runs[0]?.region).toBe("IT-72");
    expect(imp.runs[1]?.region).toBe("IT");
    expect(imp.runs[0]?.cloudProvider).toBeNull();
    expect(imp.runs[0]?.hardware.gpuCount).toBe(2);
    // 2 GPUs × (869.5979573999939 + 70.55008389998693) s = 1880.3 GPU-s → 0 h
    expect(aggregateRuns(imp.runs).acceleratorHours).toBe(0n);
  });
});
