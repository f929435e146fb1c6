// Byte sizes of text, for the size limits of files and IPC payloads, shared by both processes.
// No TextEncoder or Buffer, so it runs anywhere and never allocates an encoded copy of a huge text.

/** UTF-8 byte length. A lone surrogate counts as 3 bytes, which is what an encoder writes for U+FFFD. */
export function utf8ByteLength(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // A surrogate pair is one code point of four bytes.
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** "25 MB", "1.5 MB". */
export function formatMegabytes(bytes) {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${mb.toFixed(1)} MB`;
}
