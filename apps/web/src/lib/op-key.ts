/**
 * A fresh operation key (the server counts an operation sent twice once). crypto.randomUUID exists
 * only in secure contexts (https, localhost); a commune server reached over plain http on its LAN
 * still has getRandomValues, so the key is built from that there.
 */
export function newOpKey(c: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = globalThis.crypto): string {
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = c.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
