import { describe, expect, it } from 'vitest';
import { benchWorkshopFile } from '../../../scripts/bench-workshop-file';
import { parseWorkshopFile } from '../../../renderer/domain/workshop-file';

describe('the workshop file the bench imports', () => {
  it('is about 5 MB, holds 200 use cases with KPIs, measurements, risks and decisions, and the app accepts it', () => {
    const f = benchWorkshopFile();
    expect(f.bytes).toBeGreaterThan(4.5 * 1024 * 1024);
    expect(f.bytes).toBeLessThan(6 * 1024 * 1024);
    const parsed = parseWorkshopFile(f.text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const t = parsed.file.tables;
    expect(t.useCases).toHaveLength(200);
    expect(t.kpis.length).toBeGreaterThan(100);
    expect(t.measurements.length).toBeGreaterThan(5000);
    expect(t.risks.length).toBeGreaterThan(200);
    expect(t.gateDecisions).toHaveLength(200);
  });
});
