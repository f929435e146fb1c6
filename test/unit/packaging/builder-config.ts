// Loads the packaging configuration the way electron-builder does (app-builder-lib's getConfig:
// package.json "build", else electron-builder.{yml,json,json5,…} in the project folder), so the
// tests see exactly what a real `electron-builder` run would use. Nothing here downloads anything.
import type { Configuration, FileAssociation } from 'app-builder-lib';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const fromRoot = (p: string): string => fileURLToPath(new URL(p, new URL('../../../', import.meta.url)));

export type PackageJson = {
  name: string;
  main: string;
  author?: string | { name: string; email?: string };
  build?: unknown;
  dependencies?: Record<string, string>;
};

export function readPackageJson(): PackageJson {
  return JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as PackageJson;
}

export function loadBuilderConfig(): Promise<Configuration> {
  return getConfig(ROOT, null, null);
}

export type Platform = 'mac' | 'win' | 'linux';

/** The associations one platform packs: the shared list plus the platform's own (platformPackager.fileAssociations). */
export function fileAssociationsFor(config: Configuration, platform: Platform): FileAssociation[] {
  const list = (value: FileAssociation | FileAssociation[] | null | undefined): FileAssociation[] =>
    value == null ? [] : Array.isArray(value) ? value : [value];
  return [...list(config.fileAssociations), ...list(config[platform]?.fileAssociations)];
}

/** Extensions as electron-builder writes them (a leading dot is dropped). */
export function extensionsOf(association: FileAssociation): string[] {
  const exts = Array.isArray(association.ext) ? association.ext : [association.ext];
  return exts.map((ext) => (ext.startsWith('.') ? ext.slice(1) : ext));
}
