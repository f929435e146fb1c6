// @vitest-environment jsdom
// The KPI form, the autosave field and the "open a workshop first" toasts in the facilitator's
// language: German and French readers get what they type read as they write numbers, and every
// refusal, hint and toast in their language (the catalogs the app loads, as the app loads them).
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Kpi } from '../../../renderer/domain/model';
import { storedText, useKpiDrafts } from '../../../renderer/features/kpis/use-kpi-drafts';
import { amberText } from '../../../renderer/features/kpis/amber-text';
import { AutosaveField } from '../../../renderer/shared/AutosaveField';
import { runCommand } from '../../../renderer/shortcuts';
import { useAppStore } from '../../../renderer/app/store';
import { interfaceT, setInterfaceChoice } from '../../../renderer/i18n/interface-language';
import { messageText } from '../../../renderer/shared/message-text';
import type { Message } from '../../../renderer/domain/message';

type Lang = 'en' | 'de' | 'fr';
const T = '2026-03-01T09:00:00.000Z';
// A KPI of the German logistics fixture: a long German name, hours as unit, higher is better.
const kpi = (over: Partial<Kpi> = {}): Kpi => ({
  id: 'k-fracht',
  workshopId: 'w1',
  useCaseId: 'u1',
  createdAt: T,
  updatedAt: T,
  layer: 'business-impact',
  name: 'Eingesparte Bearbeitungszeit je Frachtbriefdatenextraktion',
  unit: 'h',
  direction: 'higher-is-better',
  definition: '',
  baseline: null,
  target: null,
  greenAt: 3000,
  redAt: 2000,
  greenAction: '',
  amberAction: '',
  redAction: '',
  timing: 'lagging',
  role: 'target',
  owner: 'Dr. Annegret Schäfer-Lindqvist',
  forecast: null,
  tolerancePct: 10,
  stabilizationCount: 3,
  ...over,
});

async function speak(lang: Lang): Promise<void> {
  await act(async () => {
    await setInterfaceChoice(lang);
  });
}
const said = (lang: Lang, m: Message | undefined): string => {
  if (!m) throw new Error('no message');
  return messageText(interfaceT().t, lang, m);
};

afterEach(async () => {
  cleanup();
  useAppStore.setState({ toasts: [] });
  await setInterfaceChoice('en');
});

describe('the KPI form says its number checks in the reader’s language', () => {
  it('German: a word is not a number, an emptied tolerance asks for one, "1.234,5" is read and checked in German', async () => {
    await speak('de');
    const { result } = renderHook(() => useKpiDrafts(kpi(), 'de'));
    act(() => result.current.change('tolerancePct', 'zehn'));
    expect(said('de', result.current.messages.tolerancePct)).toBe('„zehn“ ist keine Zahl.');
    act(() => result.current.change('tolerancePct', ''));
    expect(said('de', result.current.messages.tolerancePct)).toBe('Geben Sie eine Zahl ein.');
    act(() => result.current.change('greenAt', '1.234,5'));
    // Read as 1234.5 (below red at 2000), so the check is the KPI's own, with German numbers.
    expect(said('de', result.current.messages.greenAt)).toBe('Höher ist besser, also muss Grün (1.234,5\u00a0h) über Rot (2.000\u00a0h) liegen.');
    act(() => result.current.change('greenAt', '1.500'));
    expect(said('de', result.current.messages.greenAt)).toBe('„1.500“ ist mehrdeutig: Schreiben Sie 1500 für Tausender oder 1,500 für eine Dezimalzahl.');
    expect(result.current.unsaved).toEqual(expect.arrayContaining(['tolerancePct', 'greenAt']));
  });

  it('French: the same refusals in French, numbers written the French way', async () => {
    await speak('fr');
    const { result } = renderHook(() => useKpiDrafts(kpi(), 'fr'));
    act(() => result.current.change('stabilizationCount', 'trois'));
    expect(said('fr', result.current.messages.stabilizationCount)).toBe('«\u202ftrois\u202f» n’est pas un nombre.');
    act(() => result.current.change('redAt', '3 500,5'));
    expect(said('fr', result.current.messages.redAt)).toBe('Le rouge (3\u202f500,5\u00a0h) doit être en dessous du vert (3\u202f000\u00a0h) quand plus haut est mieux.');
  });

  it('English readers keep English (the same checks, English numbers)', async () => {
    const { result } = renderHook(() => useKpiDrafts(kpi(), 'en'));
    act(() => result.current.change('tolerancePct', 'ten'));
    expect(said('en', result.current.messages.tolerancePct)).toBe('"ten" is not a number.');
  });

  it('shows a stored value with the reader’s decimal mark and no thousands separator, which reads back the same', () => {
    const k = kpi({ greenAt: 1234.5, redAt: 0.25 });
    expect(storedText(k, 'greenAt', 'en')).toBe('1234.5');
    expect(storedText(k, 'greenAt', 'de')).toBe('1234,5');
    expect(storedText(k, 'redAt', 'fr')).toBe('0,25');
    const { result } = renderHook(() => useKpiDrafts(k, 'de'));
    expect(result.current.value('greenAt')).toBe('1234,5');
  });
});

