/** Top-level routing: the sign-in page while signed out, the shell with the role's pages once signed in. */
import { Suspense, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes } from 'react-router-dom';
import { useAuth, useMe } from '../auth.tsx';
import { useCommonT } from '../i18n/common.ts';
import LoginPage from '../pages/login/LoginPage.tsx';
import { routes } from '../routes.tsx';
import { EmptyState, Loading } from '../ui/index.ts';
import { AppShell } from './AppShell.tsx';
import type { Role } from '../types.ts';

export function App() {
  const { state } = useAuth();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous') {
    return (
      <Routes>
        <Route path="*" element={<LoginPage />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route path="/login" element={<Navigate to="/" replace />} />
      <Route element={<AppShell />}>
        {routes.map((r) => (
          <Route
            key={r.path}
            path={r.path === '' ? undefined : r.path}
            index={r.path === '' ? true : undefined}
            element={
              <RoleGate roles={r.roles}>
                <r.component />
              </RoleGate>
            }
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function RoleGate({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user } = useMe();
  if (!roles.includes(user.role)) return <NotFound forbidden />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

function NotFound({ forbidden }: { forbidden?: boolean }) {
  const { t } = useCommonT();
  return (
    <div className="card">
      <EmptyState title={forbidden ? t('errors.FORBIDDEN') : t('errors.notFoundPage')} action={<Link to="/">{t('errors.goHome')}</Link>} />
    </div>
  );
}
