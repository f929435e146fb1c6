// The phone page: a participant picks their name and scores the use cases the facilitator put up,
// privately, on their own phone. Plain HTTP on the room's network, so no secure-context API is
// used (no service worker, no crypto.subtle, no clipboard). No framework: it must load fast over
// a busy Wi-Fi on an old phone. Text from the server is only ever set as textContent.
import './phone.css';
import { isLanguage, languageFromSystem, type Language } from '../domain/languages';
import { phoneTranslator, type PhoneMessageId } from './phone-i18n';
import { readEventStream } from '../../room/event-stream';
import {
  CRITERIA,
  ROOM_ERROR_CODES,
  ROOM_DEVICE_HEADER,
  ROOM_TOKEN_HEADER,
  type JoinAnswer,
  type PhoneEvent,
  type RoomCriterion,
  type RoomErrorCode,
  type RoomItem,
  type RoomState,
} from '../../room/protocol';

type Scores = Partial<Record<RoomCriterion, number>>;
type Outgoing = { roundId: string; useCaseId: string; scores: Record<RoomCriterion, number> };
type Saved = {
  token: string;
  device: JoinAnswer | null;
  choices: Record<string, Scores>;
  /** roundId → the scores the laptop confirmed it stored. */
  received: Record<string, Record<RoomCriterion, number>>;
  /** roundId → a submission the laptop has not confirmed yet; resent until it is. */
  outbox: Record<string, Outgoing>;
  /** The last room's language, for the screens before the laptop has said (a code typed by hand). */
  language?: Language;
};

const STORAGE_KEY = 'liftoff-room';
const app = document.getElementById('app') as HTMLElement;

let saved: Saved = { token: '', device: null, choices: {}, received: {}, outbox: {} };
let state: RoomState | null = null;
let connection: 'connecting' | 'live' | 'offline' = 'connecting';
let ended: 'removed' | 'closed' | 'not-in-room' | null = null;
let joinError = '';
const roundErrors = new Map<string, string>();
const sending = new Set<string>();
let streamAbort: AbortController | null = null;
let retryTimer: number | undefined;
let retryDelay = 1000;
/** When the laptop was last heard on the event stream; it sends a keep-alive every 20 s. */
let lastHeard = 0;
const SILENCE_MS = 45_000;

// ---- Language: the workshop's, as the laptop says it ------------------------------------------
function language(): Language {
  if (state && isLanguage(state.language)) return state.language;
  if (isLanguage(saved.language)) return saved.language;
  return languageFromSystem([...(navigator.languages ?? []), navigator.language]);
}
const t = (id: PhoneMessageId, values?: Record<string, unknown>) => phoneTranslator(language()).t(id, values);

// ---- Storage (private browsing may refuse it: the page then works for this visit only) ---------
function load(): void {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw) saved = { ...saved, ...(JSON.parse(raw) as Partial<Saved>) };
  } catch {
    /* nothing saved, or not readable: start fresh */
  }
}
function persist(): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
  } catch {
    /* storage full or refused: what is on screen still works */
  }
}

// ---- DOM helpers -------------------------------------------------------------------------------
type Child = Node | string | null | false | undefined;
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (key === 'class') node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}
function button(label: Child, onClick: () => void, props: Partial<Record<string, string>> = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', class: 'btn', ...props }, label);
  b.addEventListener('click', onClick);
  return b;
}

// ---- Talking to the laptop ---------------------------------------------------------------------
function headers(): Record<string, string> {
  const h: Record<string, string> = { [ROOM_TOKEN_HEADER]: saved.token, 'content-type': 'application/json' };
  if (saved.device) h[ROOM_DEVICE_HEADER] = saved.device.deviceId;
  return h;
}
async function call(path: string, body?: unknown): Promise<{ status: number; data: Record<string, unknown> }> {
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: headers(),
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  let data: Record<string, unknown> = {};
  try {
    data = (await response.json()) as Record<string, unknown>;
  } catch {
    /* an empty or non-JSON answer */
  }
  return { status: response.status, data };
}
/** The server's reason in the workshop's language (by its code); its English text for a code this page does not know. */
const errorOf = (data: Record<string, unknown>, fallback: string): string => {
  if (isRoomErrorCode(data.code)) return t(`server.${data.code}`);
  return typeof data.error === 'string' ? data.error : fallback;
};
const isRoomErrorCode = (code: unknown): code is RoomErrorCode => typeof code === 'string' && (ROOM_ERROR_CODES as readonly string[]).includes(code);

