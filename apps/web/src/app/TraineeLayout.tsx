import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { TextSizeSwitch } from '../components/TextSizeSwitch';

/** The trainee's phone: a slim bar (larger text, language), then one thing to do at a time. */
export function TraineeLayout() {
  const { t } = useTranslation();
  return (
    <div className="shell shell--trainee">
      <header className="topbar topbar--slim">
        <span className="brand">{t('app.name')}</span>
        <span className="topbar__tools">
          <TextSizeSwitch />
          <LanguageSwitch />
        </span>
      </header>
      <Outlet />
    </div>
  );
}
