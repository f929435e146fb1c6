// How the export dialog talks to the PDF worker: an export of the pack just counted names that
// count instead of copying the pack again; the worker outlives a dialog unless a PDF was still
// being made for it. A stand-in Worker records what the client posts and answers like the real one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SponsorPack } from '../../../renderer/domain/sponsor-pack';
import type { PdfRequest, PdfResponse } from '../../../renderer/pdf/pdf-protocol';

class FakeWorker {
  static made: FakeWorker[] = [];
  posted: PdfRequest[] = [];
  terminated = false;
  private listeners = new Map<string, Set<(e: unknown) => void>>();
  constructor() {
    FakeWorker.made.push(this);
  }
  addEventListener(type: string, fn: (e: unknown) => void) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)?.add(fn);
  }
  removeEventListener(type: string, fn: (e: unknown) => void) {
    this.listeners.get(type)?.delete(fn);
  }
  postMessage(req: PdfRequest) {
    this.posted.push(req);
  }
  terminate() {
    this.terminated = true;
  }
  answer(msg: PdfResponse) {
    for (const fn of this.listeners.get('message') ?? []) fn({ data: msg });
  }
  last(): PdfRequest {
    return this.posted[this.posted.length - 1] as PdfRequest;
  }
}

const pack = { meta: { client: 'x' } } as unknown as SponsorPack;
const other = { meta: { client: 'y' } } as unknown as SponsorPack;

beforeEach(() => {
  vi.resetModules();
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

async function client() {
  const { createPdfClient } = await import('../../../renderer/pdf/pdf-client');
  return createPdfClient();
}

describe('the PDF client', () => {
  it('exports the pack it just counted by naming the count, and sends the pack after all when asked to', async () => {
    const c = await client();
    const counted = c.countPages(pack);
    const w = FakeWorker.made[0] as FakeWorker;
    const count = w.last();
    expect(count).toMatchObject({ type: 'count', pack });
    w.answer({ id: count.id, type: 'count', check: { pages: 3, undrawable: [] } });
    expect((await counted).pages).toBe(3);

    const rendered = c.render(pack);
    const render = w.last();
    expect(render).toMatchObject({ type: 'render', pack: null, counted: count.id });
    w.answer({ id: render.id, type: 'resend' });
    expect(w.last()).toMatchObject({ id: render.id, type: 'render', pack, counted: null });
    w.answer({ id: render.id, type: 'done', bytes: new Uint8Array([37, 80]).buffer, pages: 3 });
    expect(Array.from((await rendered).bytes)).toEqual([37, 80]);

    // A different pack (the choice changed) is sent whole.
    void c.render(other);
    expect(w.last()).toMatchObject({ type: 'render', pack: other, counted: null });
  });

  it('keeps the worker, with its fonts, for the next dialog when nothing is being made', async () => {
    const first = await client();
    first.warm();
    const w = FakeWorker.made[0] as FakeWorker;
    expect(w.last()).toMatchObject({ type: 'warm' });
    first.dispose();
    expect(w.terminated).toBe(false);
    const { createPdfClient } = await import('../../../renderer/pdf/pdf-client');
    const second = createPdfClient();
    void second.countPages(pack);
    expect(FakeWorker.made).toHaveLength(1);
    expect(w.last()).toMatchObject({ type: 'count', pack });
  });

  it('stops the worker when the dialog closes while a PDF is being made', async () => {
    const c = await client();
    const rendered = c.render(pack);
    const w = FakeWorker.made[0] as FakeWorker;
    c.dispose();
    await expect(rendered).rejects.toThrow('The export was closed.');
    expect(w.terminated).toBe(true);
    const { createPdfClient } = await import('../../../renderer/pdf/pdf-client');
    void createPdfClient().countPages(pack);
    expect(FakeWorker.made).toHaveLength(2);
  });
});
