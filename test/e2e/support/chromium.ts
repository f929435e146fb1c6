// The browser the e2e tests drive: the same one, with the same switches, as the bench and the
// icon maker (scripts/chromium.mjs).
export { CHROMIUM_ARGS, findChromium } from '../../../scripts/chromium.mjs';
