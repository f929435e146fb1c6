// `npm run check:package`: builds the app unpacked for this platform (electron-builder --dir, into
// release/check/), then checks what a person would install: the fuses flipped in the binary are
// those electron-builder.json5 sets; app.asar holds the main, the preload and the renderer and no
// source maps or sources; and the binary starts, with a throwaway profile, far enough for the page
// to create its IndexedDB database. electron-builder downloads Electron and its tools, so this
// needs the network and is not part of `npm test`. The decisions are in package-checks.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { explainEarlyExit, readSandboxFacts } from './electron-launch.mjs';
import { asarProblems, fuseProblems, indexedDbProblem, unpackedLayouts } from './package-checks.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const OUTPUT = 'release/check';
const RUN_MS = Number(process.env.LIFTOFF_CHECK_PACKAGE_RUN_MS) || 8_000;

const problems = [];
const step = (text) => console.log(`\n▶ ${text}`);
const ok = (text) => console.log(`  ✔ ${text}`);

function fail(message) {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', ...options });
  return result.status === 0;
}

function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

async function loadConfig() {
  // The configuration exactly as electron-builder reads it (the same loader the unit tests use).
  const { getConfig } = require('app-builder-lib/out/util/config/config');
  return getConfig(root, null, null);
}

function platformFlag() {
  if (process.platform === 'darwin') return '--mac';
  if (process.platform === 'win32') return '--win';
  return '--linux';
}

async function readFuses(binary) {
  const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');
  const { FuseState } = require('@electron/fuses/dist/constants');
  const wire = await getCurrentFuseWire(binary);
  const names = { [FuseState.ENABLE]: 'enabled', [FuseState.DISABLE]: 'disabled', [FuseState.REMOVED]: 'removed', [FuseState.INHERIT]: 'inherit' };
  const actual = {};
  for (const [name, index] of Object.entries(FuseV1Options)) {
    if (typeof index !== 'number') continue;
    if (wire[index] !== undefined) actual[name] = names[wire[index]] ?? String(wire[index]);
  }
  return actual;
}

async function launchBriefly(binary, profile) {
  const args = [`--user-data-dir=${profile}`];
  // Chromium refuses to start as root with its sandbox on; only then, as in a container, is it off.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (headless && !hasCommand('xvfb-run')) fail('No display and no xvfb-run to make one (Debian/Ubuntu: sudo apt-get install -y xvfb).');
  const [command, commandArgs] = headless ? ['xvfb-run', ['-a', binary, ...args]] : [binary, args];
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { env, stdio: ['ignore', 'inherit', 'pipe'], detached: process.platform !== 'win32' });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      stderr = (stderr + chunk.toString()).slice(-8192);
    });
    let stoppedByUs = false;
    const stop = (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      stoppedByUs = true;
      // The whole group: xvfb-run, its X server and Electron's own processes.
      try {
        if (process.platform === 'win32') child.kill(signal);
        else process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      stop('SIGTERM');
      setTimeout(() => stop('SIGKILL'), 5_000).unref();
    }, RUN_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ stoppedByUs, code, signal, stderr });
    });
  });
}

async function main() {
  const config = await loadConfig();
  step('Build (npm run build)');
  if (!run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'])) fail('The build failed.');

  step(`Package unpacked (electron-builder --dir ${platformFlag()}, into ${OUTPUT}/)`);
  await rm(path.join(root, OUTPUT), { recursive: true, force: true });
  const builder = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
  if (!run(process.execPath, [builder, '--dir', platformFlag(), '--publish', 'never', `--config.directories.output=${OUTPUT}`])) {
    fail('electron-builder failed (it downloads Electron and its tools: is the network reachable?).');
  }
  const layout = unpackedLayouts(process.platform, path.join(root, OUTPUT), config.productName ?? 'Liftoff', config.linux?.executableName ?? 'liftoff').find(
    (candidate) => existsSync(candidate.binary) && existsSync(candidate.asar),
  );
  if (!layout) fail(`No unpacked app found under ${OUTPUT}/.`);
  ok(`${path.relative(root, layout.binary)}`);

  step('Fuses in the packaged binary');
  const fuses = await readFuses(layout.binary);
  const fuseIssues = fuseProblems(config.electronFuses ?? {}, fuses);
  problems.push(...fuseIssues);
  if (fuseIssues.length === 0) ok(Object.entries(fuses).map(([name, state]) => `${name} ${state}`).join(', '));

  step('app.asar');
  const { listPackage } = require('@electron/asar');
  const entries = listPackage(layout.asar, { isPack: false });
  const asarIssues = asarProblems(entries);
  problems.push(...asarIssues);
  if (asarIssues.length === 0) ok(`${entries.length} entries: main, preload and renderer, no source maps, nothing outside out/`);

  step(`Launch for ${Math.round(RUN_MS / 1000)} s with a throwaway profile`);
  const profile = await mkdtemp(path.join(tmpdir(), 'liftoff-package-check-'));
  try {
    const result = await launchBriefly(layout.binary, profile);
    if (!result.stoppedByUs) {
      const { reason, help } = explainEarlyExit({ ...result, facts: readSandboxFacts(layout.binary) });
      problems.push(`${reason}.${help.length > 0 ? `\n${help.join('\n')}` : ''}`);
    }
    let idb = null;
    try {
      idb = await readdir(path.join(profile, 'IndexedDB'));
    } catch {
      idb = null;
    }
    const idbIssue = indexedDbProblem(idb);
    if (idbIssue) problems.push(idbIssue);
    else ok(`IndexedDB created: ${idb.filter((entry) => entry.startsWith('app_liftoff_')).join(', ')}`);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }

  if (problems.length > 0) {
    console.error(`\n✖ The packaged app has ${problems.length} problem(s):`);
    for (const problem of problems) console.error(`  - ${problem}`);
    process.exit(1);
  }
  console.log('\n✔ The packaged app is as configured and starts.');
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
