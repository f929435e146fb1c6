// The renderer's side of the menu language (renderer/lib/desktop.ts followInterfaceLanguageInMenu):
// says the interface language to main at start-up and on each change; a no-op in a browser.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../../electron/shared/ipc-contract';
import type { Locale } from '../../../renderer/i18n/translator';
import { followInterfaceLanguageInMenu } from '../../../renderer/lib/desktop';
import { interfaceLocale, setInterfaceChoice, subscribeToInterfaceLanguage } from '../../../renderer/i18n/interface-language';

/** An interface language like i18n/interface-language.ts: a current locale and listeners. */
function fakeInterfaceLanguage(start: Locale) {
  let current = start;
  const listeners = new Set<() => void>();
  return {
    current: () => current,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next: Locale) {
      current = next;
      for (const listener of listeners) listener();
    },
    listeners,
  };
}

function fakeDesktop(result: () => Promise<void> = () => Promise.resolve()) {
  const setMenuLanguage = vi.fn((_args: { language: string }) => result());
  globalThis.desktop = { setMenuLanguage } as unknown as DesktopApi;
  return setMenuLanguage;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  globalThis.desktop = undefined;
});

describe('followInterfaceLanguageInMenu', () => {
  it('says the interface language at start-up and on each change', async () => {
    const setMenuLanguage = fakeDesktop();
    const lang = fakeInterfaceLanguage('de');
    const stop = followInterfaceLanguageInMenu(lang.current, lang.subscribe);
    await settle();
    expect(setMenuLanguage.mock.calls).toEqual([[{ language: 'de' }]]);
    lang.set('fr');
    lang.set('en');
    await settle();
    expect(setMenuLanguage.mock.calls).toEqual([[{ language: 'de' }], [{ language: 'fr' }], [{ language: 'en' }]]);
    stop();
    lang.set('de');
    await settle();
    expect(setMenuLanguage).toHaveBeenCalledTimes(3);
  });

  it('says English for the pseudo-locale, and nothing again when the language stays', async () => {
    const setMenuLanguage = fakeDesktop();
    const lang = fakeInterfaceLanguage('pseudo');
    followInterfaceLanguageInMenu(lang.current, lang.subscribe);
    lang.set('en');
    lang.set('en');
    await settle();
    expect(setMenuLanguage.mock.calls).toEqual([[{ language: 'en' }]]);
  });

  it('says the language again after main could not be told', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    let fail = true;
    const setMenuLanguage = fakeDesktop(() => (fail ? Promise.reject(new Error('refused')) : Promise.resolve()));
    const lang = fakeInterfaceLanguage('fr');
    followInterfaceLanguageInMenu(lang.current, lang.subscribe);
    await settle();
    expect(warn).toHaveBeenCalled();
    fail = false;
    lang.set('fr');
    await settle();
    expect(setMenuLanguage.mock.calls).toEqual([[{ language: 'fr' }], [{ language: 'fr' }]]);
    warn.mockRestore();
  });

  it('warns, without throwing, when the desktop has no such method (an older stand-in)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    globalThis.desktop = {} as unknown as DesktopApi;
    const lang = fakeInterfaceLanguage('de');
    expect(() => followInterfaceLanguageInMenu(lang.current, lang.subscribe)).not.toThrow();
    await settle();
    expect(warn).toHaveBeenCalledWith('Liftoff: could not set the menu language', expect.any(TypeError));
    warn.mockRestore();
  });

  it('is a no-op in a browser', () => {
    globalThis.desktop = undefined;
    const lang = fakeInterfaceLanguage('de');
    const stop = followInterfaceLanguageInMenu(lang.current, lang.subscribe);
    expect(lang.listeners.size).toBe(0);
    expect(() => stop()).not.toThrow();
  });

  it('follows the language switch the facilitator uses (setInterfaceChoice), as main.tsx wires it', async () => {
    await setInterfaceChoice('en');
    const setMenuLanguage = fakeDesktop();
    const stop = followInterfaceLanguageInMenu(interfaceLocale, subscribeToInterfaceLanguage);
    await setInterfaceChoice('de');
    await setInterfaceChoice('fr');
    stop();
    await setInterfaceChoice('en');
    await settle();
    expect(setMenuLanguage.mock.calls).toEqual([[{ language: 'en' }], [{ language: 'de' }], [{ language: 'fr' }]]);
  });
});
