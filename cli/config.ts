// Effective settings of the CLI and where each came from: flag > environment > config file >
// default. Config files: --config FILE or GREENPRINT_CONFIG, else ./greenprint.config.json over
// $XDG_CONFIG_HOME/greenprint/config.json (default ~/.config/greenprint/config.json). Paths in
// a file are relative to that file. Keys never come from a file (nor from flags).
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { CliError, EXIT, fileError, keyError } from "./output";

export type SettingName =
  | "rpcUrl"
  | "apiUrl"
  | "appUrl"
  | "evidenceUrl"
  | "evidenceDir"
  | "deployment"
  | "keystore";

interface SettingSpec {
  flag: string;
  env: string[];
  /** A path (resolved relative to the config file that sets it). */
  path?: boolean;
  /** Default value, given the settings resolved before it (in SETTINGS order). */
  fallback(resolved: Partial<Record<SettingName, string>>): string | undefined;
  describe: string;
}

const trimSlash = (s: string) => s.replace(/\/+$/, "");

/** Every setting, in resolution order (later defaults may derive from earlier ones). */
export const SETTINGS: Record<SettingName, SettingSpec> = {
  rpcUrl: {
    flag: "rpc-url",
    env: ["GREENPRINT_RPC_URL"],
    fallback: () => "http://127.0.0.1:8545",
    describe: "JSON-RPC endpoint of the chain",
  },
  appUrl: {
    flag: "app-url",
    env: ["GREENPRINT_APP_URL", "PUBLIC_APP_URL"],
    fallback: () => "http://localhost:3000",
    describe: "public address of the Greenprint web app (model pages, badges)",
  },
  apiUrl: {
    flag: "api",
    env: ["GREENPRINT_API_URL"],
    fallback: (r) => `${trimSlash(r.appUrl ?? "http://localhost:3000")}/api/v1`,
    describe: "public data API (indexer); default <appUrl>/api/v1",
  },
  evidenceUrl: {
    flag: "evidence-base-url",
    env: ["GREENPRINT_EVIDENCE_URL"],
    fallback: (r) => `${trimSlash(r.appUrl ?? "http://localhost:3000")}/api/evidence`,
    describe: "public base URL of the evidence store; default <appUrl>/api/evidence",
  },
  evidenceDir: {
    flag: "evidence-dir",
    env: ["GREENPRINT_EVIDENCE_DIR", "EVIDENCE_DIR"],
    path: true,
    fallback: () => path.join(".data", "evidence"),
    describe: "directory of the evidence store the CLI writes to",
  },
  deployment: {
    flag: "deployment",
    env: ["GREENPRINT_DEPLOYMENT"],
    path: true,
    fallback: () => undefined,
    describe: "deployments JSON; default: the deployments built into the CLI",
  },
  keystore: {
    flag: "keystore",
    env: ["GREENPRINT_KEYSTORE"],
    path: true,
    fallback: () => undefined,
    describe: "V3 keystore to sign with (else GREENPRINT_PRIVATE_KEY)",
  },
};

export interface Setting {
  value: string | undefined;
  /** "--rpc-url", "env GREENPRINT_RPC_URL", "greenprint.config.json", "default". */
  source: string;
}

export type Settings = Record<SettingName, Setting> & { files: string[] };

const FORBIDDEN_KEYS = ["privateKey", "private_key", "password", "keystorePassword", "mnemonic"];

function readConfigFile(file: string): Partial<Record<SettingName, string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw fileError(`Config file ${file} is not valid JSON: ${(error as Error).message}.`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw fileError(`Config file ${file} must be a JSON object such as { "rpcUrl": "http://…" }.`);
  }
  const out: Partial<Record<SettingName, string>> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (FORBIDDEN_KEYS.includes(key)) {
      throw keyError(
        `Config file ${file} contains "${key}": keys and passwords never go in files; use GREENPRINT_PRIVATE_KEY or a keystore.`,
      );
    }
    if (!(key in SETTINGS)) {
      throw fileError(
        `Config file ${file}: unknown setting "${key}" (known: ${Object.keys(SETTINGS).join(", ")}).`,
      );
    }
    if (typeof value !== "string" || value.trim() === "") {
      throw fileError(`Config file ${file}: "${key}" must be a non-empty string.`);
    }
    const spec = SETTINGS[key as SettingName];
    out[key as SettingName] = spec.path ? path.resolve(path.dirname(file), value) : value;
  }
  return out;
}

/** The config files in effect, lowest precedence first. */
export function configFiles(
  flag: string | undefined,
  env: Record<string, string | undefined>,
  cwd: string,
): string[] {
  const explicit = flag ?? env.GREENPRINT_CONFIG;
  if (explicit) {
    if (!existsSync(explicit)) {
      throw new CliError(
        `Config file ${explicit} (${flag ? "--config" : "GREENPRINT_CONFIG"}) does not exist.`,
        EXIT.FILE,
      );
    }
    return [path.resolve(cwd, explicit)];
  }
  const xdg = env.XDG_CONFIG_HOME || path.join(env.HOME || homedir(), ".config");
  return [path.join(xdg, "greenprint", "config.json"), path.join(cwd, "greenprint.config.json")].filter((f) =>
    existsSync(f),
  );
}

/** Resolves every setting: flag > environment > config file (./ over ~/.config) > default. */
export function resolveSettings(
  flags: Record<string, unknown>,
  env: Record<string, string | undefined> = process.env,
  cwd: string = process.cwd(),
): Settings {
  const files = configFiles(typeof flags.config === "string" ? flags.config : undefined, env, cwd);
  const fromFiles: Partial<Record<SettingName, Setting>> = {};
  for (const file of files) {
    for (const [key, value] of Object.entries(readConfigFile(file))) {
      fromFiles[key as SettingName] = { value, source: path.relative(cwd, file) || file };
    }
  }
  const resolved: Partial<Record<SettingName, string>> = {};
  const settings = { files } as Settings;
  for (const [name, spec] of Object.entries(SETTINGS) as [SettingName, SettingSpec][]) {
    const flag = flags[spec.flag];
    const envName = spec.env.find((e) => env[e] !== undefined && env[e] !== "");
    let setting: Setting;
    if (typeof flag === "string" && flag !== "") setting = { value: flag, source: `--${spec.flag}` };
    else if (envName) setting = { value: env[envName], source: `env ${envName}` };
    else if (fromFiles[name]) setting = fromFiles[name] as Setting;
    else setting = { value: spec.fallback(resolved), source: "default" };
    if (setting.value !== undefined && /Url$/.test(name)) setting.value = trimSlash(setting.value);
    resolved[name] = setting.value;
    settings[name] = setting;
  }
  return settings;
}