async function enterCode(code: string): Promise<void> {
  joinError = '';
  try {
    const { status, data } = await call('/api/code', { code });
    if (status === 200 && typeof data.token === 'string') {
      saved = { token: data.token, device: null, choices: {}, received: {}, outbox: {} };
      ended = null;
      persist();
      await fetchState();
    } else joinError = errorOf(data, t('code.failed'));
  } catch {
    joinError = t('error.unreachable');
  }
  render();
}

async function fetchState(): Promise<void> {
  try {
    const { status, data } = await call('/api/state');
    if (status === 200) {
      state = data as unknown as RoomState;
      ended = null;
      rememberLanguage();
    } else if (status === 401) {
      ended = 'not-in-room';
    }
  } catch {
    connection = 'offline';
  }
  render();
}

async function join(body: { participantId: string } | { newName: string }): Promise<void> {
  joinError = '';
  try {
    const { status, data } = await call('/api/join', body);
    if (status === 200) {
      saved.device = data as unknown as JoinAnswer;
      persist();
      connect();
    } else joinError = errorOf(data, t('join.failed'));
  } catch {
    joinError = t('error.unreachable');
  }
  render();
}

function connect(): void {
  if (!saved.token || !saved.device || ended) return;
  streamAbort?.abort();
  const abort = new AbortController();
  streamAbort = abort;
  connection = 'connecting';
  window.clearTimeout(retryTimer);
  fetch('/api/events', { headers: headers(), cache: 'no-store', signal: abort.signal })
    .then(async (response) => {
      if (response.status === 403) {
        ended = 'removed';
        render();
        return;
      }
      if (response.status === 401) {
        // The room was opened anew (new token) or this phone's place was forgotten: join again.
        saved.device = null;
        persist();
        await fetchState();
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      lastHeard = Date.now();
      await readEventStream(
        response,
        (data) => onEvent(JSON.parse(data) as PhoneEvent),
        () => (lastHeard = Date.now()),
      );
      throw new Error('stream ended');
    })
    .catch(() => {
      if (abort.signal.aborted || ended) return;
      connection = 'offline';
      render();
      retryTimer = window.setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 8000);
    });
}

function onEvent(event: PhoneEvent): void {
  if (event.type === 'state') {
    state = event.state;
    rememberLanguage();
    if (connection !== 'live') {
      connection = 'live';
      retryDelay = 1000;
      void flushOutbox();
    }
  } else if (event.type === 'removed') ended = 'removed';
  else if (event.type === 'closed') ended = 'closed';
  render();
}

async function send(item: Outgoing): Promise<void> {
  if (sending.has(item.roundId)) return;
  sending.add(item.roundId);
  roundErrors.delete(item.roundId);
  render();
  try {
    const { status, data } = await call('/api/submit', item);
    if (status === 200) {
      saved.received[item.roundId] = item.scores;
      if (JSON.stringify(saved.outbox[item.roundId]) === JSON.stringify(item)) delete saved.outbox[item.roundId];
    } else if (status === 503 || status === 429) {
      roundErrors.set(item.roundId, errorOf(data, t('submit.notStored')));
    } else {
      // Refused for good (revealed, closed, removed): resending cannot help.
      delete saved.outbox[item.roundId];
      roundErrors.set(item.roundId, errorOf(data, t('submit.refused')));
      if (status === 403) ended = 'removed';
    }
  } catch {
    roundErrors.set(item.roundId, t('submit.lost'));
  } finally {
    sending.delete(item.roundId);
    persist();
    render();
  }
}

async function flushOutbox(): Promise<void> {
  for (const item of Object.values(saved.outbox)) await send(item);
}

function submit(item: RoomItem): void {
  const choice = saved.choices[item.roundId] ?? {};
  if (!CRITERIA.every((c) => typeof choice[c] === 'number')) return;
  const outgoing: Outgoing = { roundId: item.roundId, useCaseId: item.useCaseId, scores: choice as Record<RoomCriterion, number> };
  // Kept until the laptop confirms, so a phone that locks or loses Wi-Fi sends it again.
  saved.outbox[item.roundId] = outgoing;
  persist();
  void send(outgoing);
}

