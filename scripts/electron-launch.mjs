// What `npm start`, the desktop smoke tests and the package check need to know before and after
// they launch Electron: which binary (the same lookup everywhere), whether this Node can install
// it, how a first-run download is going, and why a launch died at once. Plain JavaScript so the
// .mjs scripts can import it; the TypeScript tests use the types in electron-launch.d.mts. The
// decisions are pure functions of the facts passed in; reading those facts is kept separate.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// ---------------------------------------------------------------------------------------------
// Which Electron binary
// ---------------------------------------------------------------------------------------------

/** node_modules/electron, or null when the package is not installed. */
export function electronPackageDir() {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * The binary node_modules/electron/index.js would return, if it is on disk, as
 * { binary } or { missing: reason }. Honours ELECTRON_OVERRIDE_DIST_PATH exactly as index.js does
 * (the folder holding a binary, with path.txt's relative name or "electron").
 */
export function findInstalledElectron(electronDir, env = process.env) {
  if (electronDir === null) return { missing: 'the electron package is not installed; run `npm install`' };
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const overridden = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(overridden) ? { binary: overridden } : { missing: `ELECTRON_OVERRIDE_DIST_PATH points to ${overridden}, which does not exist` };
  }
  if (!relative) return { missing: 'the Electron binary is not downloaded (node_modules/electron/path.txt is missing)' };
  const binary = path.join(electronDir, 'dist', relative);
  return existsSync(binary) ? { binary } : { missing: `the Electron binary is not downloaded (${binary} is missing)` };
}

// ---------------------------------------------------------------------------------------------
// Node version
// ---------------------------------------------------------------------------------------------

/**
 * Electron 45's installer (node_modules/electron/install.js) loads @electron/get, an ES module,
 * with require(): that works without a flag from Node 20.19 on the 20 line, 22.12 on the 22 line
 * and 23.0 on (Vite and ESLint ask for the same versions). On an older Node the download fails
 * with an error that reads like a network problem, so `npm start` checks first (check-node.mjs).
 * Returns a sentence, or null when this Node is fine. package.json's engines says the same.
 */
export function nodeVersionProblem(version) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) return null;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  const fine = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
  if (fine) return null;
  return (
    `Liftoff needs Node.js 20.19 or newer on the 20 line, or 22.12 or newer; this is Node.js ${version.replace(/^v?/, '')}. ` +
    "Its build tools and Electron's installer load ES modules with require(), which older versions cannot do (the Electron " +
    'download would fail with what looks like a network error). Install a current LTS from https://nodejs.org or with your version manager (for example `nvm install 22`).'
  );
}

// ---------------------------------------------------------------------------------------------
// First-run download: progress and an inactivity timeout
// ---------------------------------------------------------------------------------------------

export const DEFAULT_DOWNLOAD_IDLE_TIMEOUT_MS = 60_000;

/** How long the download may go without receiving a byte; LIFTOFF_ELECTRON_DOWNLOAD_IDLE_TIMEOUT_MS overrides it. */
export function downloadIdleTimeoutMs(env = process.env) {
  const fromEnv = Number(env.LIFTOFF_ELECTRON_DOWNLOAD_IDLE_TIMEOUT_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_DOWNLOAD_IDLE_TIMEOUT_MS;
}

const MB = 1024 * 1024;

/** "Downloading Electron 45.4.1: 37% (41.2 of 110.5 MB)", or without a total when the server sends none. */
export function formatDownloadProgress(version, transferred, total) {
  const got = (transferred / MB).toFixed(1);
  if (!total) return `Downloading Electron ${version}: ${got} MB`;
  const percent = Math.min(100, Math.floor((transferred / total) * 100));
  return `Downloading Electron ${version}: ${percent}% (${got} of ${(total / MB).toFixed(1)} MB)`;
}

/**
 * Calls onIdle once when touch() has not been called for idleMs; each touch (a chunk received)
 * starts the wait again, so a slow but moving download is never cut off. The timer functions
 * are injectable for the tests.
 */
export function createIdleWatchdog(idleMs, onIdle, timers = { setTimeout, clearTimeout }) {
  let timer;
  let stopped = false;
  const arm = () => {
    timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      if (stopped) return;
      stopped = true;
      onIdle();
    }, idleMs);
  };
  arm();
  return {
    touch() {
      if (!stopped) arm();
    },
    stop() {
      stopped = true;
      timers.clearTimeout(timer);
    },
  };
}

/** The environment variables @electron/get reads for proxies, mirrors and its cache, named for the person. */
export function downloadHelp() {
  return [
    'Behind a proxy: set ELECTRON_GET_USE_PROXY=1 together with HTTPS_PROXY (and NO_PROXY if needed).',
    'Through a mirror: set ELECTRON_MIRROR (for example https://npmmirror.com/mirrors/electron/); ELECTRON_CUSTOM_DIR if its folder layout differs.',
    'A zip downloaded elsewhere: put it in the cache folder named by electron_config_cache, or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron.',
    'A slow line: LIFTOFF_ELECTRON_DOWNLOAD_IDLE_TIMEOUT_MS sets how long to wait without a byte (default 60000).',
  ];
}

// ---------------------------------------------------------------------------------------------
// Linux: "No usable sandbox!"
// ---------------------------------------------------------------------------------------------

