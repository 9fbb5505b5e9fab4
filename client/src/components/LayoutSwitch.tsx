import { useI18n } from '../i18n';
import { setLayoutMode, useLayoutMode } from '../layoutMode';

/** Guide 2 "switch button for screen of computer": pressed = the PC layout. */
export function LayoutSwitch() {
  const { t } = useI18n();
  const pc = useLayoutMode() === 'pc';
  return (
    <button
      type="button"
      class="layout-switch"
      aria-pressed={pc}
      data-testid="layout-switch"
      onClick={() => setLayoutMode(pc ? 'phone' : 'pc')}
    >
      {t('layoutSwitch')}
    </button>
  );
}
