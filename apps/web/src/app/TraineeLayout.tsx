import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { TextSizeSwitch } from '../components/TextSizeSwitch';
import { registerServiceWorker } from '../lib/service-worker';

/** The trainee's phone: a slim bar (larger text, language), then one thing to do at a time; installable, works offline. */
export function TraineeLayout() {
  const { t } = useTranslation();
  // Trainee pages only: they are the ones a phone must reopen with no connection.
  useEffect(registerServiceWorker, []);
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
