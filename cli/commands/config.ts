// `greenprint config`: the effective settings and where each came from.
import { SETTINGS, type SettingName } from "../config";
import { DEPLOYMENTS_ORIGIN, knownDeployments } from "../deployments";
import { STORE_OPTIONS } from "./model";
import type { Command } from "./types";

/** Left-aligned columns (values are URLs and paths, read from the left). */
function leftTable(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd(),
  );
}

export const config: Command = {
  name: "config",
  summary: "print the effective settings and where each came from",
  usage: "[--json]",
  help: [
    "Precedence: flag > environment > config file > default. Config files (JSON objects with the",
    "setting names below): --config FILE or GREENPRINT_CONFIG, else ./greenprint.config.json over",
    "$XDG_CONFIG_HOME/greenprint/config.json (~/.config/greenprint/config.json). Paths in a file are",
    "relative to it. Keys and passwords are never read from files.",
    ...Object.entries(SETTINGS).map(
      ([name, s]) => `${name.padEnd(12)} --${s.flag}, env ${s.env.join(" or ")}: ${s.describe}`,
    ),
  ],
  options: { ...STORE_OPTIONS },
  async run(ctx) {
    const s = ctx.settings;
    const names = Object.keys(SETTINGS) as SettingName[];
    const chains = Object.keys(knownDeployments()).map(Number);
    const key = process.env.GREENPRINT_PRIVATE_KEY
      ? "env GREENPRINT_PRIVATE_KEY"
      : s.keystore.value
        ? `keystore ${s.keystore.value}`
        : "none";
    ctx.out.result(
      {
        settings: Object.fromEntries(
          names.map((n) => [n, { value: s[n].value ?? null, source: s[n].source }]),
        ),
        configFiles: s.files,
        builtInDeployments: chains,
        signingKey: key,
      },
      [
        ...leftTable([
          ["setting", "value", "from"],
          ...names.map((n) => [n, s[n].value ?? "(none)", s[n].source]),
        ]),
        "",
        `config files: ${s.files.length > 0 ? s.files.join(", ") : "none found"}`,
        `deployments:  ${s.deployment.value ?? `chain ${chains.join(", ") || "none"} (${DEPLOYMENTS_ORIGIN})`}`,
        `signing key:  ${key}`,
      ],
    );
  },
};
