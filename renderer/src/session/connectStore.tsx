import { createContext, memo, useContext, type ComponentType } from 'react';
import type { StoreApi, UseBoundStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import type { SessionStore } from './sessionStore.ts';

export type SessionStoreHook = UseBoundStore<StoreApi<SessionStore>>;

/** The window's one store, given to every view that reads it through a selector. */
export const SessionStoreContext = createContext<SessionStoreHook | null>(null);

/** The members `keys` names, re-rendering only when one of them changes (a shallow comparison). */
export function useSessionSlice<K extends keyof SessionStore>(keys: readonly K[]): Pick<SessionStore, K> {
  const useStore = useContext(SessionStoreContext);
  if (!useStore) throw new Error('A view reads the session store outside its provider.');
  return useStore(
    useShallow((state: SessionStore) => {
      const slice = {} as Pick<SessionStore, K>;
      for (const key of keys) slice[key] = state[key];
      return slice;
    }),
  );
}

/**
 * A view of one area of the window, fed the members it declares: a progress report re-renders the
 * views that show progress, and no other. The view itself takes its slice as a prop (tests give it one).
 */
export function connectView<K extends keyof SessionStore, Props extends { store: Pick<SessionStore, K> }>(
  View: ComponentType<Props>,
  keys: readonly K[],
): ComponentType<Omit<Props, 'store'>> {
  const Connected = (props: Omit<Props, 'store'>) => {
    const store = useSessionSlice(keys);
    return <View {...({ ...props, store } as Props)} />;
  };
  Connected.displayName = `Connected(${View.displayName ?? View.name})`;
  return memo(Connected) as unknown as ComponentType<Omit<Props, 'store'>>;
}
