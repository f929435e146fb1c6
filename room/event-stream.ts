// Reads server-sent events from a fetch() response. The browser's EventSource cannot send headers,
// and every call to the room carries its token in one, so the phone page and the facilitator's
// channel read the stream themselves. Pure (no DOM, no Node): runs in both and is unit-tested.

/** Splits a growing text buffer into complete events; returns their data fields and what is left. */
export function takeEvents(buffer: string): { data: string[]; rest: string } {
  const data: string[] = [];
  const normalized = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalized.split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    const lines = block.split('\n').filter((line) => line.startsWith('data:'));
    if (lines.length === 0) continue; // a comment (keep-alive) or an event without data
    data.push(lines.map((line) => line.slice(5).replace(/^ /, '')).join('\n'));
  }
  return { data, rest };
}

/**
 * Streams a fetch response's events to onData until the stream ends or the signal aborts.
 * Resolves when it ends; rejects on a network error.
 */
export async function readEventStream(response: Response, onData: (data: string) => void, onActivity?: () => void): Promise<void> {
  if (!response.body) throw new Error('The response has no body.');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    // Anything, a keep-alive comment too, shows the connection is alive.
    onActivity?.();
    buffer += decoder.decode(value, { stream: true });
    const { data, rest } = takeEvents(buffer);
    buffer = rest;
    for (const d of data) onData(d);
  }
}
