// The decisions of `npm run check:package` (check-package.mjs), as pure functions of what it read
// from the unpacked build, so the unit tests can hold them to the packaging promises without an
// Electron binary (types in package-checks.d.mts).

/** electron-builder.json5's `electronFuses` key → the name @electron/fuses gives the fuse. */
export function fuseOptionName(configKey) {
  return configKey.charAt(0).toUpperCase() + configKey.slice(1);
}

/**
 * Compares the fuses read from the packaged binary ({ RunAsNode: 'disabled', … }) with the
 * configuration ({ runAsNode: false, … }). Returns one sentence per fuse that is not as configured.
 */
export function fuseProblems(configured, actual) {
  const problems = [];
  for (const [key, wanted] of Object.entries(configured)) {
    const name = fuseOptionName(key);
    const state = actual[name];
    const expected = wanted ? 'enabled' : 'disabled';
    if (state === undefined) problems.push(`The fuse ${name} is not in the binary's fuse wire (configured ${expected}).`);
    else if (state !== expected) problems.push(`The fuse ${name} is ${state}, but electron-builder.json5 sets it ${expected}.`);
  }
  return problems;
}

/** What app.asar must hold: the bundled main, the sandboxed preload, the built renderer, package.json. */
export const REQUIRED_ASAR_ENTRIES = ['/package.json', '/out/main/main.js', '/out/preload/preload.cjs', '/out/renderer/index.html', '/out/phone/index.html'];

/**
 * Checks the list of app.asar (as @electron/asar's listPackage gives it, "/out/main/main.js"):
 * the required files are there, no source maps, and nothing but out/ and package.json (no
 * sources, no node_modules: every library is bundled). Returns sentences; empty when it is fine.
 */
export function asarProblems(entries) {
  const normalized = entries.map((entry) => entry.replace(/\\/g, '/'));
  const problems = [];
  for (const required of REQUIRED_ASAR_ENTRIES) {
    if (!normalized.includes(required)) problems.push(`app.asar has no ${required}.`);
  }
  if (!normalized.some((entry) => /^\/out\/renderer\/assets\/[^/]+\.js$/.test(entry))) problems.push('app.asar has no renderer scripts under /out/renderer/assets/.');
  const maps = normalized.filter((entry) => entry.endsWith('.map'));
  if (maps.length > 0) problems.push(`app.asar holds source maps: ${maps.slice(0, 5).join(', ')}${maps.length > 5 ? ` and ${maps.length - 5} more` : ''}.`);
  const foreign = normalized.filter((entry) => entry !== '/package.json' && entry !== '/out' && !entry.startsWith('/out/'));
  if (foreign.length > 0) problems.push(`app.asar holds files outside out/: ${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ` and ${foreign.length - 5} more` : ''}.`);
  return problems;
}

/**
 * The page's IndexedDB lives in <profile>/IndexedDB/<origin>.indexeddb.leveldb, the origin
 * app://liftoff written as "app_liftoff_0". Given that folder's entries (null when it does not
 * exist), returns a sentence when the app's database was not created, or null.
 */
export function indexedDbProblem(entries) {
  if (entries === null) return 'The profile has no IndexedDB folder: the page did not open its database.';
  if (!entries.some((entry) => entry.startsWith('app_liftoff_'))) {
    return `The profile's IndexedDB folder has no database for app://liftoff (found: ${entries.join(', ') || 'nothing'}).`;
  }
  return null;
}

/** Where electron-builder --dir puts the app and its app.asar, per platform, under `output`. */
export function unpackedLayouts(platform, output, productName, executableName) {
  if (platform === 'darwin') {
    return ['mac', 'mac-arm64', 'mac-universal'].map((folder) => ({
      binary: `${output}/${folder}/${productName}.app/Contents/MacOS/${productName}`,
      asar: `${output}/${folder}/${productName}.app/Contents/Resources/app.asar`,
    }));
  }
  if (platform === 'win32') {
    return ['win-unpacked', 'win-arm64-unpacked'].map((folder) => ({
      binary: `${output}/${folder}/${productName}.exe`,
      asar: `${output}/${folder}/resources/app.asar`,
    }));
  }
  return ['linux-unpacked', 'linux-arm64-unpacked'].map((folder) => ({
    binary: `${output}/${folder}/${executableName}`,
    asar: `${output}/${folder}/resources/app.asar`,
  }));
}
