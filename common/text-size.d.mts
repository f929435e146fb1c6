export function utf8ByteLength(text: string): number;
export function formatMegabytes(bytes: number): string;
