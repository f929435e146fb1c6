/** Random, collision-free ids from the platform (no library needed: Web Crypto is everywhere we run). */
export function newId(): string {
  return crypto.randomUUID();
}

export function nowIso(): string {
  return new Date().toISOString();
}
