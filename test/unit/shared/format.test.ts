import { describe, expect, it } from 'vitest';
import { formatDate, formatRelative } from '../../../renderer/shared/format';

describe('formatting for people', () => {
  const now = Date.parse('2026-11-23T12:00:00Z');
  it('says just now for the last minute', () => {
    expect(formatRelative('2026-11-23T11:59:30Z', now)).toBe('just now');
  });
  it('counts minutes, hours and days back', () => {
    expect(formatRelative('2026-11-23T11:55:00Z', now)).toMatch(/5 minutes ago/);
    expect(formatRelative('2026-11-23T09:00:00Z', now)).toMatch(/3 hours ago/);
    expect(formatRelative('2026-11-20T12:00:00Z', now)).toMatch(/3 days ago/);
  });
  it('shows a dash for a date that is not set', () => {
    expect(formatDate('')).toBe('—');
    expect(formatDate('2026-11-23')).toMatch(/2026/);
  });
});
