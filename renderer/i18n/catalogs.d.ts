// `import { messages } from './de.json?lingui'`: a catalog compiled at build time
// (scripts/vite-catalogs.mjs).
declare module '*.json?lingui' {
  import type { Messages } from '@lingui/core';
  export const messages: Messages;
}
