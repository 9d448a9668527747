import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me, Roster, SyncResult, TrainingSessionDetail } from '@tds/contracts';
import { api, apiGet, isApiError, setCsrfToken } from '../../lib/api';
import { enqueue, loadSnapshot, nextSeq, onQueueChange, queuedOps, saveSnapshot, settle } from '../../lib/offline-db';
import { nextBatch, settleBatch, type OpLabel, type QueuedTrainingOp, type Settled, type TrainingOp } from './offline';
import { applyMarks, type AttendanceMark } from './attendance';

const enc = encodeURIComponent;
const base = (communeId: string) => `/api/communes/${enc(communeId)}/training`;

/** The server could not be reached (no network, or the server is down): the device's copy is used. */
export const unreachable = (e: unknown) => isApiError(e) && e.status === 0;

/** A value the screen read, with when it was saved when it comes from the device's copy. */
export type Cached<T> = T & { cachedAt?: string };

/**
 * Read from the server and keep a copy on the device; with no network, answer with the copy (its
 * time in `cachedAt`). Anything but "unreachable" is an answer of the server and stands.
 */
export async function readThrough<T extends object>(key: string, userId: string, read: () => Promise<T>): Promise<Cached<T>> {
  try {
    const value = await read();
    void saveSnapshot(key, userId, value);
    return value;
  } catch (e) {
    if (!unreachable(e)) throw e;
    const copy = await loadSnapshot<T>(key, userId);
    if (!copy) throw e;
    return { ...copy.value, cachedAt: copy.savedAt };
  }
}

/** Whether the browser believes it has a network (it may still not reach the server). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (cb) => {
      window.addEventListener('online', cb);
      window.addEventListener('offline', cb);
      return () => {
        window.removeEventListener('online', cb);
        window.removeEventListener('offline', cb);
      };
    },
    () => navigator.onLine,
    () => true,
  );
}

const rosterKey = (communeId: string, villageId: string) => ['training', communeId, 'roster', villageId] as const;
/** A roster younger than this is not asked for again (each download is audited as a bulk copy). */
const ROSTER_FRESH_MS = 30 * 60_000;

/**
 * The village's roster, kept on the device for searching with no network. Taken again when the
 * copy is older than half an hour, or after a sync added residents (`refreshRoster`).
 */
export function useRoster(communeId: string, villageId: string, userId: string, enabled: boolean) {
  return useQuery({
    queryKey: rosterKey(communeId, villageId),
    enabled,
    networkMode: 'always',
    staleTime: ROSTER_FRESH_MS,
    retry: false,
    queryFn: async ({ signal, meta }) => {
      const key = `roster:${communeId}:${villageId}`;
      const copy = await loadSnapshot<Roster>(key, userId);
      const force = meta?.force === true;
      if (copy && !force && Date.now() - Date.parse(copy.savedAt) < ROSTER_FRESH_MS) return { ...copy.value, cachedAt: copy.savedAt } as Cached<Roster>;
      return readThrough(key, userId, () => apiGet<Roster>(`${base(communeId)}/villages/${enc(villageId)}/roster`, undefined, signal));
    },
  });
}

async function refreshRosters(qc: QueryClient, communeId: string, userId: string) {
  // Added residents are on the server now: take the village's roster again, past the half-hour rule.
  const queries = qc.getQueryCache().findAll({ queryKey: ['training', communeId, 'roster'] });
  await Promise.all(
    queries.map(async (q) => {
      const villageId = String(q.queryKey[3]);
      try {
        const fresh = await apiGet<Roster>(`${base(communeId)}/villages/${enc(villageId)}/roster`);
        await saveSnapshot(`roster:${communeId}:${villageId}`, userId, fresh);
        qc.setQueryData(q.queryKey, fresh);
      } catch {
        /* next time */
      }
    }),
  );
}

/** This device's queued operations for the commune, kept current (here and in other tabs). */
export function useQueue(userId: string, communeId: string): QueuedTrainingOp[] {
  const [ops, setOps] = useState<QueuedTrainingOp[]>([]);
  useEffect(() => {
    let live = true;
    const load = () => void queuedOps<TrainingOp, OpLabel>(userId, communeId).then((list) => live && setOps(list));
    load();
    const off = onQueueChange(load);
    return () => {
      live = false;
      off();
    };
  }, [userId, communeId]);
  return ops;
}

/** Put operations on the queue (all or none); false when the device cannot keep them. */
export function queueOps(userId: string, communeId: string, items: { topic: string; op: TrainingOp; label: OpLabel }[]): Promise<boolean> {
  const at = new Date().toISOString();
  return enqueue(items.map((i) => ({ opKey: i.op.opKey, seq: nextSeq(), userId, communeId, topic: i.topic, op: i.op, label: i.label, createdAt: at })));
}

export interface FlushOutcome {
  sent: number;
  applied: number;
  refused: { label: OpLabel; message: string }[];
  /** The server could not be reached: what is left waits. */
  unreachable: boolean;
  /** The session ended (signed out elsewhere): the queue waits for the user to sign in again. */
  signedOut: boolean;
  addedResidents: number;
}

/** A fresh CSRF token (the one this page had no longer matches the session): ask the server who we are. */
async function renewCsrf(): Promise<'ok' | 'signedOut'> {
  try {
    const me = await api<Me>('/api/auth/me', { silent: true });
    setCsrfToken(me.csrfToken);
    return 'ok';
  } catch (e) {
    if (isApiError(e) && e.status === 401) return 'signedOut';
    throw e;
  }
}

