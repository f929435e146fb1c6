// The security regression table for IPC: every channel of the contract, driven through the one
// gate main uses (typedHandle), with senders that are not our window, payloads a hostile page
// could send, and a thousand generated payloads per channel. Whatever arrives, a channel either
// refuses it with IpcRefusedError (handler untouched) or hands its handler a payload that matches
// the contract; it never throws anything else and never writes to Object.prototype.
import type { IpcMainInvokeEvent } from 'electron';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;
const registered = new Map<string, Listener>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: vi.fn((channel: string, listener: Listener) => {
      registered.set(channel, listener);
    }),
  },
}));

const { typedHandle, IpcRefusedError } = await import('../../../electron/main/ipc/typed-handle');
const { IPC_CHANNELS, ipcArgsSchemas, MAX_FILE_BYTES } = await import('../../../electron/shared/ipc-contract');
type Channel = (typeof IPC_CHANNELS)[number];

const handlers = new Map<Channel, ReturnType<typeof vi.fn>>();

beforeAll(() => {
  for (const channel of IPC_CHANNELS) {
    const handler = vi.fn(() => null);
    handlers.set(channel, handler);
    typedHandle(channel, handler as never);
  }
});

function frame(url: string, parent: unknown = null): IpcMainInvokeEvent {
  return { senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent;
}
const trusted = frame('app://liftoff/index.html');

async function call(channel: Channel, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<{ ok: true } | { ok: false; error: unknown }> {
  const listener = registered.get(channel);
  if (!listener) throw new Error(`no listener for ${channel}`);
  try {
    await listener(event, ...args);
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

const ROOM_STATE = { workshopTitle: 'W', language: 'en', participants: [{ id: 'p-1', name: '이서연' }], allowNewParticipants: false, criteria: [{ id: 'impact', label: 'Impact', rubric: ['a', 'b', 'c', 'd', 'e'] }], items: [{ useCaseId: 'uc-1', roundId: 'r-1', roundNumber: 1, title: 'T', problem: '', status: 'open' }] };

const BACKUP_ID = '3f2b8c1e-6a4d-4c1b-9a77-0c2f5b8e1d10';
const BACKUP_FILE = '2026-11-23T21-04-45-123Z.liftoff.json';

/** A payload each channel accepts; the Record type makes a new channel without one a compile error. */
const VALID: Record<Channel, unknown[]> = {
  'file:save': [{ suggestedName: 'Plan.pdf', data: 'x', filters: [{ name: 'PDF', extensions: ['pdf'] }] }],
  'file:open': [{ filters: [{ name: 'CSV', extensions: ['csv'] }], maxBytes: 1024 }],
  'file:open-bytes': [{ filters: [{ name: 'Spreadsheet', extensions: ['xlsx', 'csv'] }], maxBytes: 1024 }],
  'file:take-opened': [{ maxBytes: 1024 }],
  'app:info': [],
  'backup:write': [
    {
      workshopId: BACKUP_ID,
      fileName: BACKUP_FILE,
      data: '{}',
      info: { workshopName: 'W', useCases: 1, workshopUpdatedAt: '2026-11-23T21:04:45.123Z', createdAt: '2026-11-23T21:04:45.123Z' },
    },
  ],
  'backup:list': [],
  'backup:read': [{ workshopId: BACKUP_ID, fileName: BACKUP_FILE }],
  'backup:prune': [{ workshopId: BACKUP_ID, fileNames: [BACKUP_FILE] }],
  'backup:flushed': [],
  'window:set-fullscreen': [{ fullscreen: true }],
  'menu:take-pending': [],
  'menu:set-language': [{ language: 'de' }],
  'room:addresses': [],
  'room:open': [{ address: '192.168.1.23' }],
  'room:status': [],
  'room:state': [ROOM_STATE],
  'room:answer': [[{ requestId: 'abc', ok: true }]],
  'room:remove-device': [{ deviceId: 'dev-1' }],
  'room:close': [],
};

/** Payloads a compromised or confused page could send, per channel. */
const HOSTILE: Record<Channel, unknown[]> = {
  'file:save': [
    { suggestedName: '../../.bashrc', data: 'x', filters: [] },
    { suggestedName: 'C:\\Windows\\System32\\evil.dll', data: 'x', filters: [] },
    { suggestedName: '/etc/cron.d/job', data: 'x', filters: [] },
    { suggestedName: '..', data: 'x', filters: [] },
    { suggestedName: 'a\u0000.pdf', data: 'x', filters: [] },
    { suggestedName: 'x'.repeat(201), data: 'x', filters: [] },
    { suggestedName: 'Plan.pdf', data: { toString: 'x' }, filters: [] },
    { suggestedName: 'Plan.pdf', data: 'x', filters: [{ name: 'All', extensions: ['.exe'] }] },
    { suggestedName: 'Plan.pdf', data: 'x', filters: [], defaultPath: '/etc/passwd' },
    { suggestedName: 'Plan.pdf', data: 'x'.repeat(MAX_FILE_BYTES + 1), filters: [] },
  ],
  'file:open': [
    { filters: [], maxBytes: 0 },
    { filters: [], maxBytes: -1 },
    { filters: [], maxBytes: MAX_FILE_BYTES + 1 },
    { filters: [], maxBytes: 1.5 },
    { filters: [], maxBytes: Number.NaN },
    { filters: [], maxBytes: '1024' },
    { filters: [], maxBytes: 10, properties: ['openDirectory', 'multiSelections'] },
    { filters: [{ name: 'x', extensions: ['*/../../'] }], maxBytes: 10 },
  ],
  'file:open-bytes': [
    { filters: [], maxBytes: 0 },
    { filters: [], maxBytes: MAX_FILE_BYTES + 1 },
    { filters: [], maxBytes: '1024' },
    { filters: [], maxBytes: 10, path: '/etc/shadow' },
    { filters: [{ name: 'x', extensions: ['../xlsx'] }], maxBytes: 10 },
  ],
  'file:take-opened': [{ maxBytes: 0 }, { maxBytes: Infinity }, { maxBytes: 10, path: '/etc/shadow' }, {}],
  'app:info': [{ sneaky: true }, null, 0, ''],
  'backup:write': [
    { workshopId: '../../..', fileName: BACKUP_FILE, data: '{}', info: { workshopName: '', useCases: 0, workshopUpdatedAt: '', createdAt: '' } },
    { workshopId: BACKUP_ID, fileName: '../../evil.liftoff.json', data: '{}', info: { workshopName: '', useCases: 0, workshopUpdatedAt: '', createdAt: '' } },
    { workshopId: BACKUP_ID, fileName: `${BACKUP_FILE}\n`, data: '{}', info: { workshopName: '', useCases: 0, workshopUpdatedAt: '', createdAt: '' } },
    { workshopId: BACKUP_ID, fileName: BACKUP_FILE, data: '{}', info: { workshopName: '', useCases: -1, workshopUpdatedAt: '', createdAt: '' } },
    { workshopId: BACKUP_ID, fileName: BACKUP_FILE, data: '{}' },
  ],
  'backup:list': [{ workshopId: BACKUP_ID }, []],
  'backup:read': [
    { workshopId: BACKUP_ID, fileName: '../../../../etc/passwd' },
    { workshopId: '..', fileName: BACKUP_FILE },
    { workshopId: 'C:', fileName: BACKUP_FILE },
    { workshopId: BACKUP_ID, fileName: BACKUP_FILE, extra: 1 },
  ],
  'backup:prune': [
    { workshopId: BACKUP_ID, fileNames: ['*'] },
    { workshopId: BACKUP_ID, fileNames: '2026-11-23T21-04-45-123Z.liftoff.json' },
    { workshopId: BACKUP_ID, fileNames: ['..'] },
  ],
  'backup:flushed': [{ done: true }, false],
  'window:set-fullscreen': [{ fullscreen: 'true' }, { fullscreen: 1 }, {}, { fullscreen: true, bounds: { x: 0, y: 0 } }, true, null],
  'menu:take-pending': [{ command: 'new-workshop' }, 'new-workshop', []],
  'menu:set-language': [
    'de',
    { language: 'es' },
    { language: 'DE' },
    { language: 'de-DE' },
    { language: 'pseudo' },
    { language: '' },
    { language: ['de'] },
    { language: 'de', label: '&File' },
    {},
    null,
  ],
  'room:addresses': [{ all: true }, '0.0.0.0'],
  'room:open': [{ address: 1 }, { address: '192.168.1.23', port: 70_000 }, { address: '192.168.1.23', host: '0.0.0.0' }, { address: 'x'.repeat(65) }, {}],
  'room:status': [{ token: 'x' }],
  'room:state': [
    { ...ROOM_STATE, items: [{ ...ROOM_STATE.items[0], status: 'scored' }] },
    { ...ROOM_STATE, scores: [{ value: 5 }] },
    { ...ROOM_STATE, items: Array.from({ length: 51 }, () => ROOM_STATE.items[0]) },
    { ...ROOM_STATE, participants: [{ id: '../x', name: 'a' }] },
  ],
  'room:answer': [[{ requestId: 'abc', ok: false, status: 200, message: 'x' }], [{ requestId: 'abc', ok: true, participantId: 'a b' }], [{ ok: true }], { requestId: 'abc', ok: true }, []],
  'room:remove-device': [{ deviceId: '' }, { deviceId: 'x'.repeat(65) }, 'dev-1'],
  'room:close': [{ now: true }],
};

/** Frames that are not the Liftoff window's top frame. */
const WRONG_SENDERS: [string, IpcMainInvokeEvent][] = [
  ['a web page', frame('https://evil.example/')],
  ['the dev server origin', frame('http://127.0.0.1:5173/index.html')],
  ['a local file', frame('file:///home/me/Downloads/evil.html')],
  ['a data: URL', frame('data:text/html,<script>1</script>')],
  ['about:blank', frame('about:blank')],
  ['another app:// host', frame('app://evil/index.html')],
  ['a look-alike host', frame('app://liftoff.evil.example/index.html')],
  ['credentials in the URL', frame('app://liftoff@evil/index.html')],
  ['devtools', frame('devtools://devtools/bundled/inspector.html')],
  ['our page in a subframe', frame('app://liftoff/index.html', { url: 'app://liftoff/index.html' })],
  ['a destroyed frame', { senderFrame: null } as unknown as IpcMainInvokeEvent],
  ['no frame at all', {} as unknown as IpcMainInvokeEvent],
];

function expectRefused(result: { ok: true } | { ok: false; error: unknown }): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error).toBeInstanceOf(IpcRefusedError);
}

function prototypeKeys(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

describe('every IPC channel', () => {
  it('has a valid payload in this table, and accepts it from our window', async () => {
    expect(Object.keys(VALID).sort()).toEqual([...IPC_CHANNELS].sort());
    for (const channel of IPC_CHANNELS) {
      handlers.get(channel)?.mockClear();
      expect(await call(channel, trusted, ...VALID[channel]), channel).toEqual({ ok: true });
      expect(handlers.get(channel), channel).toHaveBeenCalledTimes(1);
    }
  });

  it.each(WRONG_SENDERS)('refuses %s on every channel, before looking at the payload', async (_name, event) => {
    for (const channel of IPC_CHANNELS) {
      handlers.get(channel)?.mockClear();
      const result = await call(channel, event, ...VALID[channel]);
      expectRefused(result);
      if (!result.ok) expect(String(result.error), channel).toMatch(/sender is not the Liftoff window/);
      expect(handlers.get(channel), channel).not.toHaveBeenCalled();
    }
  });

  it.each(IPC_CHANNELS.map((c) => [c]))('%s refuses hostile payloads, naming the channel', async (channel) => {
    handlers.get(channel)?.mockClear();
    expect(HOSTILE[channel].length).toBeGreaterThan(0);
    for (const payload of HOSTILE[channel]) {
      const result = await call(channel, trusted, payload);
      expectRefused(result);
      if (!result.ok) expect(String(result.error)).toContain(`Refused "${channel}"`);
    }
    // A valid payload with a second argument is also a caller we did not write.
    expectRefused(await call(channel, trusted, VALID[channel][0], 'extra'));
    expect(handlers.get(channel)).not.toHaveBeenCalled();
  });

  it('refuses payloads carrying __proto__ or constructor keys, and nothing reaches Object.prototype', async () => {
    const before = prototypeKeys();
    for (const channel of IPC_CHANNELS) {
      handlers.get(channel)?.mockClear();
      const valid = VALID[channel][0] ?? {};
      // A channel that takes a list (the room's answers) gets the keys on the list's item.
      const base = (Array.isArray(valid) ? valid[0] : valid) as Record<string, unknown>;
      const wrap = (payload: unknown) => (Array.isArray(valid) ? [payload] : payload);
      const payloads = [
        // JSON.parse makes "__proto__" an own key, as a structured clone from the renderer can.
        JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(base).slice(1)}`.replace(/, }$/, '}')),
        { ...base, constructor: { prototype: { polluted: true } } },
      ].map(wrap);
      for (const payload of payloads) {
        const result = await call(channel, trusted, payload);
        if (result.ok) {
          // Only possible when zod stripped nothing and the key was not own: then the handler got a clean object.
          const arg = handlers.get(channel)?.mock.calls.at(-1)?.[0] as unknown;
          const got = (Array.isArray(arg) ? arg[0] : arg) as Record<string, unknown> | undefined;
          expect(got && Object.hasOwn(got, '__proto__')).toBeFalsy();
        } else {
          expect(result.error).toBeInstanceOf(IpcRefusedError);
        }
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeKeys()).toEqual(before);
  });

  // Thousands of generated payloads take about 5 s on a shared 2-core machine, over the default timeout.
  it('survives 1,000 generated payloads per channel: refused cleanly, or passed on exactly as the contract allows', async () => {
    const before = prototypeKeys();
    const payload = fc.oneof(
      fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withObjectString: true }),
      fc.dictionary(fc.constantFrom('suggestedName', 'data', 'filters', 'maxBytes', 'workshopId', 'fileName', 'fileNames', 'info', '__proto__', 'constructor'), fc.anything()),
      fc.json().map((text) => JSON.parse(text) as unknown),
    );
    for (const channel of IPC_CHANNELS) {
      const handler = handlers.get(channel);
      await fc.assert(
        fc.asyncProperty(payload, async (value) => {
          handler?.mockClear();
          const result = await call(channel, trusted, value);
          if (result.ok) {
            expect(handler).toHaveBeenCalledTimes(1);
            expect(ipcArgsSchemas[channel].safeParse(handler?.mock.calls[0]?.[0]).success).toBe(true);
          } else {
            expect(result.error).toBeInstanceOf(IpcRefusedError);
            expect(handler).not.toHaveBeenCalled();
          }
        }),
        { numRuns: 1000, seed: 8 },
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeKeys()).toEqual(before);
    // 19 channels × 1,000 payloads: ~5 s alone, more when the machine is busy; not a speed check.
  }, 60_000);
});
