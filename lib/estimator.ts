// The ESTIMATE method of SPEC section 4: hardware TDP x hours x PUE, with the grid intensity of
// a cloud region or a country. Every figure in these tables names its source and year; users
// can always enter their own value with its source instead.
import { BOUNDS } from "./spec";

export interface Accelerator {
  id: string;
  name: string;
  /** Thermal design power per device, watts. */
  tdpW: number;
  source: string;
}

/** Board power (TDP / max TGP) from the vendors' data sheets and Patterson et al. 2021. */
export const ACCELERATORS: readonly Accelerator[] = [
  {
    id: "h100-sxm",
    name: "NVIDIA H100 SXM5 80GB",
    tdpW: 700,
    source: "NVIDIA H100 Tensor Core GPU data sheet (2023)",
  },
  {
    id: "h100-pcie",
    name: "NVIDIA H100 PCIe 80GB",
    tdpW: 350,
    source: "NVIDIA H100 Tensor Core GPU data sheet (2023)",
  },
  {
    id: "a100-sxm",
    name: "NVIDIA A100 SXM4 80GB",
    tdpW: 400,
    source: "NVIDIA A100 Tensor Core GPU data sheet (2021)",
  },
  {
    id: "a100-pcie",
    name: "NVIDIA A100 PCIe 80GB",
    tdpW: 300,
    source: "NVIDIA A100 Tensor Core GPU data sheet (2021)",
  },
  { id: "l40s", name: "NVIDIA L40S", tdpW: 350, source: "NVIDIA L40S data sheet (2023)" },
  { id: "a10", name: "NVIDIA A10", tdpW: 150, source: "NVIDIA A10 Tensor Core GPU data sheet (2021)" },
  { id: "l4", name: "NVIDIA L4", tdpW: 72, source: "NVIDIA L4 Tensor Core GPU data sheet (2023)" },
  { id: "t4", name: "NVIDIA T4", tdpW: 70, source: "NVIDIA T4 Tensor Core GPU data sheet (2019)" },
  {
    id: "v100-sxm",
    name: "NVIDIA V100 SXM2",
    tdpW: 300,
    source: "NVIDIA V100 Tensor Core GPU data sheet (2020)",
  },
  {
    id: "v100-pcie",
    name: "NVIDIA V100 PCIe",
    tdpW: 250,
    source: "NVIDIA V100 Tensor Core GPU data sheet (2020)",
  },
  {
    id: "rtx4090",
    name: "NVIDIA GeForce RTX 4090",
    tdpW: 450,
    source: "NVIDIA GeForce RTX 4090 specifications (2022)",
  },
  { id: "tpu-v3", name: "Google TPU v3", tdpW: 450, source: "Patterson et al. 2021, Table 4 (TDP per chip)" },
  { id: "tpu-v2", name: "Google TPU v2", tdpW: 280, source: "Patterson et al. 2021, Table 4 (TDP per chip)" },
];

export interface GridRegion {
  id: string;
  name: string;
  /** ISO 3166 code of the grid (SPEC region). */
  region: string;
  intensity: number;
  source: string;
}

const GOOGLE = "Google Cloud region carbon data, via CodeCarbon data/cloud/impact.csv";
const EGRID = "US EPA eGRID, via CodeCarbon data/cloud/impact.csv";

