// A sentence the domain wrote (domain/message.ts) in the reader's language: the domain gives each
// one as an app-catalog id with values (a stage, a control, a list, a date or a name the user
// typed), and this turns it into text with a translator of the app's catalog: the interface's on a
// screen, the workshop's in the sponsor pack (the pack's worker loads that app catalog too).
// Pure, so a unit test says every sentence in German and French without a screen.
import type { Message, MessageValue } from '../domain/message';
import { readerDate } from './stage-words';
import { formatBytes, formatNumber } from '../domain/locale-format';
import { formatValueIn } from '../domain/kpi';
import type { AppMessageId } from '../i18n/app-catalog';

type Translate = (id: AppMessageId, values?: Record<string, unknown>) => string;

function valueText(t: Translate, lang: string, v: MessageValue): string | number {
  if (typeof v === 'string' || typeof v === 'number') return v;
  if ('id' in v) return messageText(t, lang, v);
  if ('date' in v) return readerDate(lang, v.date);
  if ('bytes' in v) return formatBytes(lang, v.bytes);
  if ('number' in v) return v.digits !== undefined ? formatNumber(lang, v.number, v.digits, v.digits) : formatValueIn(lang, v.number, v.unit ?? '');
  if ('and' in v) {
    const parts = v.and.map((x) => String(valueText(t, lang, x)));
    if (parts.length <= 1) return parts.join('');
    // "a, b and c" as the domain's English always wrote it; German "und", French "et".
    return t('health.listAnd', { head: parts.slice(0, -1).join(', '), last: parts[parts.length - 1] });
  }
  return v.list.map((x) => String(valueText(t, lang, x))).join(v.separator);
}

/** The message in the reader's language; surrounding spaces of an empty part are dropped. */
export function messageText(t: Translate, lang: string, message: Message): string {
  const values: Record<string, string | number> = {};
  for (const [key, v] of Object.entries(message.values ?? {})) values[key] = valueText(t, lang, v);
  return t(message.id as AppMessageId, values).trim();
}
