#!/usr/bin/env node
// The npm registry mirror these machines use lacks some platform-specific optional packages
// (e.g. @next/swc-darwin-arm64 at our version), so `npm install` leaves them out of
// package-lock.json and `npm ci` then refuses the lock as "out of sync". This adds a lock entry
// for each missing platform package with the os/cpu its name states, so that `npm ci` skips it
// on Linux exactly as it would with a complete lock. Runs as the postinstall script; writes only when something was missing.
"use strict";
const fs = require("node:fs");

const OS = { darwin: "darwin", linux: "linux", win32: "win32", android: "android", freebsd: "freebsd", openbsd: "openbsd", openharmony: "openharmony", wasm32: null };
const CPU = { arm64: "arm64", x64: "x64", amd64: "x64", arm: "arm", ia32: "ia32", loong64: "loong64", ppc64: "ppc64", riscv64: "riscv64", s390x: "s390x", wasi: "wasm32" };

const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
let added = 0;
for (const [where, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const prefix = where === "" ? "" : `${where}/`;
    const key = `${prefix}node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`node_modules/${name}`]) continue;
    const parts = name.split("/").pop().split("-");
    const os = parts.map((p) => OS[p]).find((v) => v !== undefined);
    const cpu = parts.map((p) => CPU[p]).find(Boolean);
    if (os === undefined || !cpu) continue; // not a platform package: leave it to npm
    lock.packages[key] = { version, optional: true, ...(os ? { os: [os] } : {}), cpu: [cpu] };
    added++;
  }
}
if (added === 0) process.exit(0);
const keys = Object.keys(lock.packages).sort((a, b) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1));
lock.packages = Object.fromEntries(keys.map((k) => [k, lock.packages[k]]));
fs.writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform packages missing from the lock`);
