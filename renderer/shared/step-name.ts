// What an undo step is called, in the reader's language. A step stored with a catalog message
// (db/unit-of-work.ts, ids `history.*`) is said with it; one stored before messages existed, or
// named by a caller in its own words, has only its label and is shown as stored.
import type { Message } from '../domain/message';
import type { AppTranslator } from '../i18n/app-catalog';
import { messageText } from './message-text';

export type NamedStep = { label: string; message?: Message | null };

export function stepName(tr: Pick<AppTranslator, 't' | 'lang'>, step: NamedStep): string {
  if (!step.message) return step.label;
  const text = messageText(tr.t, tr.lang, step.message);
  // A message whose id the catalog lacks comes back as its id: the English label says it better.
  return text && text !== step.message.id ? text : step.label;
}
