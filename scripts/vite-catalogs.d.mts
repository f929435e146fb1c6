import type { Plugin } from 'vite';
import type { Messages } from '@lingui/core';
export type RawCatalog = Record<string, string>;
export function readCatalog(file: string): RawCatalog;
export function catalogKeyProblems(catalog: RawCatalog, source: RawCatalog, name: string): string[];
export function compileCatalog(catalog: RawCatalog, name: string): Messages;
export function linguiCatalogs(): Plugin;
