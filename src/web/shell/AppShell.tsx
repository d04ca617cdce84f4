/** Side navigation (built from routes.tsx for the user's role), top bar, and the page outlet. */
import { genderSlash } from '../../i18n/index.ts';
import { Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { useAuth, useMe } from '../auth.tsx';
import { useCommonT } from '../i18n/common.ts';
import { routes, type AppRoute, type NavSection } from '../routes.tsx';
import { Alert, Button, Icon, Loading } from '../ui/index.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

const SECTION_ORDER: NavSection[] = ['main', 'manage', 'platform', 'account'];

const initials = (name: string) =>
  name
    .replace(/[^\p{L}\s]/gu, '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0])
    .join('')
    .toUpperCase();

export function AppShell() {
  const { t, lang } = useCommonT();
  const { user, company } = useMe();
  const { logout } = useAuth();
  const visible = routes.filter((r): r is AppRoute & { nav: NonNullable<AppRoute['nav']> } => !!r.nav && (r.nav.roles ?? r.roles).includes(user.role));
  const sections = SECTION_ORDER.map((s) => ({ id: s, items: visible.filter((r) => r.nav.section === s).sort((a, b) => a.nav.order - b.nav.order) })).filter(
    (s) => s.items.length > 0,
  );

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <div className="sidenav-col">
        <nav className="sidenav" aria-label={t('nav.mainNav')}>
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" lang="en">
              S
            </span>
            {t('app.name')}
          </Link>
          {sections.map((s) => (
            <div className="nav-section" key={s.id}>
              <div className="nav-section-title">{t(`nav.sections.${s.id}`)}</div>
              <ul className="nav-list">
                {s.items.map((r) => (
                  <li key={r.path}>
                    <NavLink to={`/${r.path}`} end={r.path === ''} className="nav-link">
                      <Icon name={r.nav.icon} />
                      {r.nav.label[lang]}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <div className="sidenav-foot">{t('app.tagline')}</div>
        </nav>
      </div>
      <div className="main">
        <header className="topbar">
          <bdi className="company">{company?.name ?? t('app.name')}</bdi>
          <div className="user">
            <LanguageSwitch />
            <span className="avatar" aria-hidden="true">
              {initials(user.name)}
            </span>
            <div className="user-meta">
              <bdi className="name">{user.name}</bdi>
              <span className="role" data-testid="user-role">
                {genderSlash(t(`roles.${user.role}`), user.gender)}
              </span>
            </div>
            <Button variant="ghost" size="sm" onClick={() => void logout()}>
              <Icon name="logout" size={16} />
              {t('actions.signOut')}
            </Button>
          </div>
        </header>
        <main className="content" id="main" tabIndex={-1}>
          {user.mustChangePassword && (
            <div style={{ marginBlockEnd: 'var(--s-4)' }}>
              <Alert tone="warning" actions={<Link to="/account">{t('mustChange.action')}</Link>}>
                {t('mustChange.text')}
              </Alert>
            </div>
          )}
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
