import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me, Permission } from '@tds/contracts';
import { STORAGE_KEYS, storage } from './storage';

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** The signed-in user; only inside the authenticated part of the app. */
export function useCurrentMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentMe outside of the signed-in area');
  return me;
}

export function useCan(permission: Permission): boolean {
  const me = useContext(MeContext);
  return !!me?.permissions.includes(permission);
}

export type CommuneOption = Me['communes'][number];

interface CommuneState {
  communeId: string | null;
  commune: CommuneOption | null;
  communes: CommuneOption[];
  setCommuneId: (id: string) => void;
}

const CommuneContext = createContext<CommuneState | null>(null);

/** Pick the remembered commune when it is still allowed, else the first one. */
export function pickCommune(communes: readonly { id: string }[], saved: string | null): string | null {
  if (saved && communes.some((c) => c.id === saved)) return saved;
  return communes[0]?.id ?? null;
}

export function CommuneProvider({ children }: { children: ReactNode }) {
  const me = useCurrentMe();
  const [selected, setSelected] = useState<string | null>(() => pickCommune(me.communes, storage.get(STORAGE_KEYS.commune)));

  useEffect(() => {
    const valid = pickCommune(me.communes, selected);
    if (valid !== selected) setSelected(valid);
  }, [me.communes, selected]);

  const setCommuneId = useCallback((id: string) => {
    storage.set(STORAGE_KEYS.commune, id);
    setSelected(id);
  }, []);

  const value = useMemo<CommuneState>(() => {
    const commune = me.communes.find((c) => c.id === selected) ?? null;
    return { communeId: commune?.id ?? null, commune, communes: me.communes, setCommuneId };
  }, [me.communes, selected, setCommuneId]);

  return <CommuneContext.Provider value={value}>{children}</CommuneContext.Provider>;
}

export function useCommune(): CommuneState {
  const v = useContext(CommuneContext);
  if (!v) throw new Error('useCommune outside of CommuneProvider');
  return v;
}
