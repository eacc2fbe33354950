import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locationEmissionsG } from "../../lib/formulas";
import { Kind, Method } from "../../lib/spec";
import { formatEmissionsG, formatEnergyWh } from "../../lib/units";
import {
  agreesWithPublished,
  type PublishedFootprint,
  parameterCountOf,
  toDemoModel,
} from "../../script/demo/publishedFootprints";

const entries = JSON.parse(
  readFileSync(path.resolve("..", "shared", "fixtures", "published-training-footprints.json"), "utf8"),
) as PublishedFootprint[];
const byName = (name: string) => {
  const entry = entries.find((e) => e.model === name);
  if (!entry) throw new Error(`fixture has no ${name}`);
  return toDemoModel(entry);
};

describe("demo data from published training footprints", () => {
  it("gives GPT-3 exactly as published: 1,287 MWh at 429 g/kWh is 552.1 tCO2e", () => {
    const a = byName("GPT-3 (175B)").attestation;
    expect(a?.energyWh).toBe(1_287_000_000n);
    expect(a?.locationIntensity).toBe(429);
    expect(a?.pueMilli).toBe(1100);
    const grams = locationEmissionsG(a?.energyWh ?? 0n, 429n);
    expect(grams).toBe(552_123_000n);
    expect(formatEmissionsG(grams)).toBe("552.1 tCO2e");
    expect(formatEnergyWh(a?.energyWh ?? 0n, 0)).toBe("1,287 MWh");
  });

  it("registers every entry and attests only those that publish energy", () => {
    const demos = entries.map(toDemoModel);
    expect(demos).toHaveLength(32);
    expect(demos.filter((d) => d.attestation).length).toBe(
      entries.filter((e) => e.energyMWh !== null).length,
    );
    for (const demo of demos) expect(demo.metadata.label).toBe("self-reported from publications");
  });

  it("matches each published total to its precision, or states why not", () => {
    for (const entry of entries) {
      const a = toDemoModel(entry).attestation;
      if (!a) continue;
      const grams = locationEmissionsG(a.energyWh, BigInt(a.locationIntensity));
      const stated = a.derivation.some((d) => d.startsWith("published emissions"));
      expect(agreesWithPublished(grams, entry.emissions_tCO2e) || stated, entry.model).toBe(true);
    }
    // Meena: 232 MWh x 415 g/kWh = 96.28 t, published 96.4 t from unrounded inputs.
    expect(byName("Meena (2.6B)").attestation?.derivation.join(" ")).toMatch(/96\.28 tCO2e/);
  });

  it("derives a missing intensity from published emissions and energy, rounding down", () => {
    const a = byName("TeenyTinyLlama-160m").attestation;
    // 5.6 kg / 15.5 kWh = 361.29 g/kWh
    expect(a?.locationIntensity).toBe(361);
    expect(a?.derivation.join(" ")).toMatch(/derived/);
    expect(a?.method).toBe(Method.SOFTWARE);
  });

  it("attests published training tokens as workUnits of the PRETRAINING attestation (SPEC 4, v1.1)", () => {
    const withTokens = entries.filter((e) => e.trainingTokens != null);
    expect(withTokens).toHaveLength(24);
    for (const entry of withTokens) {
      const demo = toDemoModel(entry);
      expect(demo.metadata.trainingTokens, entry.model).toBe(entry.trainingTokens);
      const a = demo.attestation;
      if (!a) continue; // no published energy: no attestation at all, nothing invented
      expect(a.kind, entry.model).toBe(Kind.PRETRAINING);
      expect(a.workUnits, entry.model).toBe(BigInt(entry.trainingTokens ?? 0));
      expect(a.workUnitsSource, entry.model).toContain(entry.trainingTokensSource ?? "?");
      expect(a.derivation.join(" "), entry.model).toContain(
        `workUnits = ${entry.trainingTokens} training tokens`,
      );
    }
    expect(byName("GPT-3 (175B)").attestation?.workUnits).toBe(300_000_000_000n);
    const none = byName("Evolved Transformer NAS").attestation;
    expect(none?.workUnits).toBe(0n);
    expect(none?.workUnitsSource).toBeNull();
  });

  it("records fine-tunes as FINETUNING", () => {
    expect(byName("Aira-2-1B1 (fine-tune of TinyLlama-1.1B)").attestation?.kind).toBe(Kind.FINETUNING);
    expect(byName("LLaMA-65B").attestation?.kind).toBe(Kind.PRETRAINING);
  });

  it("reads parameter counts from model names", () => {
    expect(parameterCountOf("T5 (11B)")).toBe(11_000_000_000n);
    expect(parameterCountOf("Meena (2.6B)")).toBe(2_600_000_000n);
    expect(parameterCountOf("TeenyTinyLlama-160m")).toBe(160_000_000n);
    expect(parameterCountOf("GShard-600B")).toBe(600_000_000_000n);
    expect(parameterCountOf("Llama 4 Scout")).toBe(109_000_000_000n);
    expect(parameterCountOf("Evolved Transformer NAS")).toBe(0n);
  });
});
