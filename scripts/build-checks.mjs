// Checks on the bundles scripts/build-electron.mjs writes, each a plain function of the bundle's
// text so the unit tests can run them on real esbuild output (types in build-checks.d.mts).

/** The names a bundle passes to require("…"), in order of first appearance. */
function requiredNames(text, callee) {
  const pattern = new RegExp(`\\b${callee}\\(\\s*["'\`]([^"'\`]+)["'\`]\\s*\\)`, 'g');
  return [...new Set([...text.matchAll(pattern)].map((match) => match[1]))];
}

/**
 * The sandboxed preload may only require "electron": anything else fails at run time with an
 * unhelpful "module not found". Returns the forbidden names (empty when the bundle is fine).
 */
export function forbiddenPreloadRequires(text) {
  return requiredNames(text, 'require').filter((name) => name !== 'electron');
}

/**
 * The main process is an ES module. When esbuild bundles a CommonJS dependency into it, every
 * require() that dependency makes becomes a call to esbuild's `__require` shim, which throws
 * "Dynamic require of "x" is not supported" when it runs, because an ES module has no require.
 * Nothing fails at build time, and the app dies at start (or when that code path first runs).
 * Returns a sentence naming what is required, or null when the bundle has no such call.
 */
export function dynamicRequireProblem(text) {
  if (!text.includes('Dynamic require of') && !/\b__require\s*\(/.test(text)) return null;
  const names = requiredNames(text, '__require');
  const what = names.length > 0 ? names.map((name) => `"${name}"`).join(', ') : 'a computed module name';
  return (
    `The ESM main bundle contains a CommonJS require() of ${what} (esbuild's __require shim), which throws ` +
    '"Dynamic require of … is not supported" at run time. Import the module with an ES import instead, ' +
    'mark it external, or pick a dependency that ships an ES module.'
  );
}
