import { describe, expect, it } from "vitest";
import {
  alpha3ToAlpha2,
  countryToAlpha2,
  resolveRegion,
  subdivisionCode,
} from "../../../lib/importers/regions";

describe("ISO 3166 mapping of CodeCarbon locations", () => {
  it("maps every alpha-3 code in the fixtures", () => {
    const codes = ["USA", "FRA", "ITA", "HKG", "CAN", "IDN", "BGD", "GBR", "DEU", "SGP"];
    expect(codes.map(alpha3ToAlpha2)).toEqual(["US", "FR", "IT", "HK", "CA", "ID", "BD", "GB", "DE", "SG"]);
    expect(alpha3ToAlpha2("XXX")).toBeNull();
  });

  it("keeps alpha-2 codes and falls back to country names", () => {
    expect(countryToAlpha2("ID")).toBe("ID");
    expect(countryToAlpha2("", "Indonesia")).toBe("ID");
    expect(countryToAlpha2("", "United States")).toBe("US");
    expect(countryToAlpha2("", "Atlantis")).toBeNull();
  });

  it("maps region names to ISO 3166-2 subdivisions where reliable", () => {
    expect(subdivisionCode("CA", "quebec")).toBe("CA-QC");
    expect(subdivisionCode("CA", "Québec")).toBe("CA-QC");
    expect(subdivisionCode("US", "new york")).toBe("US-NY");
    expect(subdivisionCode("US", "Iowa")).toBe("US-IA");
    expect(subdivisionCode("US", "massachusetts")).toBe("US-MA");
    expect(subdivisionCode("IT", "molise")).toBe("IT-67");
    expect(subdivisionCode("IT", "campania")).toBe("IT-72");
    expect(subdivisionCode("IT", "lombardy")).toBe("IT-25");
    expect(subdivisionCode("FR", "ile de france")).toBeNull();
  });

  it("falls back to the country when the region is unknown or empty", () => {
    expect(resolveRegion("USA", "United States", "new york")).toEqual({
      country: "US",
      subdivision: "US-NY",
      region: "US-NY",
    });
    expect(resolveRegion("FRA", "France", "")).toEqual({ country: "FR", subdivision: null, region: "FR" });
    expect(resolveRegion("", "", "somewhere")).toEqual({ country: null, subdivision: null, region: null });
  });
});
