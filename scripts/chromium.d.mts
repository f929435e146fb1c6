/** Debian's Chromium, or the one named by CHROME_PATH; throws with install advice when there is none. */
export function findChromium(): string;
export const CHROMIUM_ARGS: string[];
