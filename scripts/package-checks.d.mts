export type FuseStateName = 'enabled' | 'disabled' | 'removed' | 'inherit';
export function fuseOptionName(configKey: string): string;
export function fuseProblems(configured: Record<string, boolean>, actual: Record<string, FuseStateName>): string[];
export const REQUIRED_ASAR_ENTRIES: string[];
export function asarProblems(entries: string[]): string[];
export function indexedDbProblem(entries: string[] | null): string | null;
export function unpackedLayouts(platform: string, output: string, productName: string, executableName: string): { binary: string; asar: string }[];
