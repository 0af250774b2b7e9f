import type { Session } from '@sujarit/contracts';
import { useTranslation } from 'react-i18next';

export function SessionStatusBadge({ status }: { status: Session['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge badge--session-${status}`}>{t(`sessionAdmin.status.${status}`)}</span>;
}
