import { useId } from 'react';
import { ENCODING_LABELS, TEXT_ENCODINGS, isTextEncoding, type TextEncoding } from '../domain/text-decoding';
import { previewLines, type ReadTable, type SpreadsheetSource } from './spreadsheet-source';

type Props = {
  source: SpreadsheetSource;
  encoding: TextEncoding;
  onEncoding: (encoding: TextEncoding) => void;
  read: ReadTable;
};

/**
 * How the file was read, and the person's say in it: the text encoding (guessed, changeable),
 * the first lines as decoded, and a warning when characters could not be decoded.
 */
export function SourceOptions({ source, encoding, onEncoding, read }: Props) {
  const id = useId();
  const { guess } = source;
  return (
    <div className="source-options">
      <div className="source-encoding">
        <label htmlFor={`${id}-encoding`}>Text encoding</label>
        <select id={`${id}-encoding`} data-testid="encoding" value={encoding} onChange={(e) => isTextEncoding(e.target.value) && onEncoding(e.target.value)}>
          {TEXT_ENCODINGS.map((value) => (
            <option key={value} value={value}>
              {ENCODING_LABELS[value]}
            </option>
          ))}
        </select>
        <span className="muted source-reason">
          {encoding === guess.encoding ? `Chosen because ${guess.reason}.` : `Liftoff had guessed ${ENCODING_LABELS[guess.encoding]}.`}
        </span>
      </div>
      <pre className="text-preview" aria-label="The first lines of the file as read" data-testid="text-preview">
        {previewLines(read.decoded.text)}
      </pre>
      {read.decoded.replacements > 0 ? (
        <p role="alert" className="error-text" data-testid="encoding-warning">
          {read.decoded.replacements} {read.decoded.replacements === 1 ? 'character' : 'characters'} could not be read as{' '}
          {ENCODING_LABELS[encoding]} and would be stored as “�”. Choose the encoding the file was saved in.
        </p>
      ) : null}
    </div>
  );
}
