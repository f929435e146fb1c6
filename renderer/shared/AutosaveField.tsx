import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { save } from '../app/persist';
import { createCoalescedWriter, type CoalescedWriter } from './coalesced-writer';
import { useT } from '../i18n/react';

type Props = {
  label: string;
  value: string;
  /**
   * Called with the newest value: at once, or, while a write is under way, once it is done (values
   * typed in between are skipped, the newest wins), so a fast typist never builds a queue.
   */
  onSave: (value: string) => Promise<unknown>;
  multiline?: boolean;
  maxLength: number;
  placeholder?: string;
  required?: boolean;
  type?: 'text' | 'date';
  hint?: string;
  className?: string;
  /** A fixed id, for fields other code focuses. */
  inputId?: string;
  /** The id of a <datalist> of suggestions (pick one or type anything). */
  list?: string;
};

/**
 * A field that stores every keystroke at once (nothing typed is lost), while the person is typing
 * it keeps its own draft so a slow database echo never moves the caret; after an undo or redo, or
 * when the field is left, it shows the stored value again.
 */
export function AutosaveField({ label, value, onSave, multiline, maxLength, placeholder, required, type = 'text', hint, className, inputId, list }: Props) {
  const { t } = useT();
  const generatedId = useId();
  const id = inputId ?? generatedId;
  const [draft, setDraft] = useState(value);
  const [seenValue, setSeenValue] = useState(value);
  const [pending, setPending] = useState(false);
  const writer = useRef<CoalescedWriter | null>(null);
  writer.current ??= createCoalescedWriter(setPending);
  // A required field emptied: not stored, and said in the reader's language as it is shown.
  const [empty, setEmpty] = useState(false);
  const error = empty ? t('shared.autosave.empty', { label }) : null;

  // Follow the stored value (undo, redo, another screen) except while our own writes are on
  // their way: their echoes would move the caret back to an older text.
  if (value !== seenValue) {
    setSeenValue(value);
    if (!pending) setDraft(value);
  }

  const textareaRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = textareaRef.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight + 2, 480)}px`;
  }, [draft]);

  const onChange = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const next = e.target.value.slice(0, maxLength);
    setDraft(next);
    if (required && !next.trim()) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    writer.current?.push(() => save(() => onSave(next)));
  };
  const onBlur = () => {
    // An empty required field is not stored; leaving it shows the stored text again.
    if (empty) {
      setEmpty(false);
      setDraft(value);
    }
  };

  const common = {
    id,
    value: draft,
    onChange,
    onBlur,
    placeholder,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error || hint ? `${id}-msg` : undefined,
  };
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea ref={textareaRef} rows={3} {...common} /> : <input type={type} list={list} {...common} />}
      {error ? (
        <p id={`${id}-msg`} className="field-error" role="alert">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-msg`} className="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