describe('the amber hint', () => {
  const typed = (values: Partial<Record<'greenAt' | 'redAt' | 'direction', string>>) => ({ value: (key: 'greenAt' | 'redAt' | 'direction') => values[key] ?? '' });
  it('reads the boundaries as typed in German and writes them the German way', async () => {
    await speak('de');
    const t = interfaceT().t;
    expect(amberText(t, 'de', kpi(), typed({ greenAt: '1.234,5', redAt: '800' }))).toBe('unter 1.234,5\u00a0h und über 800\u00a0h');
    expect(amberText(t, 'de', kpi(), typed({ greenAt: '1.234,5', redAt: 'x' }))).toBe('alles, was nicht grün ist (unter 1.234,5\u00a0h)');
    expect(amberText(t, 'de', kpi(), typed({}))).toBe('legen Sie die grüne und die rote Grenze fest');
  });

  it('in French', async () => {
    await speak('fr');
    const t = interfaceT().t;
    expect(amberText(t, 'fr', kpi({ direction: 'lower-is-better' }), typed({ greenAt: '12,5', redAt: '1 200' }))).toBe('au-dessus de 12,5\u00a0h et sous 1\u202f200\u00a0h');
    expect(amberText(t, 'fr', kpi(), typed({ redAt: '3' }))).toBe('aucune\u202f: sans limite verte, tout ce qui n’est pas rouge est vert');
  });
});

describe('a required autosave field emptied', () => {
  it('says so in German, and in French once the interface changes', async () => {
    await speak('de');
    const label = 'Name des Anwendungsfalls';
    render(<AutosaveField label={label} value="Frachtbriefdatenextraktion" onSave={() => Promise.resolve()} maxLength={200} required />);
    fireEvent.change(screen.getByLabelText(label), { target: { value: '   ' } });
    expect(screen.getByRole('alert').textContent).toBe('Das Feld „Name des Anwendungsfalls“ darf nicht leer sein.');
    await speak('fr');
    expect(screen.getByRole('alert').textContent).toBe('Le champ «\u202fName des Anwendungsfalls\u202f» ne peut pas être vide.');
  });
});

describe('a shortcut that needs an open workshop', () => {
  const toast = () => useAppStore.getState().toasts.at(-1)?.message;
  it('says so in German and French', async () => {
    await speak('de');
    runCommand('save-workshop-file', null);
    expect(toast()).toBe('Öffnen Sie zuerst einen Workshop, um ihn als Datei zu speichern.');
    runCommand('export-sponsor-pack', null);
    expect(toast()).toBe('Öffnen Sie zuerst einen Workshop, um sein Sponsor-Paket zu exportieren.');
    await speak('fr');
    runCommand('import-csv', null);
    expect(toast()).toBe('Ouvrez d’abord un atelier pour en importer les cas d’usage.');
    runCommand('toggle-presenter', null);
    expect(toast()).toBe('Ouvrez d’abord un atelier pour le présenter.');
  });
});
