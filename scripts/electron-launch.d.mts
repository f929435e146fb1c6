export type ElectronLookup = { binary: string } | { missing: string };
export function electronPackageDir(): string | null;
export function findInstalledElectron(electronDir: string | null, env?: Record<string, string | undefined>): ElectronLookup;

export function nodeVersionProblem(version: string): string | null;

export const DEFAULT_DOWNLOAD_IDLE_TIMEOUT_MS: number;
export function downloadIdleTimeoutMs(env?: Record<string, string | undefined>): number;
export function formatDownloadProgress(version: string, transferred: number, total: number | null): string;
export type IdleTimers = {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
};
export function createIdleWatchdog(idleMs: number, onIdle: () => void, timers?: IdleTimers): { touch: () => void; stop: () => void };
export function downloadHelp(): string[];

export function isSandboxFailureOutput(text: string): boolean;
export type SandboxFacts = {
  platform: string;
  binary: string;
  usernsRestricted: 'apparmor' | 'disabled' | null;
  chromeSandbox: { uid: number; mode: number } | null;
};
export function sandboxRemedy(facts: SandboxFacts): string[] | null;
export function readSandboxFacts(binary: string, platform?: string): SandboxFacts;
export function explainEarlyExit(input: {
  code: number | null;
  signal: string | null;
  stderr: string;
  facts: SandboxFacts;
}): { reason: string; help: string[] };
