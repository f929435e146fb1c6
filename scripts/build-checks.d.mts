/** Names the sandboxed preload requires other than "electron" (empty when the bundle is fine). */
export function forbiddenPreloadRequires(text: string): string[];
/** A sentence naming the CommonJS requires left in the ESM main bundle, or null when there are none. */
export function dynamicRequireProblem(text: string): string | null;
/** The line that gives the ESM main bundle a require for Node's built-ins (bundled CommonJS needs it). */
export const MAIN_REQUIRE_BANNER: string;
