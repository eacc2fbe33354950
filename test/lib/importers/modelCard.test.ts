import { describe, expect, it } from "vitest";
import { ModelCardImportError, parseModelCard, splitFrontMatter } from "../../../lib/importers/modelCard";
import { Kind } from "../../../lib/spec";
import { readFixture } from "../fixtures";

const card = (name: string) => parseModelCard(readFixture(`model-cards/${name}`));
const codes = (r: { warnings: { code: string }[] }) => r.warnings.map((w) => w.code);

describe("model-card fixtures", () => {
  it("Wenxin-Jiang/CS577-NLP: plain number in grams (AutoTrain)", () => {
    const r = card("Wenxin-Jiang__CS577-NLP.yaml");
    expect(r.form).toBe("number");
    // 583.728921803621 g rounded down
    expect(r.emissionsG).toBe(583n);
    expect(r.emissionsRaw).toBe("583.728921803621");
    expect(r.source).toBeNull();
    expect(codes(r)).toEqual(["ROUNDED"]);
  });

  it("Nkluge-correa/Aira: full mapping, fine-tuning in Singapore, no warnings", () => {
    const r = card("Nkluge-correa__Aira.yaml");
    expect(r).toMatchObject({
      form: "mapping",
      emissionsG: 1710n,
      source: "CodeCarbon",
      trainingType: "fine-tuning",
      kind: Kind.FINETUNING,
      geographicalLocation: "Singapore",
      country: "SG",
      hardwareUsed: "NVIDIA A100-SXM4-40GB",
      emissionsGIfKg: null,
    });
    expect(r.warnings).toEqual([]);
  });

  it("Nkluge-correa/TeenyTinyLlama: 5.6 is kept as grams but flagged as likely kg", () => {
    const r = card("Nkluge-correa__TeenyTinyLlama.yaml");
    expect(r.kind).toBe(Kind.PRETRAINING);
    expect(r.emissionsG).toBe(5n); // not silently converted
    expect(r.emissionsGIfKg).toBe(5600n); // the value fixed upstream in commit 41dd04db
    expect(codes(r)).toContain("LIKELY_KG");
    expect(r.country).toBe("DE");
    expect(r.modelName).toBe("TeenyTinyLlama-160m");
  });

  it("gonzalo-cordova-pou/TextMood: list form, unit in string, key with a space", () => {
    const r = card("gonzalo-cordova-pou__TextMood.yaml");
    expect(r.form).toBe("list");
    expect(r.emissionsRaw).toBe("1.2g CO2");
    expect(r.emissionsG).toBe(1n); // 1.2 g rounded down; the unit is explicit, so no kg warning
    expect(r.hardwareUsed).toBe("12 CPU (i7-9750H CPU @ 2.60GHz)");
    expect(r.geographicalLocation).toBe("Barcelona");
    expect(r.country).toBeNull();
    expect(codes(r)).toEqual(["LIST_FORM", "NONSTANDARD_KEY", "UNIT_IN_STRING"]);
  });

  it("huggingface/hub-docs: the documented example with quoted strings", () => {
    const r = card("huggingface__hub-docs.yaml");
    expect(r).toMatchObject({
      form: "mapping",
      emissionsG: 123n,
      emissionsRaw: "123.45",
      source: "CodeCarbon",
      trainingType: "pre-training",
      geographicalLocation: "US-East",
      hardwareUsed: "8xA100 GPUs",
    });
    // 123.45 g for pre-training on 8 A100s is under the 1 kg plausibility floor
    expect(codes(r)).toEqual(["ROUNDED", "LIKELY_KG"]);
  });
});

describe("model-card forms and errors", () => {
  it("reads a whole README with --- delimiters and uses its prose for the kg check", () => {
    const readme = [
      "---",
      "license: apache-2.0",
      "co2_eq_emissions:",
      "  emissions: 5.6",
      "  training_type: fine-tuning",
      "---",
      "# Model",
      "Training emitted 5.6 KgCO2 in total.",
    ].join("\r\n");
    expect(splitFrontMatter(readme).body).toContain("# Model");
    const r = parseModelCard(readme);
    expect(r.emissionsG).toBe(5n);
    expect(r.warnings.find((w) => w.code === "LIKELY_KG")?.message).toMatch(
      /the card's text states 5\.6 KgCO2/,
    );
  });

  it("accepts the short form and explicit kg strings", () => {
    expect(parseModelCard("co2_eq_emissions:\n  emissions: 1.2345\n").emissionsG).toBe(1n);
    const kg = parseModelCard('co2_eq_emissions:\n  emissions: "1.71 kg"\n');
    expect(kg.emissionsG).toBe(1710n);
    expect(codes(kg)).toEqual(["UNIT_IN_STRING"]);
  });

  it("TBD, misspelled and extended keys", () => {
    const r = parseModelCard(
      "co2_eq_emissions:\n  emissions: TBD\n  source: CarbonTracker\n  geographic_location: Denmark\n  power_consumption: 1.2 kWh\n",
    );
    expect(r.emissionsG).toBeNull();
    expect(r.geographicalLocation).toBe("Denmark");
    expect(r.country).toBe("DK");
    expect(r.extra).toEqual({ power_consumption: "1.2 kWh" });
    expect(codes(r)).toEqual(["NONSTANDARD_KEY", "UNKNOWN_KEY", "NOT_A_NUMBER"]);
  });

  it("fails clearly on empty text, invalid YAML, no metadata and no co2_eq_emissions", () => {
    const err = (t: string) => {
      try {
        parseModelCard(t);
      } catch (e) {
        return e instanceof ModelCardImportError ? e.code : "other";
      }
      return "none";
    };
    expect(err("  ")).toBe("EMPTY");
    expect(err("---\nco2_eq_emissions: [1, \n---\n")).toBe("INVALID_YAML");
    expect(err("# Just a heading\n\nSome prose.")).toBe("NO_METADATA");
    expect(err("---\nlicense: mit\n---\n# Model")).toBe("NO_CO2");
  });
});
