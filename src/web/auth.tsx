/** Who is signed in: loaded from GET /api/me at start, changed by login, logout and the language switch. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, isApiError } from './api.ts';
import { applyLanguage, storedLanguage, type Lang } from './i18n/index.ts';
import type { Me, User } from './types.ts';

export type AuthState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; me: Me };

interface AuthApi {
  state: AuthState;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** Reloads the user and company (after a change to either). */
  refresh(): Promise<void>;
  /** Marks the session as over (a request answered 401): the login page shows. */
  expire(): void;
  /** Switches the interface language; saved on the user when signed in, in localStorage always. */
  setLanguage(lang: Lang): Promise<void>;
  /** Replaces the signed-in user's record after an update. */
  setUser(user: User): void;
}

/** A language chosen on the sign-in page in this visit; saved on the account at sign-in. */
let pickedWhileSignedOut: Lang | null = null;

const AuthContext = createContext<AuthApi | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      const me = await api.get<Me>('/api/me');
      await applyLanguage(me.user.locale);
      setState({ status: 'signed-in', me });
    } catch (e) {
      if (isApiError(e) && (e.code === 'UNAUTHENTICATED' || e.status === 401)) {
        await applyLanguage(storedLanguage());
        setState({ status: 'anonymous' });
      } else {
        throw e;
      }
    }
  }, []);

  useEffect(() => {
    load().catch(() => setState({ status: 'anonymous' }));
  }, [load]);

  const value = useMemo<AuthApi>(
    () => ({
      state,
      async login(email, password) {
        const { user } = await api.post<{ user: User }>('/api/auth/login', { email, password });
        // The account's language wins, unless the person switched language on the sign-in page just now.
        const chosen = pickedWhileSignedOut;
        pickedWhileSignedOut = null;
        if (chosen && user.locale !== chosen) await api.patch('/api/me', { locale: chosen }).catch(() => undefined);
        await load();
      },
      async logout() {
        await api.post('/api/auth/logout').catch(() => undefined);
        setState({ status: 'anonymous' });
      },
      refresh: load,
      expire() {
        setState({ status: 'anonymous' });
      },
      async setLanguage(lang) {
        await applyLanguage(lang);
        if (state.status !== 'signed-in') pickedWhileSignedOut = lang;
        if (state.status === 'signed-in' && state.me.user.locale !== lang) {
          const { user } = await api.patch<{ user: User }>('/api/me', { locale: lang });
          setState({ status: 'signed-in', me: { ...state.me, user } });
        }
      },
      setUser(user) {
        setState((s) => (s.status === 'signed-in' ? { status: 'signed-in', me: { ...s.me, user } } : s));
      },
    }),
    [state, load],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthApi {
  const a = useContext(AuthContext);
  if (!a) throw new Error('useAuth must be used inside <AuthProvider>');
  return a;
}

/** The signed-in user and company; only for components rendered behind the sign-in gate. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useMe used while signed out');
  return state.me;
}
