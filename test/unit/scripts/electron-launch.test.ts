// What `npm start` decides before and after it launches Electron: which binary, whether this Node
// can install it, how the first-run download is going, and how to fix a Linux sandbox failure.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createIdleWatchdog,
  downloadHelp,
  downloadIdleTimeoutMs,
  explainEarlyExit,
  findInstalledElectron,
  formatDownloadProgress,
  isSandboxFailureOutput,
  nodeVersionProblem,
  readSandboxFacts,
  sandboxRemedy,
  type SandboxFacts,
} from '../../../scripts/electron-launch.mjs';

describe('which Electron binary', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'liftoff-electron-pkg-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is missing until path.txt names a binary that is on disk', async () => {
    expect(findInstalledElectron(dir, {})).toEqual({ missing: expect.stringContaining('not downloaded') });
    await writeFile(path.join(dir, 'path.txt'), 'electron');
    expect(findInstalledElectron(dir, {})).toEqual({ missing: expect.stringContaining(path.join(dir, 'dist', 'electron')) });
    await mkdir(path.join(dir, 'dist'));
    await writeFile(path.join(dir, 'dist', 'electron'), '');
    expect(findInstalledElectron(dir, {})).toEqual({ binary: path.join(dir, 'dist', 'electron') });
  });

  it('follows ELECTRON_OVERRIDE_DIST_PATH as electron/index.js does, with path.txt\'s name or "electron"', async () => {
    const override = path.join(dir, 'custom');
    await mkdir(override);
    expect(findInstalledElectron(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toEqual({ missing: expect.stringContaining('ELECTRON_OVERRIDE_DIST_PATH') });
    await writeFile(path.join(override, 'electron'), '');
    expect(findInstalledElectron(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toEqual({ binary: path.join(override, 'electron') });
    await writeFile(path.join(dir, 'path.txt'), 'Electron.app/Contents/MacOS/Electron');
    expect(findInstalledElectron(dir, { ELECTRON_OVERRIDE_DIST_PATH: override })).toEqual({ missing: expect.stringContaining('Electron.app') });
  });

  it('says so when the electron package itself is not installed', () => {
    expect(findInstalledElectron(null, {})).toEqual({ missing: expect.stringContaining('npm install') });
  });
});

describe('the Node version', () => {
  it('accepts the versions that can require() an ES module without a flag', () => {
    for (const version of ['v20.19.0', 'v20.20.2', 'v22.12.0', 'v22.22.1', 'v23.0.0', 'v24.11.1', 'v26.0.0', process.version]) {
      expect(nodeVersionProblem(version), version).toBeNull();
    }
  });

  it('names the version needed and the one found, for older ones', () => {
    for (const version of ['v18.20.4', 'v20.18.3', 'v21.7.3', 'v22.11.0']) {
      const problem = nodeVersionProblem(version);
      expect(problem, version).toContain('20.19');
      expect(problem, version).toContain('22.12');
      expect(problem, version).toContain(`this is Node.js ${version.slice(1)}`);
    }
  });

  it('agrees with package.json\'s engines', async () => {
    const pkg = JSON.parse(await (await import('node:fs/promises')).readFile('package.json', 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe('^20.19.0 || >=22.12.0');
  });
});

describe('the first-run download', () => {
  it('shows how far it has come, with or without a size from the server', () => {
    expect(formatDownloadProgress('45.4.1', 41.2 * 1024 * 1024, 110.5 * 1024 * 1024)).toBe('Downloading Electron 45.4.1: 37% (41.2 of 110.5 MB)');
    expect(formatDownloadProgress('45.4.1', 5 * 1024 * 1024, null)).toBe('Downloading Electron 45.4.1: 5.0 MB');
  });

  it('never gives up on a slow download that keeps receiving bytes, however long it takes', () => {
    vi.useFakeTimers();
    try {
      const onIdle = vi.fn();
      const watchdog = createIdleWatchdog(60_000, onIdle);
      // Ten minutes at one chunk every 50 s: far beyond the old 120 s deadline.
      for (let i = 0; i < 12; i++) {
        vi.advanceTimersByTime(50_000);
        watchdog.touch();
      }
      expect(onIdle).not.toHaveBeenCalled();
      watchdog.stop();
      vi.advanceTimersByTime(120_000);
      expect(onIdle).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up once when nothing arrives for the idle time', () => {
    vi.useFakeTimers();
    try {
      const onIdle = vi.fn();
      const watchdog = createIdleWatchdog(60_000, onIdle);
      vi.advanceTimersByTime(30_000);
      watchdog.touch();
      vi.advanceTimersByTime(59_999);
      expect(onIdle).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(onIdle).toHaveBeenCalledTimes(1);
      watchdog.touch();
      vi.advanceTimersByTime(120_000);
      expect(onIdle).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits 60 s without a byte by default, or what LIFTOFF_ELECTRON_DOWNLOAD_IDLE_TIMEOUT_MS says', () => {
    expect(downloadIdleTimeoutMs({})).toBe(60_000);
    expect(downloadIdleTimeoutMs({ LIFTOFF_ELECTRON_DOWNLOAD_IDLE_TIMEOUT_MS: '300000' })).toBe(300_000);
    expect(downloadIdleTimeoutMs({ LIFTOFF_ELECTRON_DOWNLOAD_IDLE_TIMEOUT_MS: 'soon' })).toBe(60_000);
  });

  it('names the proxy, mirror and cache settings when it fails', () => {
    const help = downloadHelp().join('\n');
    for (const variable of ['ELECTRON_GET_USE_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ELECTRON_MIRROR', 'electron_config_cache', 'ELECTRON_OVERRIDE_DIST_PATH']) {
      expect(help).toContain(variable);
    }
  });
});

describe('Chromium\'s sandbox on Linux', () => {
  const binary = '/home/ana/liftoff/node_modules/electron/dist/electron';
  const ubuntu2404: SandboxFacts = { platform: 'linux', binary, usernsRestricted: 'apparmor', chromeSandbox: { uid: 1000, mode: 0o755 } };

  it('on Ubuntu 24.04 with a downloaded Electron, gives both exact remedies for this binary', () => {
    const remedy = sandboxRemedy(ubuntu2404)?.join('\n') ?? '';
    expect(remedy).toContain("sudo chown root:root '/home/ana/liftoff/node_modules/electron/dist/chrome-sandbox'");
    expect(remedy).toContain("sudo chmod 4755 '/home/ana/liftoff/node_modules/electron/dist/chrome-sandbox'");
    expect(remedy).toContain(`profile liftoff-dev-electron "${binary}" flags=(unconfined) {`);
    expect(remedy).toContain('  userns,');
    expect(remedy).toContain('sudo apparmor_parser -r /etc/apparmor.d/liftoff-dev-electron');
    expect(remedy).toContain('.deb');
  });

  it('never advises --no-sandbox', () => {
    for (const facts of [ubuntu2404, { ...ubuntu2404, usernsRestricted: 'disabled' as const }, { ...ubuntu2404, chromeSandbox: null }]) {
      for (const line of sandboxRemedy(facts) ?? []) {
        if (line.includes('--no-sandbox')) expect(line).toMatch(/^Do not /);
      }
    }
    for (const line of explainEarlyExit({ code: null, signal: 'SIGTRAP', stderr: 'No usable sandbox!', facts: { ...ubuntu2404, usernsRestricted: null } }).help) {
      if (line.includes('--no-sandbox')) expect(line).toMatch(/^Do not /);
    }
  });

  it('has the AppArmor heredoc start at the beginning of its lines, so it can be pasted as it is', () => {
    const lines = sandboxRemedy(ubuntu2404) ?? [];
    const start = lines.findIndex((line) => line.startsWith('sudo tee /etc/apparmor.d/liftoff-dev-electron'));
    const end = lines.indexOf('EOF');
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
  });

  it('finds nothing to fix when the setuid helper is root-owned with mode 4755, user namespaces are free, or it is not Linux', () => {
    expect(sandboxRemedy({ ...ubuntu2404, chromeSandbox: { uid: 0, mode: 0o4755 } })).toBeNull();
    expect(sandboxRemedy({ ...ubuntu2404, usernsRestricted: null })).toBeNull();
    expect(sandboxRemedy({ ...ubuntu2404, platform: 'darwin' })).toBeNull();
  });

  it('still needs the fix when the helper is setuid but not owned by root, or missing', () => {
    expect(sandboxRemedy({ ...ubuntu2404, chromeSandbox: { uid: 1000, mode: 0o4755 } })).not.toBeNull();
    expect(sandboxRemedy({ ...ubuntu2404, chromeSandbox: null })?.[0]).toContain('there is no');
  });

  it('offers no AppArmor profile where user namespaces are simply off', () => {
    const remedy = sandboxRemedy({ ...ubuntu2404, usernsRestricted: 'disabled' })?.join('\n') ?? '';
    expect(remedy).toContain('chmod 4755');
    expect(remedy).not.toContain('apparmor_parser');
  });

  it('recognises both of Chromium\'s fatal sandbox messages', () => {
    expect(isSandboxFailureOutput('[4711:0101/000000.000:FATAL:zygote_host_impl_linux.cc(128)] No usable sandbox! If you are running on Ubuntu 23.10+ or another Linux distro that has disabled unprivileged user namespaces with AppArmor, see https://chromium.googlesource.com/chromium/src/+/main/docs/security/apparmor-userns-restrictions.md.')).toBe(true);
    expect(isSandboxFailureOutput("[10207:1206/034953.916379:FATAL:setuid_sandbox_host.cc(163)] The SUID sandbox helper binary was found, but is not configured correctly. Rather than run without sandboxing I'm aborting now.")).toBe(true);
    expect(isSandboxFailureOutput('Gtk-WARNING: cannot open display')).toBe(false);
  });

  it('explains an early SIGTRAP on such a system as the sandbox, with the remedy, instead of just the signal', () => {
    const { reason, help } = explainEarlyExit({ code: null, signal: 'SIGTRAP', stderr: '', facts: ubuntu2404 });
    expect(reason).toBe("Electron exited right after launch with signal SIGTRAP: Chromium's sandbox could not start");
    expect(help.join('\n')).toContain('chmod 4755');
  });

  it('reports other early exits as they are', () => {
    expect(explainEarlyExit({ code: 1, signal: null, stderr: 'Missing X server or $DISPLAY', facts: ubuntu2404 })).toEqual({
      reason: 'Electron exited right after launch with code 1',
      help: [],
    });
  });

  it('reads no sandbox facts outside Linux', () => {
    expect(readSandboxFacts(binary, 'win32')).toEqual({ platform: 'win32', binary, usernsRestricted: null, chromeSandbox: null });
  });
});
