import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { portfolioXlsx } from '../../../renderer/features/export/portfolio-xlsx';
import { PORTFOLIO_CSV_HEADERS } from '../../../renderer/domain/portfolio-csv';
import { buildPortfolioRows } from '../../../renderer/domain/sponsor-pack';
import { WORKSHOP_TABLES, type WorkshopRows } from '../../../renderer/domain/model';
import { makeUseCase, makeWorkshop } from '../../fixtures/factories';

function rowsWith(useCases: WorkshopRows['useCases']): WorkshopRows {
  const rows = Object.fromEntries(WORKSHOP_TABLES.map((t) => [t, []])) as unknown as WorkshopRows;
  rows.useCases = useCases;
  return rows;
}

const HOSTILE = ['=HYPERLINK("http://evil.example","Click")', '+1+cmd|\' /C calc\'!A0', '@SUM(A1:A9)', '＝1+1', '-5 % cost'];

async function workbook() {
  const useCases = [
    makeUseCase({ id: 'a', order: 1, title: 'Frischwarenprognose für Obst & Gemüse', businessOwner: 'Jürgen Weiß', initialScores: { impact: 5, feasibility: 4, readiness: 2 } }),
    ...HOSTILE.map((title, i) => makeUseCase({ id: `h${i}`, order: i + 2, title, businessOwner: '東京 Łódź', initialScores: { impact: 2, feasibility: 2, readiness: 2 } })),
  ];
  const portfolio = buildPortfolioRows(makeWorkshop(), rowsWith(useCases));
  return { bytes: await portfolioXlsx(portfolio), portfolio };
}

describe('the portfolio workbook', () => {
  it('is an .xlsx a spreadsheet reads back: headers, ranks and scores as numbers, names as typed', async () => {
    const { bytes } = await workbook();
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const [sheet] = await readXlsxFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(sheet?.sheet).toBe('Ranked portfolio');
    const data = sheet?.data ?? [];
    expect(data[0]).toEqual([...PORTFOLIO_CSV_HEADERS]);
    expect(data[1]?.slice(0, 6)).toEqual([1, 'Frischwarenprognose für Obst & Gemüse', 3.67, 5, 4, 2]);
    expect(data[1]?.[9]).toBe('Jürgen Weiß');
  });

  it('writes formula-looking titles as text cells, never as formulas, and without an apostrophe', async () => {
    const { bytes } = await workbook();
    const files = unzipSync(bytes);
    const sheetXml = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(sheetXml).not.toContain('<f>');
    expect(sheetXml).not.toContain('<f ');
    const [sheet] = await readXlsxFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const titles = (sheet?.data ?? []).slice(1).map((row) => row[1]);
    for (const hostile of HOSTILE) expect(titles).toContain(hostile);
  });
});
