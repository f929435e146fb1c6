// A small XML scanner for the parts of a spreadsheet file (OOXML's sheets, shared strings and
// styles; OpenDocument's content.xml). It reads elements, attributes and text in one pass and knows
// only XML's five predefined entities and numeric character references: the callers refuse any
// document type declaration before scanning, so no other entity can exist, expand or reach out.
// Element names are handed on without their namespace prefix ("x:c" and "c" are the same cell).

export type XmlHandlers = {
  open?: (name: string, attributes: Record<string, string>, selfClosing: boolean) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
};

// One token at a time, from where the last one ended: a tag, a comment, a processing instruction,
// a CDATA section, or text up to the next "<".
const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|([^<]+)|(<)/y;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9A-Fa-f]{1,6}|#\d{1,7}|lt|gt|amp|quot|apos);/g, (whole, entity: string) => {
    switch (entity) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return "'";
      default: {
        const code = entity.startsWith('#x') ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
        // A reference to no character (or to a lone surrogate) stays as written.
        return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
      }
    }
  });
}

/** Scans the document and calls the handlers in order. Markup it cannot read is passed as text. */
export function scanXml(xml: string, handlers: XmlHandlers): void {
  TOKEN.lastIndex = 0;
  const { open, close, text } = handlers;
  while (TOKEN.lastIndex < xml.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(xml);
    if (!match) {
      // Unreachable with the catch-all alternative, kept so a regex slip cannot loop forever.
      text?.(xml.slice(at));
      return;
    }
    const [, slash, name, attributeText, selfClosing, cdata, plain, stray] = match;
    if (name !== undefined) {
      const local = localName(name);
      if (slash) close?.(local);
      else {
        if (open) {
          const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
          if (attributeText) for (const a of attributeText.matchAll(ATTRIBUTE)) attributes[localName(a[1] ?? '')] = decodeEntities(a[2] ?? a[3] ?? '');
          open(local, attributes, selfClosing === '/');
        }
        if (selfClosing === '/') close?.(local);
      }
    } else if (cdata !== undefined) text?.(cdata);
    else if (plain !== undefined) text?.(decodeEntities(plain));
    else if (stray !== undefined) text?.(stray);
  }
}