// ---- Screens -----------------------------------------------------------------------------------
function helpCard(): HTMLElement {
  return el(
    'section',
    { class: 'card' },
    el('h3', {}, t('help.title')),
    el('p', {}, t('help.sameWifi')),
    el('p', {}, t('help.mobileData')),
    el('p', {}, t('help.guestWifi')),
  );
}

function codeScreen(message: string): HTMLElement[] {
  const input = el('input', { type: 'text', class: 'code-input', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: '12', 'aria-label': t('code.label'), inputmode: 'text' });
  const go = button(t('code.join'), () => void enterCode(input.value), { class: 'btn btn-primary' });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') void enterCode(input.value);
  });
  return [
    el('h1', {}, t('code.title')),
    el('p', { class: 'muted' }, message),
    el('section', { class: 'card' }, el('label', {}, t('code.label'), input), el('p', {}), go),
    joinError ? el('p', { class: 'error', role: 'alert' }, joinError) : null,
    helpCard(),
  ].filter((x): x is HTMLElement => x !== null);
}

function nameScreen(s: RoomState): HTMLElement[] {
  const list = el('ul', { class: 'names' });
  for (const p of s.participants) list.append(el('li', {}, button(p.name, () => void join({ participantId: p.id }))));
  const out: HTMLElement[] = [el('h1', {}, s.workshopTitle || t('names.fallbackTitle')), el('p', {}, t('names.prompt')), list];
  if (s.allowNewParticipants) {
    const input = el('input', { type: 'text', maxlength: '80', autocomplete: 'name', 'aria-label': t('names.yourName') });
    out.push(el('section', { class: 'card' }, el('h3', {}, t('names.notListed')), input, el('p', {}), button(t('names.joinWithName'), () => void join({ newName: input.value }), { class: 'btn btn-primary' })));
  }
  if (joinError) out.push(el('p', { class: 'error', role: 'alert' }, joinError));
  return out;
}

function itemCard(s: RoomState, item: RoomItem): HTMLElement {
  const choice = (saved.choices[item.roundId] ??= {});
  const received = saved.received[item.roundId];
  const open = item.status === 'open';
  const card = el('section', { class: 'card', 'data-round': item.roundId });
  card.append(el('h2', {}, item.title));
  if (item.problem) card.append(el('p', { class: 'problem' }, item.problem));
  if (open) {
    for (const criterion of s.criteria) {
      const group = el('div', { class: 'levels', role: 'group', 'aria-label': criterion.label });
      criterion.rubric.forEach((text, index) => {
        const value = index + 1;
        const b = button(
          [el('span', { class: 'num' }, String(value)), el('span', { class: 'rubric' }, text || t('level.fallback', { level: value }))].reduce((f, n) => (f.append(n), f), document.createDocumentFragment()),
          () => {
            choice[criterion.id] = value;
            persist();
            render();
          },
          { class: 'btn level', 'aria-pressed': String(choice[criterion.id] === value), 'aria-label': t('level.aria', { criterion: criterion.label, level: value, text }) },
        );
        group.append(b);
      });
      card.append(el('h3', {}, criterion.label), group);
    }
    const complete = CRITERIA.every((c) => typeof choice[c] === 'number');
    const same = received && CRITERIA.every((c) => received[c] === choice[c]);
    const pending = Boolean(saved.outbox[item.roundId]);
    const label = t(sending.has(item.roundId) ? 'submit.sending' : same ? 'submit.received' : received ? 'submit.sendChanged' : 'submit.send');
    const submitButton = button(label, () => submit(item), { class: 'btn btn-primary', 'data-testid': 'submit' });
    submitButton.disabled = !complete || Boolean(same) || sending.has(item.roundId);
    card.append(el('p', {}), submitButton);
    if (same) card.append(el('p', { class: 'status status-ok', role: 'status' }, t('status.received')));
    else if (pending && !sending.has(item.roundId)) card.append(el('p', { class: 'status status-wait', role: 'status' }, t('status.pending')));
    else if (!complete) card.append(el('p', { class: 'muted' }, t('status.chooseRest', { left: CRITERIA.filter((c) => typeof choice[c] !== 'number').length })));
  } else if (item.status === 'closed') {
    card.append(el('p', { class: 'status status-closed', role: 'status' }, t(received ? 'status.closedReceived' : 'status.closed')));
  } else {
    card.append(el('p', { class: 'status status-closed', role: 'status' }, t('status.revealed')));
  }
  const error = roundErrors.get(item.roundId);
  if (error) card.append(el('p', { class: 'error', role: 'alert' }, error));
  return card;
}