type BeforeSettle = (batch: readonly QueuedTrainingOp[], settled: Settled) => void;

async function flushOnce(userId: string, communeId: string, before?: BeforeSettle): Promise<FlushOutcome> {
  const out: FlushOutcome = { sent: 0, applied: 0, refused: [], unreachable: false, signedOut: false, addedResidents: 0 };
  try {
    for (;;) {
      const queue = await queuedOps<TrainingOp, OpLabel>(userId, communeId);
      const batch = nextBatch(queue);
      if (!batch.length) return out;
      const body = { ops: batch.map((q) => q.op) };
      let result: SyncResult;
      try {
        result = await api<SyncResult>(`${base(communeId)}/sync`, { method: 'POST', body, silent: true });
      } catch (e) {
        if (isApiError(e) && e.code === 'CSRF_INVALID') {
          if ((await renewCsrf()) === 'signedOut') return { ...out, signedOut: true };
          result = await api<SyncResult>(`${base(communeId)}/sync`, { method: 'POST', body, silent: true });
        } else throw e;
      }
      const s = settleBatch(batch, result, queue.slice(batch.length));
      before?.(batch, s);
      await settle(s.remove, s.rewrite);
      out.sent += s.remove.length;
      out.applied += s.applied;
      out.addedResidents += s.residentIds.size;
      out.refused.push(...s.refused.map((r) => ({ label: r.label, message: r.message })));
      if (!s.remove.length) return out; // the server answered without settling anything: do not loop
    }
  } catch (e) {
    if (unreachable(e)) return { ...out, unreachable: true };
    if (isApiError(e) && e.status === 401) return { ...out, signedOut: true };
    throw e;
  }
}

let running: Promise<FlushOutcome> | null = null;

/**
 * Send this user's queue for the commune, oldest first, in batches; each operation once by its
 * key (a batch sent again after a lost answer changes nothing). One flush at a time per tab, and
 * per device where the browser has Web Locks.
 */
export function flushQueue(userId: string, communeId: string, before?: BeforeSettle): Promise<FlushOutcome> {
  if (running) return running;
  const run = () => flushOnce(userId, communeId, before);
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  running = (locks ? (locks.request('tds-training-sync', run) as unknown as Promise<FlushOutcome>) : run()).finally(() => {
    running = null;
  });
  return running;
}

/**
 * The marks the server has just taken, written into the sessions shown, so that a mark does not
 * blink off the list between leaving the queue and the session being read again.
 */
function keepMarksOnScreen(qc: QueryClient, communeId: string, batch: readonly QueuedTrainingOp[], settled: Settled) {
  const refused = new Set(settled.refused.map((r) => r.opKey));
  const bySession = new Map<string, AttendanceMark[]>();
  for (const q of batch) {
    if (q.op.kind !== 'mark' || refused.has(q.opKey)) continue;
    const residentId = q.op.residentId ?? (q.op.residentOpKey ? settled.residentIds.get(q.op.residentOpKey) : undefined);
    if (!residentId) continue;
    const list = bySession.get(q.op.sessionId) ?? [];
    list.push({ residentId, fullName: q.label.fullName, birthYear: q.label.birthYear, present: q.op.present, opKey: q.opKey });
    bySession.set(q.op.sessionId, list);
  }
  const at = new Date().toISOString();
  for (const [sessionId, marks] of bySession) {
    qc.setQueryData<Cached<TrainingSessionDetail>>(['training', communeId, 'session', sessionId], (old) => (old ? applyMarks(old, marks, at) : old));
  }
}

/** How often a queue that could not be sent is tried again (the browser may think it is online when it is not). */
const RETRY_MS = 15_000;

/**
 * Keeps the queue moving while a training page is open: sends at once when something is queued
 * and the browser is online, when the network comes back, and every 15 s while something waits.
 * Tells the user what the server refused, and refreshes the screens once the server has the rest.
 */
export function useSyncQueue(userId: string, communeId: string) {
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const { t } = useTranslation();
  const queue = useQueue(userId, communeId);
  const online = useOnline();
  const [syncing, setSyncing] = useState(false);
  const [lastError, setLastError] = useState<'unreachable' | 'signedOut' | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const sync = useCallback(async () => {
    setSyncing(true);
    try {
      const r = await flushQueue(userId, communeId, (batch, settled) => keepMarksOnScreen(qc, communeId, batch, settled));
      if (!mounted.current) return r;
      setLastError(r.unreachable ? 'unreachable' : r.signedOut ? 'signedOut' : null);
      for (const x of r.refused) void message.warning(t('training.offline.refused', { name: x.label.fullName, reason: x.message }), 8);
      if (r.sent) {
        if (r.addedResidents) await refreshRosters(qc, communeId, userId);
        await qc.invalidateQueries({ queryKey: ['training', communeId], predicate: (q) => q.queryKey[2] !== 'roster' });
      }
      return r;
    } catch {
      if (mounted.current) setLastError('unreachable');
      return null;
    } finally {
      if (mounted.current) setSyncing(false);
    }
  }, [userId, communeId, qc, message, t]);

  const pending = queue.length;
  useEffect(() => {
    if (!pending || !online) return;
    void sync();
    const timer = window.setInterval(() => void sync(), RETRY_MS);
    return () => window.clearInterval(timer);
  }, [pending, online, sync]);

  return { queue, pending, online, syncing, lastError, sync };
}
