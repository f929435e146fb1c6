import { describe, expect, it } from 'vitest';
import {
  IPC_CHANNELS,
  ipcArgsSchemas,
  isIpcChannel,
  isMenuCommand,
  MAX_FILE_BYTES,
  MENU_COMMANDS,
  menuCommandSchema,
  openFileArgsSchema,
  saveFileArgsSchema,
  setInterfaceLanguageArgsSchema,
  takeOpenedFileArgsSchema,
  utf8ByteLength,
} from '../../../electron/shared/ipc-contract';

const filters = [{ name: 'Liftoff workshop', extensions: ['json'] }];

describe('the IPC contract', () => {
  it('has a validator for exactly the listed channels', () => {
    expect(Object.keys(ipcArgsSchemas).sort()).toEqual([...IPC_CHANNELS].sort());
    expect(isIpcChannel('file:save')).toBe(true);
    expect(isIpcChannel('shell:exec')).toBe(false);
  });

  it('accepts a save of text or bytes under a plain file name', () => {
    expect(saveFileArgsSchema.safeParse({ suggestedName: 'workshop.json', data: '{}', filters }).success).toBe(true);
    expect(saveFileArgsSchema.safeParse({ suggestedName: 'report.pdf', data: new Uint8Array([1, 2]), filters: [] }).success).toBe(true);
  });

  it('refuses a suggested name with a path separator, a dot segment or control characters', () => {
    for (const suggestedName of ['../evil.json', 'a/b.json', 'a\\b.json', '..', '.', '', 'a\u0000.json', 'x'.repeat(201)]) {
      expect(saveFileArgsSchema.safeParse({ suggestedName, data: '', filters }).success, suggestedName).toBe(false);
    }
  });

  it('refuses data over 100 MB and unknown keys', () => {
    // Zero-filled memory is allocated lazily, so this costs little.
    const huge = new Uint8Array(MAX_FILE_BYTES + 1);
    expect(saveFileArgsSchema.safeParse({ suggestedName: 'a.json', data: 'x'.repeat(MAX_FILE_BYTES + 1), filters }).success).toBe(false);
    expect(saveFileArgsSchema.safeParse({ suggestedName: 'a.json', data: huge, filters }).success).toBe(false);
    expect(saveFileArgsSchema.safeParse({ suggestedName: 'a.json', data: '', filters, path: '/etc/passwd' }).success).toBe(false);
  });

  it('refuses filters with dotted or odd extensions', () => {
    expect(saveFileArgsSchema.safeParse({ suggestedName: 'a', data: '', filters: [{ name: 'x', extensions: ['.json'] }] }).success).toBe(false);
    expect(saveFileArgsSchema.safeParse({ suggestedName: 'a', data: '', filters: [{ name: 'x', extensions: ['js;rm'] }] }).success).toBe(false);
    expect(saveFileArgsSchema.safeParse({ suggestedName: 'a', data: '', filters: [{ name: 'All', extensions: ['*'] }] }).success).toBe(true);
  });

  it('bounds maxBytes of an open between 1 byte and 100 MB', () => {
    expect(openFileArgsSchema.safeParse({ filters, maxBytes: 1 }).success).toBe(true);
    expect(openFileArgsSchema.safeParse({ filters, maxBytes: MAX_FILE_BYTES }).success).toBe(true);
    expect(openFileArgsSchema.safeParse({ filters, maxBytes: 0 }).success).toBe(false);
    expect(openFileArgsSchema.safeParse({ filters, maxBytes: MAX_FILE_BYTES + 1 }).success).toBe(false);
    expect(openFileArgsSchema.safeParse({ filters, maxBytes: 1.5 }).success).toBe(false);
  });

  it('takes an opened file only with a size limit between 1 byte and 100 MB, and never a path', () => {
    expect(takeOpenedFileArgsSchema.safeParse({ maxBytes: 25 * 1024 * 1024 }).success).toBe(true);
    expect(takeOpenedFileArgsSchema.safeParse({ maxBytes: 0 }).success).toBe(false);
    expect(takeOpenedFileArgsSchema.safeParse({ maxBytes: MAX_FILE_BYTES + 1 }).success).toBe(false);
    expect(takeOpenedFileArgsSchema.safeParse({ maxBytes: 10, path: '/etc/passwd' }).success).toBe(false);
    expect(takeOpenedFileArgsSchema.safeParse(undefined).success).toBe(false);
    expect(ipcArgsSchemas['file:take-opened']).toBe(takeOpenedFileArgsSchema);
  });

  it('accepts no arguments for app:info and nothing else', () => {
    expect(ipcArgsSchemas['app:info'].safeParse(undefined).success).toBe(true);
    expect(ipcArgsSchemas['app:info'].safeParse({}).success).toBe(false);
  });

  it('takes the interface language for the menu as en, de or fr and nothing else', () => {
    for (const language of ['en', 'de', 'fr']) expect(setInterfaceLanguageArgsSchema.safeParse({ language }).success, language).toBe(true);
    for (const bad of [{ language: 'es' }, { language: 'pseudo' }, { language: 'DE' }, { language: 'de', label: 'x' }, 'de', undefined]) {
      expect(setInterfaceLanguageArgsSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(ipcArgsSchemas['menu:set-language']).toBe(setInterfaceLanguageArgsSchema);
  });

  it('knows the eight menu commands and nothing more', () => {
    expect(MENU_COMMANDS).toHaveLength(8);
    expect(isMenuCommand('toggle-presenter')).toBe(true);
    for (const command of MENU_COMMANDS) expect(isMenuCommand(command)).toBe(true);
    expect(isMenuCommand('quit')).toBe(false);
    expect(isMenuCommand(1)).toBe(false);
    expect(menuCommandSchema.safeParse('undo').success).toBe(true);
  });

  it('counts UTF-8 bytes like the encoder does', () => {
    for (const text of ['', 'abc', 'é', '€', '😀', 'a😀b€', '\ud800', '\udc00x']) {
      expect(utf8ByteLength(text), JSON.stringify(text)).toBe(new TextEncoder().encode(text).byteLength);
    }
  });
});
