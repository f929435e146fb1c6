// The consultancy's logo, picked from a file and drawn on the sponsor pack's cover. The file's
// bytes decide (domain/logo.ts): a non-image or a file over 512 KB is refused with the reason and
// nothing stored changes; an accepted logo is stored with the workshop in one audited, undoable step.
import { useId, useRef, useState } from 'react';
import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { logoSizeProblem, readLogo } from '../../domain/logo';
import type { Workshop } from '../../domain/model';

export function LogoField({ workshop }: { workshop: Workshop }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState('');
  const logo = workshop.logo;

  const pick = async (file: File) => {
    // Refused by its size before a byte is read: a huge file never reaches memory.
    const tooBig = logoSizeProblem(file.size, file.name);
    const result = tooBig ? ({ ok: false, message: tooBig } as const) : readLogo(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError('');
    await save(() => repos.workshops.update(workshop.id, { logo: result.logo }, { label: 'Set the consultancy logo' }));
  };

  return (
    <div className="field logo-field">
      <span className="field-label" id={`${id}-label`}>
        Consultancy logo
      </span>
      <div className="logo-field-row">
        {logo ? <img className="logo-preview" src={logo.dataUrl} alt={`Consultancy logo: ${logo.name}`} /> : <span className="logo-none">No logo yet</span>}
        <button type="button" className="btn" aria-describedby={`${id}-msg`} onClick={() => input.current?.click()}>
          {logo ? 'Replace logo…' : 'Choose logo…'}
        </button>
        {logo ? (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setError('');
              void save(() => repos.workshops.update(workshop.id, { logo: undefined }, { label: 'Remove the consultancy logo' }));
            }}
          >
            Remove logo
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
          {error}
        </p>
      ) : (
        <p id={`${id}-msg`} className="field-hint">
          A PNG or JPEG of at most 512 KB, drawn on the sponsor pack’s cover{logo ? ` (${logo.name}, ${logo.width} × ${logo.height} pixels)` : ''}.
        </p>
      )}
    </div>
  );
}
