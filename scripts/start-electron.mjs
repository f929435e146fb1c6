// `npm start`: runs the built app in Electron. electron@45 no longer downloads its binary at
// install time; node_modules/electron/index.js downloads it on first use, synchronously, silently
// and with no time limit. This script does those steps itself so that it can show the download's
// progress, give up only when the download stalls (never while bytes arrive), name the proxy and
// mirror settings when it fails, and, when Electron cannot run here (an old Node, offline, no
// display, a Linux that blocks Chromium's sandbox), say so plainly with the fix or point to the
// browser version, instead of hanging or printing a stack trace. The decisions live in
// electron-launch.mjs, where they are tested.
import { fork, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createIdleWatchdog,
  downloadHelp,
  downloadIdleTimeoutMs,
  electronPackageDir,
  findInstalledElectron,
  formatDownloadProgress,
  explainEarlyExit,
  nodeVersionProblem,
  readSandboxFacts,
} from './electron-launch.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const webPort = process.env.PORT || '5199';
// An exit within this time after launch means Electron did not start, not that the person quit.
const startupWindowMs = 10_000;

class CannotStart extends Error {
  /** @param {string} reason @param {string[]} [help] lines printed after the reason */
  constructor(reason, help = []) {
    super(reason);
    this.help = help;
  }
}

function printCannotStart(reason, help = []) {
  console.error('');
  console.error(`Electron could not start on this machine (${reason}).`);
  for (const line of help) console.error(line);
  if (help.length > 0) console.error('');
  console.error(`Meanwhile, \`npm run web\` runs Liftoff in your browser at http://127.0.0.1:${webPort}`);
  console.error('');
}

function checkNode() {
  const problem = nodeVersionProblem(process.version);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

function checkBuilt() {
  const required = ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html'];
  const missing = required.filter((file) => !existsSync(path.join(root, file)));
  if (missing.length > 0) {
    console.error(`Liftoff is not built yet (missing ${missing.join(', ')}). Run \`npm run build\` first, or just \`npm start\`.`);
    process.exit(1);
  }
}

function firstLine(text) {
  const line = text.split(/\r?\n/).find((candidate) => candidate.trim() !== '') ?? '';
  return line.trim().replace(/^[A-Za-z]*Error:\s*/, '').slice(0, 200);
}

/** Downloads the zip into @electron/get's cache (download-electron.mjs), showing progress. */
function downloadZip(electronDir) {
  const idleMs = downloadIdleTimeoutMs();
  const tty = process.stdout.isTTY === true;
  console.log(`The Electron binary is not installed yet; downloading it (about 110 MB, once). Stops if nothing arrives for ${Math.round(idleMs / 1000)} s.`);
  return new Promise((resolve, reject) => {
    const child = fork(path.join(root, 'scripts', 'download-electron.mjs'), [electronDir], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let output = '';
    const collect = (chunk) => {
      if (output.length < 20_000) output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let lastDecile = -1;
    let shown = false;
    const watchdog = createIdleWatchdog(idleMs, () => {
      child.kill('SIGKILL');
      if (tty && shown) process.stdout.write('\n');
      reject(new CannotStart(`the Electron download received nothing for ${Math.round(idleMs / 1000)} s`, downloadHelp()));
    });
    child.on('message', (message) => {
      if (message?.type !== 'progress') return;
      watchdog.touch();
      const line = formatDownloadProgress(message.version, message.transferred, message.total);
      if (tty) {
        process.stdout.write(`\r${line}   `);
        shown = true;
      } else {
        // In a log, one line per 10 % instead of a line per chunk.
        const decile = message.total ? Math.floor((message.transferred / message.total) * 10) : Math.floor(message.transferred / (10 * 1024 * 1024));
        if (decile !== lastDecile) console.log(line);
        lastDecile = decile;
      }
    });
    child.on('error', (error) => {
      watchdog.stop();
      reject(new CannotStart(`the Electron binary is not installed and its downloader could not run: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      watchdog.stop();
      if (tty && shown) process.stdout.write('\n');
      if (signal === 'SIGKILL') return; // the watchdog's doing; already rejected
      if (code === 0) resolve();
      else reject(new CannotStart(`downloading Electron failed: ${firstLine(output) || `the downloader exited with code ${code}`}`, downloadHelp()));
    });
  });
}

/**
 * Runs electron's own install.js, which now finds the zip in the cache, unpacks it and writes
 * path.txt. No timer: it only reads the disk (should the cache miss, it downloads and shows
 * @electron/get's own progress bar, as its output goes straight to the terminal).
 */
function unpack(electronDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'inherit' });
    child.on('error', (error) => reject(new CannotStart(`Electron's installer could not run: ${error.message}`)));
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new CannotStart(`Electron's installer exited with code ${code}`, downloadHelp()));
    });
  });
}

async function findOrDownloadBinary() {
  const electronDir = electronPackageDir();
  const found = findInstalledElectron(electronDir);
  if ('binary' in found) return found.binary;
  if (electronDir === null || process.env.ELECTRON_OVERRIDE_DIST_PATH) throw new CannotStart(found.missing);
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    throw new CannotStart('the Electron binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set');
  }
  await downloadZip(electronDir);
  await unpack(electronDir);
  const downloaded = findInstalledElectron(electronDir);
  if ('binary' in downloaded) return downloaded.binary;
  throw new CannotStart(`the Electron download finished but ${downloaded.missing}`);
}

function checkDisplay() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new CannotStart('no graphical display: neither DISPLAY nor WAYLAND_DISPLAY is set');
  }
}

function launch(binary) {
  const env = { ...process.env };
  // Set in some shells and CI images; it would make the binary behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const startedAt = Date.now();
  // stderr passes through to the terminal, and its end is kept to recognise a sandbox failure.
  const child = spawn(binary, ['.'], { cwd: root, stdio: ['inherit', 'inherit', 'pipe'], env, windowsHide: false });
  let stderrTail = '';
  child.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    stderrTail = (stderrTail + chunk.toString()).slice(-8192);
  });
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
      // "No usable sandbox!" is followed by SIGTRAP; the system's facts explain why and how to fix it.
      const { reason, help } = explainEarlyExit({ code, signal, stderr: stderrTail, facts: readSandboxFacts(binary) });
      printCannotStart(reason, help);
      process.exit(1);
    }
    process.exit(code ?? 1);
  });
}

async function main() {
  checkNode();
  checkBuilt();
  try {
    const binary = await findOrDownloadBinary();
    checkDisplay();
    launch(binary);
  } catch (error) {
    if (error instanceof CannotStart) printCannotStart(error.message, error.help);
    else printCannotStart(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

main();
