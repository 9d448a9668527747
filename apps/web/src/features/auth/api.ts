import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me, Permission } from '@tds/contracts';
import { api, isApiError, setCsrfToken } from '../../lib/api';
import { clearSnapshots } from '../../lib/offline-db';
import { STORAGE_KEYS, storage } from '../../lib/storage';

export const meKey = ['me'] as const;

/** Set when the user signs out on purpose, so the guard sends them to a plain login page (no `next`). */
let signedOutOnPurpose = false;
export function wasSignedOutOnPurpose(): boolean {
  return signedOutOnPurpose;
}

/**
 * Who is signed in. The answer is remembered on the device (without the CSRF token), so a team
 * member who opens the app in a village with no network still gets the screens that work offline;
 * the server is asked again as soon as it can be reached.
 */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/api/auth/me', { silent: true });
    setCsrfToken(me.csrfToken);
    rememberMe(me);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      rememberMe(null);
      return null;
    }
    const known = isApiError(e) && e.status === 0 ? rememberedMe() : null;
    if (known) return known;
    throw e;
  }
}

function rememberMe(me: Me | null) {
  storage.set(STORAGE_KEYS.me, me ? JSON.stringify({ ...me, csrfToken: '' }) : null);
}

function rememberedMe(): Me | null {
  const raw = storage.get(STORAGE_KEYS.me);
  if (!raw) return null;
  try {
    const me = JSON.parse(raw) as Me;
    return me && typeof me === 'object' && me.user && Array.isArray(me.permissions) && Array.isArray(me.communes) ? me : null;
  } catch {
    return null;
  }
}

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false, refetchOnWindowFocus: true, networkMode: 'always' });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => api<Me>('/api/auth/login', { method: 'POST', body: input, silent: true }),
    onSuccess: (me) => {
      signedOutOnPurpose = false;
      setCsrfToken(me.csrfToken);
      rememberMe(me);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      qc.setQueryData(meKey, me);
    },
  });
}

/**
 * Sign out. The message and the move to the login page happen here, in the mutation's own callback:
 * clearing the user unmounts the layout that asked, and its `mutate(..., { onSettled })` might never run.
 */
export function useLogout() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: async () => {
      try {
        await api('/api/auth/logout', { method: 'POST', body: {}, silent: true });
      } catch {
        /* signing out locally is enough when the session is already gone */
      }
    },
    onSettled: () => {
      signedOutOnPurpose = true;
      setCsrfToken(null);
      rememberMe(null);
      // Residents' names copied for offline use leave the device with the user (queued marks stay for their return).
      void clearSnapshots();
      void navigate('/login', { replace: true });
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      qc.setQueryData(meKey, null);
      void message.success(t('auth.loggedOut'));
    },
  });
}

/**
 * Change the signed-in user's password. The success message is shown here, not by the caller:
 * updating the user can unmount the form (the forced change page redirects at once), and a
 * `mutate(..., { onSuccess })` callback of an unmounted component never runs.
 */
export function useChangePassword() {
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api<unknown>('/api/auth/change-password', { method: 'POST', body: input, silent: true }),
    onSuccess: async (data) => {
      void message.success(t('auth.changed'));
      // The server may answer with the new Me (fresh CSRF token) or just { ok: true }.
      if (data && typeof data === 'object' && 'user' in data && 'csrfToken' in data) {
        const me = data as Me;
        setCsrfToken(me.csrfToken);
        qc.setQueryData(meKey, me);
      }
      await qc.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function hasPermission(me: Me | null | undefined, permission: Permission): boolean {
  return !!me?.permissions.includes(permission);
}
