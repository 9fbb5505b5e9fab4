import { fill, formatDateTime } from '../format';
import { useI18n } from '../i18n';

/** "Offline — showing saved data from <time>" above data that came from the device. */
export function OfflineDataNotice({ stale, savedAt }: { stale: boolean; savedAt: number | null }) {
  const { t, lang } = useI18n();
  if (!stale) return null;
  return (
    <p class="alert alert--info" role="status" data-testid="offline-data-notice">
      {savedAt
        ? fill(t('offlineData'), { time: formatDateTime(new Date(savedAt).toISOString(), lang) })
        : t('offlineDataNoTime')}
    </p>
  );
}
