import type { CurrentUser } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useLogout } from '../features/auth/api/logout';

/** Header for the office pages: whose organization this is, who is signed in, and the way out. */
export function StaffLayout({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logoutMutation = useLogout();
  const runsPrograms = user.role !== 'manager';
  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar__brand">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          <span className="topbar__org" data-testid="organization-name">
            {user.organization.name}
          </span>
        </div>
        <nav className="topbar__nav" aria-label={t('app.nav.label')}>
          {runsPrograms && <NavLink to="/programs">{t('app.nav.programs')}</NavLink>}
          {runsPrograms && <NavLink to="/sessions">{t('sessionAdmin.nav')}</NavLink>}
          {runsPrograms && <NavLink to="/people">{t('people.nav')}</NavLink>}
          <NavLink to="/plan">{t('app.nav.plan')}</NavLink>
          <NavLink to="/indicators">{t('app.nav.indicators')}</NavLink>
          {user.role === 'admin' && <NavLink to="/admin/users">{t('users.nav')}</NavLink>}
          {user.role === 'admin' && <NavLink to="/admin/organization">{t('organization.nav')}</NavLink>}
          {user.role === 'admin' && <NavLink to="/admin/audit">{t('audit.nav')}</NavLink>}
        </nav>
        <div className="topbar__user">
          <span data-testid="current-user">
            {user.displayName} <span className="muted">({t(`app.roles.${user.role}`)})</span>
          </span>
          <NavLink to="/account" className="topbar__account">
            {t('account.nav')}
          </NavLink>
          <LanguageSwitch />
          <button
            type="button"
            className="button button--small"
            disabled={logoutMutation.isPending}
            onClick={() => logoutMutation.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}
          >
            {t('app.logout')}
          </button>
        </div>
      </header>
      <div id="content">
        <Outlet context={user} />
      </div>
    </div>
  );
}
