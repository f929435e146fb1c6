// `npm start`: runs the built app in Electron. electron@45 no longer downloads its binary at
// install time; node_modules/electron/index.js downloads it on first use, synchronously and with
// no time limit. This script does the same steps itself so it can bound the download and, when
// Electron cannot run here (offline, no display, unsupported platform), say so plainly and point
// to the browser version instead of hanging or printing a stack trace.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const webPort = process.env.PORT || '5199';
const downloadTimeoutMs = Number(process.env.LIFTOFF_ELECTRON_DOWNLOAD_TIMEOUT_MS) || 120_000;
// An exit within this time after launch means Electron did not start, not that the person quit.
const startupWindowMs = 10_000;

class CannotStart extends Error {}

function cannotStart(reason) {
  return new CannotStart(reason);
}

function printCannotStart(reason) {
  console.error('');
  console.error(`Electron could not start on this machine (${reason}).`);
  console.error(`Run \`npm run web\` to use Liftoff in your browser at http://127.0.0.1:${webPort}`);
  console.error('');
}

function checkBuilt() {
  const required = ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html'];
  const missing = required.filter((file) => !existsSync(path.join(root, file)));
  if (missing.length > 0) {
    console.error(`Liftoff is not built yet (missing ${missing.join(', ')}). Run \`npm run build\` first, or just \`npm start\`.`);
    process.exit(1);
  }
}

function electronPackageDir() {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    throw cannotStart('the electron package is not installed; run `npm install`');
  }
}

/** The binary electron/index.js would return, if it is already on disk; null otherwise. */
function installedBinary(electronDir) {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const overridden = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    if (!existsSync(overridden)) throw cannotStart(`ELECTRON_OVERRIDE_DIST_PATH points to ${overridden}, which does not exist`);
    return overridden;
  }
  if (!relative) return null;
  const binary = path.join(electronDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

function firstLine(text) {
  const line = text.split(/\r?\n/).find((candidate) => candidate.trim() !== '') ?? '';
  return line.trim().replace(/^[A-Za-z]*Error:\s*/, '').slice(0, 200);
}

/** Runs electron's own install.js (the download index.js would trigger), with a time limit. */
function downloadBinary(electronDir) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return Promise.reject(cannotStart('the Electron binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set'));
  }
  console.log(`The Electron binary is not installed yet; downloading it (giving up after ${Math.round(downloadTimeoutMs / 1000)} s)…`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], {
      cwd: electronDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk) => {
      if (output.length < 20_000) output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(cannotStart(`the Electron binary is not installed and downloading it did not finish within ${Math.round(downloadTimeoutMs / 1000)} s`));
    }, downloadTimeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(cannotStart(`the Electron binary is not installed and its installer could not run: ${error.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else {
        const detail = firstLine(output) || `installer exited with code ${code}`;
        reject(cannotStart(`the Electron binary is not installed and downloading it failed: ${detail}`));
      }
    });
  });
}

async function findOrDownloadBinary() {
  const electronDir = electronPackageDir();
  const existing = installedBinary(electronDir);
  if (existing) return existing;
  await downloadBinary(electronDir);
  const downloaded = installedBinary(electronDir);
  if (!downloaded) throw cannotStart('the Electron download finished but the binary is still missing');
  return downloaded;
}

function checkDisplay() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw cannotStart('no graphical display: neither DISPLAY nor WAYLAND_DISPLAY is set');
  }
}

function launch(binary) {
  const env = { ...process.env };
  // Set in some shells and CI images; it would make the binary behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const startedAt = Date.now();
  const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit', env, windowsHide: false });
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      interrupted = true;
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    printCannotStart(`${binary} could not be run: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    const early = Date.now() - startedAt < startupWindowMs;
    if (!interrupted && early && (code !== 0 || signal)) {
      printCannotStart(`Electron exited right after launch with ${signal ? `signal ${signal}` : `code ${code}`}`);
      process.exit(1);
    }
    process.exit(code ?? 1);
  });
}

async function main() {
  checkBuilt();
  try {
    const binary = await findOrDownloadBinary();
    checkDisplay();
    launch(binary);
  } catch (error) {
    if (error instanceof CannotStart) printCannotStart(error.message);
    else printCannotStart(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

main();
