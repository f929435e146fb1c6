// The native menu's words (and the About box's) in the interface languages. Main cannot read the
// renderer's catalogs (they are built into the renderer's chunks), so the menu keeps its own small
// record here; the words follow what the screens already say for the same actions
// (renderer/i18n/catalogs/app/*.json: home.newWorkshop, home.openFile, shell.undo, …).
// The Words type makes a missing word a compile error; test/unit/electron/menu-words.test.ts
// also checks at run time that every language has every word, filled, with the same placeholders.
// "{app}" stands for the application's name. An "&" marks the access key on Windows and Linux.
import type { InterfaceLanguage } from '../shared/ipc-constants';

export type MenuWords = {
  // Menus
  file: string;
  edit: string;
  view: string;
  window: string;
  help: string;
  // The macOS app menu
  about: string;
  services: string;
  hide: string;
  hideOthers: string;
  showAll: string;
  quitApp: string;
  // File
  newWorkshop: string;
  openWorkshopFile: string;
  saveWorkshopFile: string;
  importCsv: string;
  exportSponsorPack: string;
  closeWindow: string;
  quit: string;
  // Edit
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  // View
  reload: string;
  developerTools: string;
  actualSize: string;
  zoomIn: string;
  zoomOut: string;
  presenterMode: string;
  fullScreen: string;
  // Window
  minimize: string;
  zoom: string;
  bringAllToFront: string;
  // The About box
  aboutDetail: string;
  ok: string;
};

export type MenuWord = keyof MenuWords;

const en: MenuWords = {
  file: '&File',
  edit: '&Edit',
  view: '&View',
  window: '&Window',
  help: '&Help',
  about: 'About {app}',
  services: 'Services',
  hide: 'Hide {app}',
  hideOthers: 'Hide Others',
  showAll: 'Show All',
  quitApp: 'Quit {app}',
  newWorkshop: 'New workshop',
  openWorkshopFile: 'Open workshop file…',
  saveWorkshopFile: 'Save workshop file…',
  importCsv: 'Import use cases from CSV…',
  exportSponsorPack: 'Export sponsor pack…',
  closeWindow: 'Close Window',
  quit: 'Quit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  reload: 'Reload',
  developerTools: 'Toggle Developer Tools',
  actualSize: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  presenterMode: 'Presenter mode',
  fullScreen: 'Toggle Full Screen',
  minimize: 'Minimize',
  zoom: 'Zoom',
  bringAllToFront: 'Bring All to Front',
  aboutDetail: 'Works offline; your workshops stay on this computer.',
  ok: 'OK',
};

const de: MenuWords = {
  file: '&Datei',
  edit: '&Bearbeiten',
  view: '&Ansicht',
  window: '&Fenster',
  help: '&Hilfe',
  about: 'Über {app}',
  services: 'Dienste',
  hide: '{app} ausblenden',
  hideOthers: 'Andere ausblenden',
  showAll: 'Alle einblenden',
  quitApp: '{app} beenden',
  newWorkshop: 'Neuer Workshop',
  openWorkshopFile: 'Workshop-Datei öffnen…',
  saveWorkshopFile: 'Workshop in Datei sichern…',
  importCsv: 'Anwendungsfälle aus CSV importieren…',
  exportSponsorPack: 'Sponsor-Paket exportieren…',
  closeWindow: 'Fenster schließen',
  quit: 'Beenden',
  undo: 'Rückgängig',
  redo: 'Wiederholen',
  cut: 'Ausschneiden',
  copy: 'Kopieren',
  paste: 'Einfügen',
  selectAll: 'Alles auswählen',
  reload: 'Neu laden',
  developerTools: 'Entwicklertools ein/aus',
  actualSize: 'Originalgröße',
  zoomIn: 'Vergrößern',
  zoomOut: 'Verkleinern',
  presenterMode: 'Präsentationsmodus',
  fullScreen: 'Vollbild ein/aus',
  minimize: 'Minimieren',
  zoom: 'Zoomen',
  bringAllToFront: 'Alle nach vorne bringen',
  aboutDetail: 'Funktioniert offline; Ihre Workshops bleiben auf diesem Computer.',
  ok: 'OK',
};

// French puts a no-break space (U+00A0) before ; : ! ? — written as \u00a0 so it stays visible here.
const fr: MenuWords = {
  file: '&Fichier',
  edit: '&Édition',
  view: '&Affichage',
  window: 'Fe&nêtre',
  help: 'Aid&e',
  about: 'À propos de {app}',
  services: 'Services',
  hide: 'Masquer {app}',
  hideOthers: 'Masquer les autres',
  showAll: 'Tout afficher',
  quitApp: 'Quitter {app}',
  newWorkshop: 'Nouvel atelier',
  openWorkshopFile: 'Ouvrir un fichier d’atelier…',
  saveWorkshopFile: 'Enregistrer l’atelier dans un fichier…',
  importCsv: 'Importer des cas d’usage depuis un CSV…',
  exportSponsorPack: 'Exporter le dossier du sponsor…',
  closeWindow: 'Fermer la fenêtre',
  quit: 'Quitter',
  undo: 'Annuler',
  redo: 'Rétablir',
  cut: 'Couper',
  copy: 'Copier',
  paste: 'Coller',
  selectAll: 'Tout sélectionner',
  reload: 'Recharger',
  developerTools: 'Outils de développement',
  actualSize: 'Taille réelle',
  zoomIn: 'Zoom avant',
  zoomOut: 'Zoom arrière',
  presenterMode: 'Mode présentation',
  fullScreen: 'Plein écran',
  minimize: 'Réduire',
  zoom: 'Agrandir',
  bringAllToFront: 'Tout ramener au premier plan',
  aboutDetail: 'Fonctionne hors ligne\u00a0; vos ateliers restent sur cet ordinateur.',
  ok: 'OK',
};

export const MENU_WORDS: { readonly [L in InterfaceLanguage]: MenuWords } = { en, de, fr };

/** A word with its placeholders filled ("{app}" → the application's name). */
export function menuWord(language: InterfaceLanguage, word: MenuWord, values: { app?: string } = {}): string {
  return MENU_WORDS[language][word].replace(/\{app\}/g, values.app ?? 'Liftoff');
}

/** The menu's language from the system's locale ("de-CH" → de) until the renderer says its own. */
export function menuLanguageFromLocale(locale: string | undefined): InterfaceLanguage {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'de' || base === 'fr' ? base : 'en';
}
