// The one place that says which Chromium the tooling drives (e2e tests, `npm run bench`, the icon
// maker) and with which switches. Plain JavaScript so the .mjs scripts can import it as well as
// the TypeScript tests (types in chromium.d.mts). Never downloads a browser.
import { existsSync } from 'node:fs';

/** Debian's Chromium, or the one named by CHROME_PATH. */
export function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH to a Chrome/Chromium binary.',
    );
  }
  return found;
}

/** Headless in a container, offline: no sandbox, no GPU, nothing that reaches the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
