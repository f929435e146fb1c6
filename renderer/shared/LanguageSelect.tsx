// The two language selectors: the interface language (a preference of this app on this computer)
// and a workshop's language (what its room sees). Each language is named in itself, so a person
// finds theirs whatever language the screen is in.
import { useId, useSyncExternalStore } from 'react';
import { LANGUAGES, LANGUAGE_NAMES, isLanguage, type Language } from '../domain/languages';
import { interfaceChoice, pseudoLocaleOffered, setInterfaceChoice, subscribeToInterfaceLanguage, systemLanguage, type InterfaceChoice } from '../i18n/interface-language';
import { useInterfaceT } from '../i18n/react';

const SYSTEM = 'system';

export function InterfaceLanguageSelect() {
  const { t } = useInterfaceT();
  const id = useId();
  const choice = useSyncExternalStore(subscribeToInterfaceLanguage, interfaceChoice, interfaceChoice);
  const change = (value: string) => {
    const next: InterfaceChoice = value === SYSTEM ? null : value === 'pseudo' || isLanguage(value) ? value : null;
    void setInterfaceChoice(next);
  };
  return (
    <span className="language-select">
      <label htmlFor={id} className="visually-hidden">
        {t('language.interface')}
      </label>
      <select id={id} value={choice ?? SYSTEM} onChange={(e) => change(e.target.value)} title={t('language.interfaceHint')} data-testid="interface-language">
        <option value={SYSTEM}>{t('language.system', { language: LANGUAGE_NAMES[systemLanguage()] })}</option>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
        {pseudoLocaleOffered() ? <option value="pseudo">{t('language.pseudo')}</option> : null}
      </select>
    </span>
  );
}

/** A workshop's language, in a form: labelled, with what it changes said under it. */
export function WorkshopLanguageField({ value, onChange, id }: { value: Language; onChange: (language: Language) => void; id: string }) {
  const { t } = useInterfaceT();
  return (
    <div className="field">
      <label htmlFor={id}>{t('language.workshop')}</label>
      <select id={id} value={value} onChange={(e) => isLanguage(e.target.value) && onChange(e.target.value)} aria-describedby={`${id}-hint`} data-testid="workshop-language">
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field-hint">
        {t('language.workshopHint')}
      </p>
    </div>
  );
}
