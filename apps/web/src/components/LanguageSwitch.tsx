import { useTranslation } from 'react-i18next';
import { setLanguage } from '../lib/i18n';

/** Thai first; English for the occasional reader who needs it. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'en' ? 'th' : 'en';
  return (
    <button type="button" className="button button--ghost button--small" lang={next} onClick={() => void setLanguage(next)}>
      {t('common.switchLanguage')}
    </button>
  );
}
