import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { TextSizeSwitch } from '../components/TextSizeSwitch';

/** The trainee's phone: a slim bar (larger text, language), then one thing to do at a time. */
export function TraineeShell({ children }: { children: ReactNode }) {
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
      {children}
    </div>
  );
}
