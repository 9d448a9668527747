/**
 * The device's own store for working without a network (IndexedDB): copies of what a screen last
 * read from the server ("snapshots", each tagged with the user it was read for) and operations
 * queued while offline, kept until the server has them. Every call fails soft: a browser without
 * IndexedDB (private mode of some browsers) simply has nothing cached.
 */

const NAME = 'tds-offline';
const VERSION = 1;

export interface Snapshot<T = unknown> {
  key: string;
  userId: string;
  savedAt: string;
  value: T;
}

/** One operation waiting for the server, in the order it was made (`seq`). */
export interface QueuedOp<Op = unknown, Label = unknown> {
  opKey: string;
  seq: number;
  userId: string;
  communeId: string;
  /** What the operation is about, for the screen that shows it as pending (a session id). */
  topic: string;
  op: Op;
  label: Label;
  createdAt: string;
}

let opening: Promise<IDBDatabase | null> | null = null;

function open(): Promise<IDBDatabase | null> {
  if (opening) return opening;
  opening = new Promise<IDBDatabase | null>((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(NAME, VERSION);
    } catch {
      return resolve(null);
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('snapshots')) db.createObjectStore('snapshots', { keyPath: 'key' });
      if (!db.objectStoreNames.contains('ops')) db.createObjectStore('ops', { keyPath: 'opKey' }).createIndex('owner', ['userId', 'communeId']);
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading the database: let it, and open again next time.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
  return opening;
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB'));
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB aborted'));
  });
}

// ---- Change notices: this tab's listeners, and the other tabs through a BroadcastChannel ----
type Listener = () => void;
const listeners = new Set<Listener>();
const channel: BroadcastChannel | null = typeof BroadcastChannel === 'function' ? new BroadcastChannel(NAME) : null;
channel?.addEventListener('message', () => listeners.forEach((l) => l()));

function changed() {
  listeners.forEach((l) => l());
  channel?.postMessage('ops');
}

/** Called whenever the queue changes (here or in another tab); returns the unsubscribe. */
export function onQueueChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// ---- Snapshots -----------------------------------------------------------------------------
export async function saveSnapshot<T>(key: string, userId: string, value: T, at = new Date()): Promise<void> {
  const db = await open();
  if (!db) return;
  try {
    const tx = db.transaction('snapshots', 'readwrite');
    tx.objectStore('snapshots').put({ key, userId, savedAt: at.toISOString(), value } satisfies Snapshot<T>);
    await committed(tx);
  } catch {
    /* a full disk or a closed database: nothing cached this time */
  }
}

/** The copy saved under `key` for this user, or null (none, or saved for someone else). */
export async function loadSnapshot<T>(key: string, userId: string): Promise<Snapshot<T> | null> {
  const db = await open();
  if (!db) return null;
  try {
    const s = (await done(db.transaction('snapshots').objectStore('snapshots').get(key))) as Snapshot<T> | undefined;
    return s && s.userId === userId ? s : null;
  } catch {
    return null;
  }
}

/** Forget every copy (signing out on a shared phone leaves no residents' names behind). Queued operations stay. */
export async function clearSnapshots(): Promise<void> {
  const db = await open();
  if (!db) return;
  try {
    const tx = db.transaction('snapshots', 'readwrite');
    tx.objectStore('snapshots').clear();
    await committed(tx);
  } catch {
    /* nothing to clear */
  }
}

// ---- The queue ------------------------------------------------------------------------------
let lastSeq = 0;
/** Increasing even for operations queued within the same millisecond. */
export function nextSeq(now = Date.now()): number {
  lastSeq = Math.max(now * 1000, lastSeq + 1);
  return lastSeq;
}

/** Add operations (all or none). False when the device cannot store them. */
export async function enqueue(ops: readonly QueuedOp[]): Promise<boolean> {
  const db = await open();
  if (!db) return false;
  try {
    const tx = db.transaction('ops', 'readwrite');
    const store = tx.objectStore('ops');
    for (const op of ops) store.put(op);
    await committed(tx);
    changed();
    return true;
  } catch {
    return false;
  }
}

/** This user's operations for the commune, oldest first. */
export async function queuedOps<Op, Label>(userId: string, communeId: string): Promise<QueuedOp<Op, Label>[]> {
  const db = await open();
  if (!db) return [];
  try {
    const rows = (await done(db.transaction('ops').objectStore('ops').index('owner').getAll([userId, communeId]))) as QueuedOp<Op, Label>[];
    return rows.sort((a, b) => a.seq - b.seq);
  } catch {
    return [];
  }
}

/** Remove the operations the server has settled and store the rewritten ones, in one transaction. */
export async function settle(remove: readonly string[], rewrite: readonly QueuedOp[] = []): Promise<void> {
  if (!remove.length && !rewrite.length) return;
  const db = await open();
  if (!db) return;
  const tx = db.transaction('ops', 'readwrite');
  const store = tx.objectStore('ops');
  for (const k of remove) store.delete(k);
  for (const op of rewrite) store.put(op);
  await committed(tx);
  changed();
}
