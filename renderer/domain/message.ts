// A sentence the domain writes, given as an id of the app's message catalog and its values, so
// that whoever shows it (a screen in the interface's language, the sponsor pack or an export in
// the workshop's language) says it in its reader's language. The domain stays pure: it never
// holds a translator. A value may itself be a message (a stage name, a control), a list of values
// to join with "and", a list joined by a separator, an ISO date, a number (with a fixed count of
// decimals, or a measured number with its unit, written as the reader writes it: "2.80"/"2,80",
// "1,234.5 h" / "1.234,5 h" / "1 234,5 h"), or plain text (a name the user typed, which is never
// translated), or a file size in bytes ("1.2 MB" / "1,2 Mo"). renderer/shared/message-text.ts turns one into text.

export type Message = { id: string; values?: Record<string, MessageValue> };
export type MessageValue = string | number | Message | { and: MessageValue[] } | { list: MessageValue[]; separator: string } | { date: string } | { number: number; digits?: number; unit?: string } | { bytes: number };

/** A message with its values. */
export const msg = (id: string, values?: Record<string, MessageValue>): Message => (values ? { id, values } : { id });
