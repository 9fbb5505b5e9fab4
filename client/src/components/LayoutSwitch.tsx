import { useI18n } from '../i18n';
import { setLayoutMode, useLayoutMode } from '../layoutMode';

/**
 * Guide 2 "switch button for screen of computer / smart phone": it names the layout it switches to
 * (PC版表示 in the smartphone layout, スマートフォン版表示 in the PC layout), as the real portal does.
 */
export function LayoutSwitch() {
  const { t } = useI18n();
  const mode = useLayoutMode();
  return (
    <button
      type="button"
      class="layout-switch"
      data-testid="layout-switch"
      data-layout={mode}
      onClick={() => setLayoutMode(mode === 'pc' ? 'phone' : 'pc')}
    >
      {t(mode === 'pc' ? 'layoutSwitchToPhone' : 'layoutSwitch')}
    </button>
  );
}
