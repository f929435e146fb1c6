/// <reference types="vite/client" />
declare const __APP_VERSION__: string;

// The hyphenation patterns (shared/hyphenate.ts); the package ships no types.
declare module 'hyphen/de' {
  export function hyphenateSync(text: string, options?: { minWordLength?: number; hyphenChar?: string }): string;
}
declare module 'hyphen/en-us' {
  export function hyphenateSync(text: string, options?: { minWordLength?: number; hyphenChar?: string }): string;
}
declare module 'hyphen/fr' {
  export function hyphenateSync(text: string, options?: { minWordLength?: number; hyphenChar?: string }): string;
}
