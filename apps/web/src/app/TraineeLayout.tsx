import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch';

/** The trainee's phone: a slim bar, then one thing to do at a time. */
export function TraineeLayout() {
  const { t } = useTranslation();
  return (
    <div className="shell shell--trainee">
      <header className="topbar topbar--slim">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <Outlet />
    </div>
  );
}
