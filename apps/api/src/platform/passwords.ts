import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** argon2id hash of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), OPTIONS);
}

// Made at once, so that even the first unknown username costs what a known one does.
const dummy: Promise<string> = hashPassword('dummy-password-0');

/** Verify; when there is no stored hash, spend the same time on a dummy so timing reveals nothing. */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    await verify(await dummy, password.normalize('NFC')).catch(() => false);
    return false;
  }
  return verify(stored, password.normalize('NFC')).catch(() => false);
}
