import type { Plugin } from 'vite';
export type RawCatalog = Record<string, string>;
export function readCatalog(file: string): RawCatalog;
export function catalogKeyProblems(catalog: RawCatalog, source: RawCatalog, name: string): string[];
export function compileCatalog(catalog: RawCatalog, name: string): Record<string, unknown>;
export function linguiCatalogs(): Plugin;
