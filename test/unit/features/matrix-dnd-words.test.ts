// What a screen reader hears while a card is dragged on the matrix, in the interface language.
import { describe, expect, it } from 'vitest';
import { compileCatalog, readCatalog } from '../../../scripts/vite-catalogs.mjs';
import { createTranslator } from '../../../renderer/i18n/translator';
import type { AppMessageId } from '../../../renderer/i18n/app-catalog';
import { cellWords, matrixAnnouncements, screenReaderInstructions } from '../../../renderer/features/matrix/matrix-dnd';
import { cellKey } from '../../../renderer/domain/matrix-layout';

const catalog = (lang: string) => compileCatalog(readCatalog(new URL(`../../../renderer/i18n/catalogs/app/${lang}.json`, import.meta.url).pathname), lang);
const english = catalog('en');
const tr = (lang: 'en' | 'de' | 'fr') => createTranslator<AppMessageId>(lang, lang === 'en' ? english : catalog(lang), english);
const title = 'Retourenbegründungsklassifikation';
const say = (lang: 'en' | 'de' | 'fr') => {
  const { t } = tr(lang);
  const a = matrixAnnouncements(t, lang, () => title, () => ({ impact: 4, feasibility: 2 }));
  const active = { id: 'uc1' } as never;
  return {
    start: a.onDragStart({ active }),
    over: a.onDragOver({ active, over: { id: cellKey({ impact: 5, feasibility: 5 }) } } as never),
    end: a.onDragEnd({ active, over: null } as never),
    cancel: a.onDragCancel({ active, over: null } as never),
  };
};

describe('the matrix drag announcements', () => {
  it('say a cell in English exactly as the domain always has', () => {
    const cell = { impact: 4, feasibility: 2 };
    expect(cellWords(tr('en').t, 'en', cell)).toBe('impact 4, feasibility 2, strategic bets');
    expect(say('en').start).toBe(`Picked up ${title} from impact 4, feasibility 2, strategic bets. Arrow keys move it one cell, Space drops it, Escape cancels.`);
  });

  it('speak German, with the quadrant’s capital kept', () => {
    const s = say('de');
    expect(s.over).toBe(`${title} ist über Impact 5, Machbarkeit 5, Schnelle Erfolge.`);
    expect(s.end).toBe(`${title} wurde nicht auf der Matrix abgelegt; nichts hat sich geändert.`);
    expect(screenReaderInstructions(tr('de').t).draggable).toMatch(/^Um diesen Anwendungsfall/);
  });

  it('speak French with the narrow no-break space before the semicolon', () => {
    const s = say('fr');
    expect(s.over).toBe(`${title} est sur la case impact 5, faisabilité 5, gains rapides.`);
    expect(s.cancel).toBe(`Déplacement de ${title} annulé\u202f; il reste en impact 4, faisabilité 2, paris stratégiques.`);
  });
});
