// The pseudo-locale: every English message accented and about 40 % longer, in brackets, so a
// screenshot shows at once which text is not translated yet (it stays plain), which overflows or is
// cut (a bracket is missing), and which was glued together from pieces. Built from the compiled
// English catalog, so it never lags behind it. Offered in development only (interface-language.ts).
import type { Messages } from '@lingui/core';

const ACCENTED: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/** One literal piece: letters accented, vowels doubled (English text is about 40 % vowels). */
export function pseudoText(text: string): string {
  let out = '';
  for (const ch of text) {
    const accented = ACCENTED[ch];
    if (!accented) out += ch;
    else out += /[aeiouAEIOU]/.test(ch) ? accented + accented.toLowerCase() : accented;
  }
  return out;
}

type Compiled = string | readonly unknown[];

function pseudoPart(part: unknown): unknown {
  // '#' stands for the plural's number; it must stay as it is.
  if (typeof part === 'string') return part === '#' ? part : pseudoText(part);
  if (!Array.isArray(part)) return part;
  // [name] or [name, format] is a placeholder; [name, 'plural' | 'select' | …, options] has messages in its options.
  const [name, format, options] = part as [unknown, unknown, unknown];
  if (options && typeof options === 'object') {
    const next: Record<string, unknown> = {};
    // Plural options carry an `offset` (a number, or undefined) beside the messages.
    for (const [key, value] of Object.entries(options)) next[key] = typeof value === 'string' || Array.isArray(value) ? pseudoMessage(value as Compiled) : value;
    return [name, format, next];
  }
  return part;
}

function pseudoMessage(message: Compiled): Compiled {
  return typeof message === 'string' ? pseudoText(message) : message.map(pseudoPart);
}

/** The whole catalog in the pseudo-locale, each message in brackets so a cut end shows. */
export function pseudoCatalog(source: Messages): Messages {
  const out: Messages = {};
  for (const [id, message] of Object.entries(source)) {
    const inner = pseudoMessage(message as Compiled);
    out[id] = ['[', ...(typeof inner === 'string' ? [inner] : inner), ']'] as Messages[string];
  }
  return out;
}
