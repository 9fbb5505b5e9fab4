import type { Binding } from '../forms';
import { useI18n } from '../i18n';
import { PasswordConditions } from './Conditions';
import { Field } from './Field';

/** The password conditions, then the new password and its confirmation (change-initial, change-password). */
export function NewPasswordFields({
  bind,
}: {
  bind: (name: 'newPassword' | 'newPasswordConfirmation') => Binding;
}) {
  const { t } = useI18n();
  return (
    <>
      <PasswordConditions id="password-conditions" />
      <Field
        {...bind('newPassword')}
        label={t('newPassword')}
        password
        autocomplete="new-password"
        maxLength={32}
        describedBy={['password-conditions']}
        required
      />
      <Field
        {...bind('newPasswordConfirmation')}
        label={t('newPasswordConfirmation')}
        password
        autocomplete="new-password"
        maxLength={32}
        required
      />
    </>
  );
}