/** Cloud regions' location-based grid intensity (gCO2e/kWh). */
export const GRID_REGIONS: readonly GridRegion[] = [
  { id: "gcp:us-central1", name: "GCP us-central1 (Iowa)", region: "US-IA", intensity: 105, source: GOOGLE },
  {
    id: "gcp:us-east1",
    name: "GCP us-east1 (South Carolina)",
    region: "US-SC",
    intensity: 405,
    source: GOOGLE,
  },
  { id: "gcp:us-east4", name: "GCP us-east4 (N. Virginia)", region: "US-VA", intensity: 226, source: GOOGLE },
  { id: "gcp:us-west1", name: "GCP us-west1 (Oregon)", region: "US-OR", intensity: 12, source: GOOGLE },
  { id: "gcp:us-west2", name: "GCP us-west2 (Los Angeles)", region: "US-CA", intensity: 111, source: GOOGLE },
  {
    id: "gcp:europe-north1",
    name: "GCP europe-north1 (Finland)",
    region: "FI",
    intensity: 41,
    source: GOOGLE,
  },
  { id: "gcp:europe-west1", name: "GCP europe-west1 (Belgium)", region: "BE", intensity: 62, source: GOOGLE },
  {
    id: "gcp:europe-west3",
    name: "GCP europe-west3 (Frankfurt)",
    region: "DE",
    intensity: 124,
    source: GOOGLE,
  },
  {
    id: "gcp:europe-west4",
    name: "GCP europe-west4 (Netherlands)",
    region: "NL",
    intensity: 184,
    source: GOOGLE,
  },
  { id: "gcp:europe-west6", name: "GCP europe-west6 (Zürich)", region: "CH", intensity: 29, source: GOOGLE },
  { id: "gcp:asia-east1", name: "GCP asia-east1 (Taiwan)", region: "TW", intensity: 438, source: GOOGLE },
  {
    id: "gcp:asia-northeast1",
    name: "GCP asia-northeast1 (Tokyo)",
    region: "JP",
    intensity: 524,
    source: GOOGLE,
  },
  { id: "gcp:asia-south1", name: "GCP asia-south1 (Mumbai)", region: "IN", intensity: 723, source: GOOGLE },
  {
    id: "gcp:asia-southeast1",
    name: "GCP asia-southeast1 (Singapore)",
    region: "SG",
    intensity: 478,
    source: GOOGLE,
  },
  {
    id: "gcp:southamerica-east1",
    name: "GCP southamerica-east1 (São Paulo)",
    region: "BR",
    intensity: 14,
    source: GOOGLE,
  },
  {
    id: "aws:us-east-1",
    name: "AWS us-east-1 (N. Virginia)",
    region: "US-VA",
    intensity: 367,
    source: EGRID,
  },
  { id: "aws:us-east-2", name: "AWS us-east-2 (Ohio)", region: "US-OH", intensity: 568, source: EGRID },
  { id: "aws:us-west-2", name: "AWS us-west-2 (Oregon)", region: "US-OR", intensity: 297, source: EGRID },
  {
    id: "aws:ca-central-1",
    name: "AWS ca-central-1 (Montréal)",
    region: "CA-QC",
    intensity: 20,
    source: "Hydro-Québec, via CodeCarbon data/cloud/impact.csv",
  },
  { id: "azure:eastus", name: "Azure East US (Virginia)", region: "US-VA", intensity: 367, source: EGRID },
  {
    id: "azure:southcentralus",
    name: "Azure South Central US (Texas)",
    region: "US-TX",
    intensity: 460,
    source: EGRID,
  },
  {
    id: "world",
    name: "World average (CodeCarbon's fallback)",
    region: "",
    intensity: 475,
    source: "CodeCarbon world average, the SPEC's baseline",
  },
];

export interface EstimateInput {
  tdpW: number;
  count: number;
  hours: number;
  /** PUE in thousandths (1000..5000). */
  pueMilli: number;
}

export interface Estimate {
  energyWh: bigint;
  acceleratorHours: bigint;
}

/**
 * energyWh = TDP (W) x devices x hours x PUE. Hours may be fractional (entered in the form as
 * decimals); the product is rounded down to whole Wh, as every SPEC division is.
 */
export function estimateEnergy(input: EstimateInput): Estimate {
  const problems: string[] = [];
  if (!Number.isInteger(input.tdpW) || input.tdpW <= 0)
    problems.push(`TDP must be a positive whole number of watts (got ${input.tdpW}).`);
  if (!Number.isInteger(input.count) || input.count <= 0)
    problems.push(`Device count must be a positive whole number (got ${input.count}).`);
  if (!Number.isFinite(input.hours) || input.hours <= 0)
    problems.push(`Hours must be greater than 0 (got ${input.hours}).`);
  if (
    !Number.isInteger(input.pueMilli) ||
    BigInt(input.pueMilli) < BOUNDS.PUE_MIN ||
    BigInt(input.pueMilli) > BOUNDS.PUE_MAX
  ) {
    problems.push(`PUE must be between 1.000 and 5.000 (got ${input.pueMilli / 1000}).`);
  }
  if (problems.length > 0) throw new RangeError(problems.join(" "));
  // Hours as thousandths of an hour keep the arithmetic in integers.
  const milliHours = BigInt(Math.round(input.hours * 1000));
  const energyWh =
    (BigInt(input.tdpW) * BigInt(input.count) * milliHours * BigInt(input.pueMilli)) / 1_000_000n;
  return { energyWh, acceleratorHours: (BigInt(input.count) * milliHours) / 1000n };
}
