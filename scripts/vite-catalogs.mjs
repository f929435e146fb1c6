// Message catalogs are JSON files of ICU messages (renderer/i18n/catalogs/<part>/<lang>.json), kept
// as plain text so a translator can edit them. `import { messages } from './de.json?lingui'`
// gets them compiled with Lingui's own compiler at build time: the app ships no ICU parser, and a
// catalog with a syntax error, or with a key more or fewer than English (the source language),
// fails the build instead of showing a raw key to a client.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
// The throwing variant: the default one logs a syntax error and returns the raw text, which would ship.
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';

const SUFFIX = '?lingui';
const PREFIX = '\0lingui-catalog:';
// The virtual module's id must not end in .json, or Vite's own JSON plugin would parse the code.
const TAIL = '.catalog.js';

/** Reads one catalog: a flat object of message id → ICU message. */
export function readCatalog(file) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: a catalog is one JSON object of id → message`);
  for (const [id, message] of Object.entries(data)) {
    if (typeof message !== 'string') throw new Error(`${file}: "${id}" is not a string`);
  }
  return data;
}

/** Sentences naming every key this catalog lacks or has more than the English one. */
export function catalogKeyProblems(catalog, source, name) {
  const problems = [];
  for (const id of Object.keys(source)) if (!(id in catalog)) problems.push(`${name} lacks "${id}"`);
  for (const id of Object.keys(catalog)) if (!(id in source)) problems.push(`${name} has "${id}", which English does not`);
  return problems;
}

/** Every message compiled; a message that does not parse throws with its id named. */
export function compileCatalog(catalog, name) {
  const out = {};
  for (const [id, message] of Object.entries(catalog)) {
    try {
      out[id] = compileMessageOrThrow(message);
    } catch (error) {
      throw new Error(`${name}: "${id}" is not a valid ICU message: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  return out;
}

export function linguiCatalogs() {
  return {
    name: 'liftoff-lingui-catalogs',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      return resolved ? PREFIX + resolved.id + TAIL : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX) || !id.endsWith(TAIL)) return null;
      const file = id.slice(PREFIX.length, -TAIL.length);
      this.addWatchFile(file);
      const catalog = readCatalog(file);
      const name = `${basename(dirname(file))}/${basename(file)}`;
      if (basename(file) !== 'en.json') {
        const source = join(dirname(file), 'en.json');
        this.addWatchFile(source);
        const problems = catalogKeyProblems(catalog, readCatalog(source), name);
        if (problems.length > 0) throw new Error(`Message catalog out of step with English:\n  ${problems.join('\n  ')}`);
      }
      return `export const messages = JSON.parse(${JSON.stringify(JSON.stringify(compileCatalog(catalog, name)))});`;
    },
    // No catalog is announced in the page (modulepreload): German and French are about 140 kB
    // each, and announcing both made every first screen fetch and compile both (measured: the
    // English first screen 10 % slower). The interface language's catalog is fetched when the
    // app's code starts (renderer/main.tsx waits for it before the first render).
  };
}