/**
 * What Chromium prints (a FATAL line, then SIGTRAP) when its sandbox cannot start on Linux:
 * "No usable sandbox!" from the zygote when user namespaces are blocked and there is no usable
 * setuid helper, or the setuid helper's own complaint when it exists but is not root-owned 4755.
 */
export function isSandboxFailureOutput(text) {
  return /No usable sandbox!|SUID sandbox helper binary was found, but is not configured correctly/i.test(text);
}

/**
 * Chromium's sandbox on Linux needs unprivileged user namespaces, or else the setuid helper
 * chrome-sandbox next to the binary (owned by root, mode 4755). Ubuntu 24.04 and later restrict
 * user namespaces with AppArmor; a downloaded Electron's chrome-sandbox is owned by the person.
 * Given those facts, returns the remedy as lines of text, or null when the sandbox can start
 * (or it is not Linux). Never advises --no-sandbox.
 *
 * facts: { platform, binary, usernsRestricted: 'apparmor' | 'disabled' | null,
 *          chromeSandbox: { uid, mode } | null }
 */
export function sandboxRemedy(facts) {
  if (facts.platform !== 'linux' || facts.usernsRestricted === null) return null;
  const sandbox = facts.chromeSandbox;
  if (sandbox && sandbox.uid === 0 && (sandbox.mode & 0o4755) === 0o4755) return null;
  const dir = path.dirname(facts.binary);
  const helper = path.join(dir, 'chrome-sandbox');
  const why =
    facts.usernsRestricted === 'apparmor'
      ? 'This system restricts unprivileged user namespaces with AppArmor (kernel.apparmor_restrict_unprivileged_userns = 1, the default from Ubuntu 24.04),'
      : 'This system has unprivileged user namespaces turned off,';
  const lines = [
    `${why} and ${sandbox ? `${helper} is not owned by root with mode 4755` : `there is no ${helper}`},`,
    "so Chromium's sandbox cannot start and Electron stops with \"No usable sandbox!\". Fix it once, with either:",
    '',
    '  1. the setuid sandbox helper Electron ships (again after each Electron download):',
    `       sudo chown root:root '${helper}'`,
    `       sudo chmod 4755 '${helper}'`,
  ];
  if (facts.usernsRestricted === 'apparmor') {
    // Not indented, so the block can be pasted into a shell as it is (a heredoc's end marker
    // must start its line).
    lines.push(
      '',
      '  2. or an AppArmor profile that lets this Electron binary use user namespaces:',
      '',
      "sudo tee /etc/apparmor.d/liftoff-dev-electron >/dev/null <<'EOF'",
      'abi <abi/4.0>,',
      'include <tunables/global>',
      `profile liftoff-dev-electron "${facts.binary}" flags=(unconfined) {`,
      '  userns,',
      '  include if exists <local/liftoff-dev-electron>',
      '}',
      'EOF',
      'sudo apparmor_parser -r /etc/apparmor.d/liftoff-dev-electron',
    );
  }
  lines.push(
    '',
    'Do not start Electron with --no-sandbox: the page would then run without the operating system sandbox.',
    'The Liftoff .deb package is not affected (it installs its own AppArmor profile); prefer it to the AppImage on Ubuntu.',
  );
  return lines;
}

/**
 * Why Electron died right after launch, for the person: { reason, help }. A sandbox failure (the
 * FATAL line, or SIGTRAP on a system whose facts explain one) gets the remedy.
 */
export function explainEarlyExit({ code, signal, stderr, facts }) {
  const how = signal ? `signal ${signal}` : `code ${code}`;
  const remedy = sandboxRemedy(facts);
  const saidSandbox = isSandboxFailureOutput(stderr);
  if (remedy && (saidSandbox || signal === 'SIGTRAP')) {
    return { reason: `Electron exited right after launch with ${how}: Chromium's sandbox could not start`, help: remedy };
  }
  if (saidSandbox) {
    return {
      reason: `Electron exited right after launch with ${how}: Chromium's sandbox could not start`,
      help: [
        'The FATAL line above says what the sandbox is missing; the Liftoff .deb package sets the sandbox up when it is installed.',
        'Do not start Electron with --no-sandbox: the page would then run without the operating system sandbox.',
      ],
    };
  }
  return { reason: `Electron exited right after launch with ${how}`, help: [] };
}

function readTrimmed(file) {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Reads the facts sandboxRemedy decides on, from /proc and the binary's folder. */
export function readSandboxFacts(binary, platform = process.platform) {
  if (platform !== 'linux') return { platform, binary, usernsRestricted: null, chromeSandbox: null };
  let usernsRestricted = null;
  if (readTrimmed('/proc/sys/kernel/apparmor_restrict_unprivileged_userns') === '1') usernsRestricted = 'apparmor';
  else if (readTrimmed('/proc/sys/kernel/unprivileged_userns_clone') === '0' || readTrimmed('/proc/sys/user/max_user_namespaces') === '0') {
    usernsRestricted = 'disabled';
  }
  let chromeSandbox = null;
  try {
    const info = statSync(path.join(path.dirname(binary), 'chrome-sandbox'));
    chromeSandbox = { uid: info.uid, mode: info.mode & 0o7777 };
  } catch {
    // No helper next to the binary: sandboxRemedy says so.
  }
  return { platform, binary, usernsRestricted, chromeSandbox };
}
