// `npm run test:desktop`: the desktop smoke tests (test/desktop, vitest.desktop.config.ts) in a
// real Electron. They need the Electron binary, found exactly as `npm start` finds it
// (electron-launch.mjs, including ELECTRON_OVERRIDE_DIST_PATH), but never downloaded here: without
// it this prints one line saying the tests were skipped and why, and exits 0, so CI on a machine
// without Electron is not failed by it (scripts/count-results.mjs counts only tests that ran).
// On Linux without a display the tests run under xvfb-run.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, findInstalledElectron } from './electron-launch.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function skip(reason) {
  console.log(`Desktop smoke tests skipped: ${reason}.`);
  process.exit(0);
}

function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

const found = findInstalledElectron(electronPackageDir());
if (!('binary' in found)) skip(found.missing);

const needsVirtualDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (needsVirtualDisplay && !hasCommand('xvfb-run')) {
  skip('no display (DISPLAY and WAYLAND_DISPLAY unset) and no xvfb-run to make one (Debian/Ubuntu: sudo apt-get install -y xvfb)');
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const built = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (built.status !== 0) {
  console.error('Desktop smoke tests: the build failed.');
  process.exit(built.status || 1);
}

const vitest = [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'vitest.desktop.config.ts'];
const env = { ...process.env, LIFTOFF_ELECTRON_BINARY: found.binary };
delete env.ELECTRON_RUN_AS_NODE;
const [command, args] = needsVirtualDisplay
  ? ['xvfb-run', ['-a', '--server-args=-screen 0 1920x1080x24', process.execPath, ...vitest]]
  : [process.execPath, vitest];
const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
process.exit(run.status ?? 1);
