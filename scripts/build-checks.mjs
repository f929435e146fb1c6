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

import { builtinModules } from 'node:module';

/**
 * Put at the top of the ESM main bundle: gives esbuild's __require shim a real require, so the
 * CommonJS libraries bundled in (the room server's Fastify) can load Node's built-in modules.
 */
export const MAIN_REQUIRE_BANNER = "import { createRequire as __liftoffCreateRequire } from 'node:module'; const require = __liftoffCreateRequire(import.meta.url);";

const isBuiltin = (name) => name.startsWith('node:') || builtinModules.includes(name);

/**
 * The main process is an ES module. When esbuild bundles a CommonJS dependency into it, every
 * require() that dependency makes becomes a call to esbuild's `__require` shim, which throws
 * "Dynamic require of "x" is not supported" when it runs, because an ES module has no require.
 * Nothing fails at build time, and the app dies at start (or when that code path first runs).
 * Returns a sentence naming what is required, or null when the bundle has no such call.
 */
export function dynamicRequireProblem(text) {
  if (!text.includes('Dynamic require of') && !/\b__require\s*\(/.test(text)) return null;
  let names = requiredNames(text, '__require');
  if (text.startsWith(MAIN_REQUIRE_BANNER)) {
    // With the banner, built-ins load; anything else would need node_modules, which the app does not ship.
    names = names.filter((name) => !isBuiltin(name) && name !== 'electron');
    if (names.length === 0) return null;
  }
  const what = names.length > 0 ? names.map((name) => `"${name}"`).join(', ') : 'a computed module name';
  return (
    `The ESM main bundle contains a CommonJS require() of ${what} (esbuild's __require shim), which throws ` +
    '"Dynamic require of … is not supported" at run time. Import the module with an ES import instead, ' +
    'mark it external, or pick a dependency that ships an ES module.'
  );
}
