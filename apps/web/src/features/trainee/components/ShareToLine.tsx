import { useTranslation } from 'react-i18next';

/** LINE's share page: it opens the LINE app on a phone (or LINE's web page elsewhere) with the link ready to send. */
export const lineShareUrl = (url: string) => `https://social-plugins.line.me/lineit/share?url=${encodeURIComponent(url)}`;

/** Sends this session's join link to a LINE chat, so a neighbour in the hall can join too: a plain link, nothing loaded from LINE. */
export function ShareToLine({ code }: { code: string }) {
  const { t } = useTranslation();
  const joinUrl = `${window.location.origin}/j/${code}`;
  return (
    <a className="button button--block button--line" href={lineShareUrl(joinUrl)} target="_blank" rel="noopener noreferrer">
      {t('trainee.shareLine')}
    </a>
  );
}
