// Where the built pieces live at run time. import.meta.url is out/main/main.js once bundled
// (scripts/build-electron.mjs emits a single file), so these resolve inside out/ both in a
// checkout and inside the packaged app.asar.
import { fileURLToPath } from 'node:url';

/** The built renderer (vite's outDir); the only folder app:// serves. */
export function rendererRoot(): string {
  return fileURLToPath(new URL('../renderer/', import.meta.url));
}

/** The sandboxed preload: one CommonJS file, because sandboxed preloads cannot load ESM or other files. */
export function preloadPath(): string {
  return fileURLToPath(new URL('../preload/preload.cjs', import.meta.url));
}

/** The phone page (vite.phone.config.ts); the only folder the room server serves. */
export function phoneRoot(): string {
  return fileURLToPath(new URL('../phone/', import.meta.url));
}
