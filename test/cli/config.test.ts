// Settings precedence (flag > environment > file > default), which file wins, paths relative to
// their file, and what a config file may not contain.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { it } from "node:test";
import { resolveSettings } from "../../cli/config";
import { CliError } from "../../cli/output";
import { tempDir } from "../../script/lib/tempDir";

function dirs() {
  const root = tempDir("config");
  const cwd = path.join(root, "project");
  const xdg = path.join(root, "xdg");
  mkdirSync(cwd);
  mkdirSync(path.join(xdg, "greenprint"), { recursive: true });
  return {
    cwd,
    xdg,
    user: path.join(xdg, "greenprint", "config.json"),
    local: path.join(cwd, "greenprint.config.json"),
  };
}

it("flag > environment > ./greenprint.config.json > ~/.config/greenprint/config.json > default", () => {
  const d = dirs();
  writeFileSync(
    d.user,
    JSON.stringify({ rpcUrl: "http://user:1", apiUrl: "http://user/api", evidenceDir: "ev" }),
  );
  writeFileSync(d.local, JSON.stringify({ rpcUrl: "http://local:1" }));
  const env = { XDG_CONFIG_HOME: d.xdg, GREENPRINT_APP_URL: "https://app.example/" };
  const s = resolveSettings({}, env, d.cwd);
  assert.deepEqual(s.rpcUrl, { value: "http://local:1", source: "greenprint.config.json" });
  assert.equal(s.apiUrl.value, "http://user/api");
  assert.match(s.apiUrl.source, /xdg\/greenprint\/config\.json$/);
  assert.equal(s.evidenceDir.value, path.join(d.xdg, "greenprint", "ev"), "relative to its file");
  assert.deepEqual(s.appUrl, { value: "https://app.example", source: "env GREENPRINT_APP_URL" });
  assert.equal(s.evidenceUrl.value, "https://app.example/api/evidence", "derived from appUrl");
  assert.deepEqual(resolveSettings({ "rpc-url": "http://flag:1" }, env, d.cwd).rpcUrl, {
    value: "http://flag:1",
    source: "--rpc-url",
  });
  assert.deepEqual(resolveSettings({}, { ...env, GREENPRINT_RPC_URL: "http://env:1" }, d.cwd).rpcUrl, {
    value: "http://env:1",
    source: "env GREENPRINT_RPC_URL",
  });
  assert.deepEqual(resolveSettings({}, { PUBLIC_APP_URL: "https://pub.example" }, d.cwd).appUrl, {
    value: "https://pub.example",
    source: "env PUBLIC_APP_URL",
  });
  const none = resolveSettings({}, { XDG_CONFIG_HOME: path.join(d.xdg, "nothing") }, path.join(d.cwd, ".."));
  assert.deepEqual(none.rpcUrl, { value: "http://127.0.0.1:8545", source: "default" });
  assert.deepEqual(none.files, []);
});

it("--config names one file; keys, unknown settings and bad JSON are refused with the file named", () => {
  const d = dirs();
  const file = path.join(d.cwd, "other.json");
  writeFileSync(file, JSON.stringify({ rpcUrl: "http://other:1" }));
  writeFileSync(d.local, JSON.stringify({ rpcUrl: "http://local:1" }));
  assert.equal(resolveSettings({ config: file }, {}, d.cwd).rpcUrl.value, "http://other:1");
  const refused = (content: string) => {
    writeFileSync(file, content);
    try {
      resolveSettings({ config: file }, {}, d.cwd);
    } catch (error) {
      assert.ok(error instanceof CliError);
      return error;
    }
    assert.fail(`accepted ${content}`);
  };
  const key = refused(JSON.stringify({ privateKey: "0x01" }));
  assert.equal(key.exitCode, 5);
  assert.match(key.message, /never go in files/);
  assert.match(refused(JSON.stringify({ rpcURL: "x" })).message, /unknown setting "rpcURL"/);
  assert.match(refused("{ nope").message, /other\.json is not valid JSON/);
  const missing = (() => {
    try {
      resolveSettings({ config: path.join(d.cwd, "missing.json") }, {}, d.cwd);
    } catch (error) {
      return error as CliError;
    }
  })();
  assert.equal(missing?.exitCode, 2);
});
