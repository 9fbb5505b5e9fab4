import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { BusyButton } from '../../components/BusyButton';
import { FormErrors } from '../../components/FormErrors';
import { errorMessage } from '../../data/errors';
import type { FieldErrorsRef } from '../../forms';
import { getFragmentData } from '../../gql/fragment-masking';
import { FieldErrorsFieldsFragmentDoc } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { opsText } from './strings';

interface ConfirmDialogProps {
  title: string;
  /** What will happen, in words (and any summary of the data). */
  children: ComponentChildren;
  confirmLabel?: string;
  danger?: boolean;
  /** An example reason fitting this action (the default is the call centre's, about a caller). */
  reasonHint?: string;
  /** Sends the action with the reason; resolves to error messages to show, or null on success. */
  onConfirm: (reason: string) => Promise<string[] | null>;
  onClose: () => void;
  testId?: string;
}

/**
 * A modal confirmation (native <dialog>: focus kept inside, Escape closes) that asks for the
 * operator's reason before anything is sent. Focus returns to the button that opened it.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  danger,
  reasonHint,
  onConfirm,
  onClose,
  testId = 'confirm-dialog',
}: ConfirmDialogProps) {
  const { t, s } = useI18n(opsText);
  const dialog = useRef<HTMLDialogElement>(null);
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [reasonError, setReasonError] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    reasonInput.current?.focus();
    return () => {
      if (d?.open) d.close();
      opener?.focus?.();
    };
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setErrors([]);
    if (!reason.trim()) {
      setReasonError(true);
      reasonInput.current?.focus();
      return;
    }
    setReasonError(false);
    setBusy(true);
    try {
      const result = await onConfirm(reason.trim());
      if (result && result.length > 0) {
        setErrors(result);
        setBusy(false);
      }
      // On success the owner unmounts the dialog.
    } catch (err) {
      setErrors([errorMessage(err, t)]);
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      class="ops-dialog"
      aria-labelledby="ops-dialog-title"
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form class="ops-dialog__form" onSubmit={submit} noValidate>
        <h2 id="ops-dialog-title" class="ops-dialog__title">
          {title}
        </h2>
        <div class="ops-dialog__body">{children}</div>
        <div class={reasonError ? 'field field--invalid' : 'field'}>
          <label class="field__label" for="ops-reason">
            {s.reason}
          </label>
          <p class="field__hint" id="ops-reason-hint">
            {reasonHint ?? s.reasonHint}
          </p>
          <textarea
            id="ops-reason"
            name="reason"
            class="input ops-textarea"
            rows={3}
            maxLength={500}
            required
            ref={reasonInput}
            value={reason}
            aria-invalid={reasonError || undefined}
            aria-describedby={reasonError ? 'ops-reason-error ops-reason-hint' : 'ops-reason-hint'}
            data-testid="reason"
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          {reasonError ? (
            <ul class="field__errors" id="ops-reason-error" data-testid="reason-error">
              <li>{s.reasonRequired}</li>
            </ul>
          ) : null}
        </div>
        <FormErrors messages={errors} testId="dialog-error" />
        <div class="ops-dialog__actions">
          <BusyButton type="button" class="button button--secondary" busy={busy} onClick={onClose}>
            {s.cancel}
          </BusyButton>
          <BusyButton
            type="submit"
            class={danger ? 'button button--danger' : 'button button--primary'}
            busy={busy}
            data-testid="confirm-submit"
          >
            {busy ? s.working : (confirmLabel ?? s.confirmButton)}
          </BusyButton>
        </div>
      </form>
    </dialog>
  );
}

/** Any member of a console mutation's result union (a FieldErrors one masked: FieldErrorsFields). */
export type MutationResult = { __typename: string; message?: string } & FieldErrorsRef;

/** Messages of a mutation's error member (a UserError, with FieldErrors' per-field messages). */
export function resultErrors(result: MutationResult): string[] {
  const out: string[] = [];
  if (result.message) out.push(result.message);
  const errors =
    result.__typename === 'FieldErrors' ? getFragmentData(FieldErrorsFieldsFragmentDoc, result).errors : [];
  for (const e of errors) if (!out.includes(e.message)) out.push(e.message);
  return out.length > 0 ? out : ['?'];
}
