export const CONTENT_SECURITY_POLICY: string;
export const META_CONTENT_SECURITY_POLICY: string;
export const MIME_TYPES: Readonly<Record<string, string>>;
export function mimeTypeFor(filePath: string): string;
