import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Repos } from '../../../renderer/db';
import type { LiftoffDb } from '../../../renderer/db/schema';
import { closeTestWorkshop, openTestWorkshop } from '../db/test-workshop';
import {
  CHECKLIST_LABELS,
  CONTROL_STATUS_LABELS,
  CONTROL_TEMPLATES,
  checklistProgress,
  controlState,
  isOverdue,
  missingStandardItems,
} from '../../../renderer/domain/controls';
import { CONTROL_CHECKLISTS, CONTROL_STATUSES, controlItemSchema, type ControlItem } from '../../../renderer/domain/model';

const T = '2026-11-23T09:00:00.000Z';
let seq = 0;
function item(over: Partial<ControlItem> = {}): ControlItem {
  seq += 1;
  return {
    id: `c${seq}`,
    workshopId: 'w1',
    useCaseId: 'uc1',
    createdAt: T,
    updatedAt: T,
    checklist: 'hardening',
    key: '',
    order: seq,
    label: `Control ${seq}`,
    status: 'todo',
    owner: '',
    dueDate: '',
    ...over,
  };
}

describe('control checklist templates', () => {
  it('has a label for every checklist and status, and standard items for every checklist', () => {
    for (const c of CONTROL_CHECKLISTS) {
      expect(CHECKLIST_LABELS[c]).toBeTruthy();
      expect(CONTROL_TEMPLATES[c].length).toBeGreaterThan(0);
    }
    for (const s of CONTROL_STATUSES) expect(CONTROL_STATUS_LABELS[s]).toBeTruthy();
  });

  it('gives every standard item a key that is unique across all checklists', () => {
    const keys = CONTROL_CHECKLISTS.flatMap((c) => CONTROL_TEMPLATES[c].map((t) => t.key));
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z][a-z-]*$/);
  });

  it('keeps the keys the health check looks for', () => {
    const keys = new Set(CONTROL_CHECKLISTS.flatMap((c) => CONTROL_TEMPLATES[c].map((t) => t.key)));
    for (const k of ['human-fallback', 'monitoring', 'drift-detection', 'runbook', 'model-card', 'named-owner']) expect(keys.has(k)).toBe(true);
  });

  it('covers the hardening list of the method', () => {
    expect(CONTROL_TEMPLATES.hardening.map((t) => t.key)).toEqual([
      'api-integration',
      'retries',
      'monitoring',
      'release-management',
      'failure-playbooks',
      'role-based-access',
      'audit-logging',
      'low-confidence-escalation',
      'human-fallback',
    ]);
  });
});

describe('controlState', () => {
  it('is missing when no item has the key', () => {
    expect(controlState([item({ key: 'runbook' })], 'model-card')).toBe('missing');
  });
  it('is planned while to do or in progress, done when done, n/a when not applicable', () => {
    expect(controlState([item({ key: 'runbook', status: 'todo' })], 'runbook')).toBe('planned');
    expect(controlState([item({ key: 'runbook', status: 'in-progress' })], 'runbook')).toBe('planned');
    expect(controlState([item({ key: 'runbook', status: 'done' })], 'runbook')).toBe('done');
    expect(controlState([item({ key: 'runbook', status: 'n/a' })], 'runbook')).toBe('n/a');
  });
  it('never matches a custom item, whose key is empty, to a standard one', () => {
    expect(controlState([item({ key: '', label: 'Runbook' })], 'runbook')).toBe('missing');
  });
});

describe('checklistProgress', () => {
  it('counts done items out of the items that apply', () => {
    const items = [item({ status: 'done' }), item({ status: 'todo' }), item({ status: 'in-progress' }), item({ status: 'n/a' }), item({ status: 'done' })];
    expect(checklistProgress(items)).toEqual({ done: 2, applicable: 4 });
  });
  it('is nothing out of nothing for an empty list or one where nothing applies', () => {
    expect(checklistProgress([])).toEqual({ done: 0, applicable: 0 });
    expect(checklistProgress([item({ status: 'n/a' })])).toEqual({ done: 0, applicable: 0 });
  });
});

describe('isOverdue', () => {
  const today = '2026-12-10';
  it('flags an open item whose due date is before today', () => {
    expect(isOverdue(item({ dueDate: '2026-12-09', status: 'todo' }), today)).toBe(true);
    expect(isOverdue(item({ dueDate: '2025-01-01', status: 'in-progress' }), today)).toBe(true);
  });
  it('does not flag an item due today or later, or without a due date', () => {
    expect(isOverdue(item({ dueDate: today }), today)).toBe(false);
    expect(isOverdue(item({ dueDate: '2027-01-01' }), today)).toBe(false);
    expect(isOverdue(item({ dueDate: '' }), today)).toBe(false);
  });
  it('does not flag an item that is done or not applicable', () => {
    expect(isOverdue(item({ dueDate: '2026-01-01', status: 'done' }), today)).toBe(false);
    expect(isOverdue(item({ dueDate: '2026-01-01', status: 'n/a' }), today)).toBe(false);
  });
});