function scoringScreen(s: RoomState, me: JoinAnswer): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (connection === 'offline') out.push(el('p', { class: 'banner', role: 'status' }, t('banner.reconnecting')));
  out.push(
    el('div', { class: 'who' }, el('h1', {}, s.workshopTitle || t('names.fallbackTitle')), button(t('scoring.notMe'), () => {
      saved.device = null;
      streamAbort?.abort();
      persist();
      render();
    })),
    el('p', { class: 'muted' }, t('scoring.as', { name: me.name })),
  );
  if (s.items.length === 0) out.push(el('p', { class: 'status status-wait' }, t('scoring.waiting')));
  const allReceived = s.items.length > 0 && s.items.every((i) => i.status !== 'open' || saved.received[i.roundId]);
  if (allReceived && s.items.some((i) => i.status === 'open')) out.push(el('p', { class: 'status status-ok', role: 'status' }, t('scoring.allReceived', { count: s.items.filter((i) => i.status === 'open').length })));
  for (const item of s.items) out.push(itemCard(s, item));
  return out;
}

function render(): void {
  let screen: HTMLElement[];
  if (ended === 'closed') screen = [el('h1', {}, t('closed.title')), el('p', {}, t('closed.body'))];
  else if (ended === 'removed') screen = [el('h1', {}, t('removed.title')), el('p', {}, t('removed.body'))];
  else if (!saved.token || ended === 'not-in-room') screen = codeScreen(t(ended === 'not-in-room' ? 'code.earlierRoom' : 'code.prompt'));
  else if (!state) screen = [el('p', { class: 'muted' }, t(connection === 'offline' ? 'connection.offline' : 'connection.connecting')), ...(connection === 'offline' ? [helpCard()] : [])];
  else if (!saved.device || !state.participants.some((p) => p.id === saved.device?.participantId)) screen = nameScreen(state);
  else screen = scoringScreen(state, saved.device);
  // The page speaks the workshop's language; lang= lets the browser hyphenate its long words.
  const lang = language();
  document.documentElement.lang = lang;
  document.title = t('page.title');
  const scrollY = window.scrollY;
  app.replaceChildren(...screen);
  window.scrollTo(0, scrollY);
}

function rememberLanguage(): void {
  if (state && isLanguage(state.language) && saved.language !== state.language) {
    saved.language = state.language;
    persist();
  }
}

// ---- Start -------------------------------------------------------------------------------------
load();
const fromLink = /(?:^#|&)t=([A-Za-z0-9_-]{16,64})/.exec(location.hash)?.[1];
if (fromLink && fromLink !== saved.token) {
  saved = { token: fromLink, device: null, choices: {}, received: {}, outbox: {} };
  persist();
}
// The token stays out of sight (and out of screenshots of the address bar) once read.
if (location.hash) history.replaceState(null, '', location.pathname);
render();
if (saved.token) {
  void fetchState().then(() => {
    if (saved.device) connect();
  });
}
// A phone that slept, or came back to the tab, reconnects and resends what was not confirmed.
const wake = () => {
  if (document.visibilityState !== 'visible' || !saved.device || ended) return;
  if (connection !== 'live') connect();
  void flushOutbox();
};
document.addEventListener('visibilitychange', wake);
window.addEventListener('pageshow', wake);
window.addEventListener('online', wake);
window.setInterval(() => {
  if (Object.keys(saved.outbox).length > 0 && connection === 'live') void flushOutbox();
  // A stream can die without an error (Wi-Fi roaming, a sleeping access point): silence means reconnect.
  if (connection === 'live' && Date.now() - lastHeard > SILENCE_MS) {
    connection = 'offline';
    render();
    connect();
  }
}, 5000);
