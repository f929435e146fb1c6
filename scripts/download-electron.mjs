// Child process of scripts/start-electron.mjs: downloads the Electron zip into @electron/get's
// cache with the same settings node_modules/electron/install.js uses (so install.js then finds it
// there and only unpacks it), and reports every chunk to the parent, which shows the progress and
// gives up only when nothing arrives for a while. Usage: fork(this file, [electronDir]).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const electronDir = process.argv[2];
if (!electronDir || typeof process.send !== 'function') {
  console.error('download-electron.mjs is run by scripts/start-electron.mjs');
  process.exit(2);
}

const send = (message) => process.send?.(message);

async function main() {
  const installJs = path.join(electronDir, 'install.js');
  const { downloadArtifact } = await import(pathToFileURL(createRequire(installJs).resolve('@electron/get')).href);
  const { version } = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8'));
  const env = process.env;
  // The same choices install.js makes, so both name the same file in the cache. (install.js also
  // switches to arm64 under Rosetta on macOS; if this guesses differently there, install.js simply
  // downloads the right one itself, without our progress line.)
  const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform;
  const arch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch;
  const remoteChecksums = env.electron_use_remote_checksums || env.npm_config_electron_use_remote_checksums;
  let lastSent = 0;
  const zip = await downloadArtifact({
    version,
    artifactName: 'electron',
    force: env.force_no_cache === 'true',
    cacheRoot: env.electron_config_cache,
    checksums: remoteChecksums ? undefined : JSON.parse(readFileSync(path.join(electronDir, 'checksums.json'), 'utf8')),
    platform,
    arch,
    downloadOptions: {
      // The parent draws the progress; @electron/get's own bar would only appear after 30 s.
      quiet: true,
      getProgressCallback: ({ transferred, total }) => {
        const now = Date.now();
        // Every chunk counts as activity, but the parent needs a message at most every 200 ms.
        if (now - lastSent < 200 && transferred !== total) return;
        lastSent = now;
        send({ type: 'progress', version, transferred, total });
      },
    },
  });
  send({ type: 'done', version, zip });
}

main().then(
  () => process.exit(0),
  (error) => {
    // fetch() says only "fetch failed"; the cause says which host and what went wrong.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
    const code = cause && 'code' in cause ? String(cause.code) : '';
    const host = cause && 'hostname' in cause ? ` ${String(cause.hostname)}` : '';
    const detail = cause ? ` (${code ? `${code}${host}` : cause.message})` : '';
    console.error(`${error instanceof Error ? error.message : String(error)}${detail}`);
    process.exit(1);
  },
);
