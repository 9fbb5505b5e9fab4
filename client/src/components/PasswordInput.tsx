import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';

/**
 * A real <input type="password"> (password managers, autofill and screen readers keep working;
 * phones show only the last typed character, guide 1-2 (4)) with a show/hide toggle.
 */
export function PasswordInput(props: JSX.InputHTMLAttributes<HTMLInputElement>) {
  const { t } = useI18n();
  const [visible, setVisible] = useState(false);
  const id = String(props.id ?? '');
  return (
    <div class="password-input">
      <input
        class="input"
        autocapitalize="off"
        autocorrect="off"
        spellcheck={false}
        {...props}
        type={visible ? 'text' : 'password'}
      />
      <button
        type="button"
        class="password-input__toggle"
        aria-controls={id || undefined}
        // The name says what a press does (not a pressed state under one name): "hide" once shown.
        aria-label={visible ? t('hidePasswordLabel') : t('showPasswordLabel')}
        data-testid={`${String(props.name ?? id)}-toggle`}
        onClick={() => setVisible((v) => !v)}
      >
        <span aria-hidden="true">{visible ? t('hidePassword') : t('showPassword')}</span>
      </button>
    </div>
  );
}