describe('missingStandardItems', () => {
  it('lists the standard items of a checklist not on the list yet, in template order', () => {
    const have = [item({ key: 'runbook' }), item({ key: 'human-fallback' })];
    expect(missingStandardItems(have, 'documentation').map((t) => t.key)).toEqual(['model-card', 'named-owner']);
    expect(missingStandardItems(have, 'hardening')).toHaveLength(CONTROL_TEMPLATES.hardening.length - 1);
    expect(missingStandardItems([], 'risk')).toEqual([...CONTROL_TEMPLATES.risk]);
  });
  it('is empty when every standard item is there, whatever its status', () => {
    const have = CONTROL_TEMPLATES.documentation.map((t) => item({ key: t.key, status: 'n/a' }));
    expect(missingStandardItems(have, 'documentation')).toEqual([]);
  });
});

describe('the controls repository', () => {
  let db: LiftoffDb;
  let repos: Repos;
  let workshopId: string;
  let useCaseId: string;

  beforeEach(async () => {
    ({ db, repos, workshopId, useCaseId } = await openTestWorkshop('controls'));
  });
  afterEach(() => closeTestWorkshop(db));

  const mine = async () => (await repos.governance.controlsFor(workshopId)).filter((c) => c.useCaseId === useCaseId);

  it('adds the standard items of a checklist once, as valid rows in template order', async () => {
    expect(await repos.governance.addStandardControls(useCaseId, 'hardening')).toBe(9);
    expect(await repos.governance.addStandardControls(useCaseId, 'hardening')).toBe(0);
    const rows = await mine();
    expect(rows.map((r) => r.key)).toEqual(CONTROL_TEMPLATES.hardening.map((t) => t.key));
    for (const r of rows) expect(controlItemSchema.safeParse(r).success).toBe(true);
    expect((await repos.history.peek(workshopId)).undoLabel).toBe('Add the hardening checklist');
  });

  it('adds only the standard items that were removed, without duplicating the others', async () => {
    await repos.governance.addStandardControls(useCaseId, 'documentation');
    const runbook = (await mine()).find((r) => r.key === 'runbook');
    await repos.governance.removeControl(runbook?.id ?? '');
    expect(await repos.governance.addStandardControls(useCaseId, 'documentation')).toBe(1);
    expect((await mine()).map((r) => r.key).sort()).toEqual(['model-card', 'named-owner', 'runbook']);
  });

  it('adds the standard items once even when asked twice at the same moment', async () => {
    const counts = await Promise.all([repos.governance.addStandardControls(useCaseId, 'risk'), repos.governance.addStandardControls(useCaseId, 'risk')]);
    expect(counts.sort()).toEqual([0, 4]);
    expect(await mine()).toHaveLength(4);
  });

  it('adds a custom item with an empty key, and refuses an empty label', async () => {
    const row = await repos.governance.addControl(useCaseId, 'change-management', '  Floor walkers in week one  ');
    expect(row).toMatchObject({ key: '', label: 'Floor walkers in week one', status: 'todo', checklist: 'change-management' });
    await expect(repos.governance.addControl(useCaseId, 'change-management', '   ')).rejects.toThrow('Describe the control.');
  });

  it('updates status, owner and due date, and refuses a due date that is not a real day', async () => {
    const row = await repos.governance.addControl(useCaseId, 'hardening', 'Load test');
    await repos.governance.updateControl(row.id, { status: 'done', owner: 'Ops lead', dueDate: '2026-12-15' });
    expect((await mine())[0]).toMatchObject({ status: 'done', owner: 'Ops lead', dueDate: '2026-12-15' });
    await expect(repos.governance.updateControl(row.id, { dueDate: '15/12/2026' })).rejects.toThrow('YYYY-MM-DD');
    await expect(repos.governance.updateControl(row.id, { dueDate: '2026-02-30' })).rejects.toThrow('YYYY-MM-DD');
    await repos.governance.updateControl(row.id, { dueDate: '' });
    expect((await mine())[0]?.dueDate).toBe('');
  });

  it('removes an item as one undoable step', async () => {
    const row = await repos.governance.addControl(useCaseId, 'hardening', 'Load test');
    await repos.governance.removeControl(row.id);
    expect(await mine()).toEqual([]);
    await repos.history.undo(workshopId);
    expect((await mine()).map((r) => r.label)).toEqual(['Load test']);
  });
});
