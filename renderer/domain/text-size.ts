// Byte sizes of text, for the size limits of imported files: the one copy both processes use.
export { formatMegabytes, utf8ByteLength } from '../../common/text-size.mjs';
