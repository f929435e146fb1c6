// The consultancy's logo, picked from a file and drawn on the sponsor pack's cover. The file's
// bytes decide (domain/logo.ts): a non-image or a file over 512 KB is refused with the reason and
// nothing stored changes; an accepted logo is stored with the workshop in one audited, undoable step.
import { useId, useRef, useState } from 'react';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { logoSizeMessage, readLogo } from '../../domain/logo';
import { useInterfaceT } from '../../i18n/react';
import { messageText } from '../../shared/message-text';
import type { Message } from '../../domain/message';
import type { Workshop } from '../../domain/model';

export function LogoField({ workshop }: { workshop: Workshop }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const { t, lang } = useInterfaceT();
  const [error, setError] = useState<Message | null>(null);
  const logo = workshop.logo;

  const pick = async (file: File) => {
    // Refused by its size before a byte is read: a huge file never reaches memory.
    const tooBig = logoSizeMessage(file.size, file.name);
    const result = tooBig ? ({ ok: false, text: tooBig } as const) : readLogo(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!result.ok) {
      setError(result.text);
      return;
    }
    setError(null);
    await save(() => repos.workshops.update(workshop.id, { logo: result.logo }, { label: 'Set the consultancy logo' }));
  };

  return (
    <div className="field logo-field">
      <span className="field-label" id={`${id}-label`}>
        {t('export.logo.label')}
      </span>
      <div className="logo-field-row">
        {logo ? <img className="logo-preview" src={logo.dataUrl} alt={t('export.logo.alt', { name: logo.name })} /> : <span className="logo-none">{t('export.logo.none')}</span>}
        <button type="button" className="btn" aria-describedby={`${id}-msg`} onClick={() => input.current?.click()}>
          {logo ? t('export.logo.replace') : t('export.logo.choose')}
        </button>
        {logo ? (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setError(null);
              void save(() => repos.workshops.update(workshop.id, { logo: undefined }, { label: 'Remove the consultancy logo' }));
            }}
          >
            {t('export.logo.remove')}
          </button>
        ) : null}
        <input
          ref={input}
          type="file"
          accept="image/png,image/jpeg"
          hidden
          aria-labelledby={`${id}-label`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void pick(file);
          }}
        />
      </div>
      {error ? (
        <p id={`${id}-msg`} className="field-error" role="alert">
          {messageText(t, lang, error)}
        </p>
      ) : (
        <p id={`${id}-msg`} className="field-hint">
          {logo ? t('export.logo.hintWith', { name: logo.name, width: logo.width, height: logo.height }) : t('export.logo.hint')}
        </p>
      )}
    </div>
  );
}
