/** Types and errors of the CodeCarbon importer (see codecarbon.ts). */

/** Largest file the importer accepts, bytes (20 MiB). */
export const MAX_CODECARBON_FILE_BYTES = 20 * 1024 * 1024;

/** Kinds of import failure. */
export type CodeCarbonErrorCode =
  | "EMPTY"
  | "TOO_LARGE"
  | "LFS_POINTER"
  | "CSV_SYNTAX"
  | "NOT_CODECARBON"
  | "MISSING_COLUMNS"
  | "INVALID_VALUE"
  | "NO_ROWS";

/** Thrown when a file cannot be imported; `line`/`column` locate bad values. */
export class CodeCarbonImportError extends Error {
  constructor(
    readonly code: CodeCarbonErrorCode,
    message: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super(message);
    this.name = "CodeCarbonImportError";
  }
}

/** A non-fatal finding; `line` is the 1-based line in the file when it concerns one row. */
export interface CodeCarbonWarning {
  code:
    | "SKIPPED_ROW"
    | "CSV_FORMAT"
    | "NO_TIMEZONE"
    | "NOT_CUMULATIVE"
    | "MIXED_VERSIONS"
    | "WORLD_AVERAGE"
    | "IMPLAUSIBLE_CPU_POWER"
    | "GPU_NOT_MEASURED"
    | "SAME_TIMESTAMP"
    | "GPU_COUNT_MISMATCH"
    | "IMPLAUSIBLE_INTENSITY"
    | "UNKNOWN_REGION";
  message: string;
  line?: number;
  runId?: string;
}

/** Header layout families (fixtures README, "Column-set differences"). */
export type CodeCarbonLayout = "1.x" | "2.0-2.1" | "2.2" | "2.3-2.6" | "2.7-3.0" | "3.1" | "3.2+";

/** One data row, values trimmed, keyed by column name. */
export interface CodeCarbonRow {
  /** 1-based line where the row starts. */
  line: number;
  values: Readonly<Record<string, string>>;
}

/** Hardware a run reports (2.0+ layouts; all null for 1.x). */
export interface CodeCarbonHardware {
  cpuModel: string | null;
  cpuCount: number | null;
  /** As written, e.g. "8 x NVIDIA H20". */
  gpuModel: string | null;
  /** GPUs CodeCarbon tracked (`gpu_count`); 0 for CPU-only rows; null if not reported. */
  gpuCount: number | null;
  /** GPUs installed, from the "N x " prefix of `gpu_model`. */
  gpusInstalled: number | null;
}

/** One run: all rows sharing a run id (1.x: experiment id), valued by the last one. */
export interface CodeCarbonRun {
  runId: string;
  experimentId: string | null;
  projectName: string | null;
  rows: CodeCarbonRow[];
  /** End of the run, unix seconds (last row's timestamp). */
  end: number;
  /** `end - ceil(duration)`, unix seconds. */
  start: number;
  /** Duration in seconds as written. */
  duration: string;
  /** `energy_consumed` of the last row, kWh as written. */
  energyKWh: string;
  /** Energy in Wh, rounded down. */
  energyWh: bigint;
  /** `emissions` of the last row, kg as written. */
  emissionsKg: string;
  /** Emissions in g, rounded down. */
  emissionsG: bigint;
  /** emissions / energy in gCO2e/kWh, rounded to nearest; null without energy. */
  intensity: bigint | null;
  country: string | null;
  /** SPEC region: ISO 3166-2 subdivision when known, else alpha-2 country. */
  region: string | null;
  countryName: string | null;
  regionName: string | null;
  onCloud: boolean | null;
  cloudProvider: string | null;
  cloudRegion: string | null;
  hardware: CodeCarbonHardware;
  /** PUE as written, or null when the layout has no `pue` column. */
  pue: string | null;
  codecarbonVersion: string | null;
  os: string | null;
}

/** Result of {@link parseCodeCarbonCsv}. */
export interface CodeCarbonImport {
  layout: CodeCarbonLayout;
  /** Trimmed column names in file order. */
  columns: string[];
  /** Column the runs are grouped by. */
  groupBy: "run_id" | "experiment_id";
  /** Valid data rows in file order. */
  rows: CodeCarbonRow[];
  runs: CodeCarbonRun[];
  /** Distinct `codecarbon_version` values in file order. */
  versions: string[];
  warnings: CodeCarbonWarning[];
  /** Field delimiter found in the header (CodeCarbon writes commas; spreadsheets may re-save with ";" or tabs). */
  delimiter: "," | ";" | "\t";
  /** Numbers were written with a decimal comma ("0,0123") and were read as decimals. */
  decimalComma: boolean;
}
