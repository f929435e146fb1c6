// What crosses the room's network (types and limits; the zod schemas are in schemas.ts, so the
// phone page stays small): the phone page's API, the state the facilitator's app pushes to
// the phones, and the requests the server relays back to the app to store. Imported by the room
// server (Node), by the phone page and by the facilitator's renderer, so nothing can drift. Every
// payload that arrives from a phone is parsed with these schemas before anything else looks at it.

export const CRITERIA = ['impact', 'feasibility', 'readiness'] as const;
export type RoomCriterion = (typeof CRITERIA)[number];

/** Request bodies larger than this are refused before they are parsed (HTTP 413). */
export const ROOM_BODY_LIMIT = 16 * 1024;
/** A participant's name as the phones may send or see it. */
export const ROOM_NAME_MAX = 80;
/** Headers every phone call carries. */
export const ROOM_TOKEN_HEADER = 'x-room-token';
export const ROOM_DEVICE_HEADER = 'x-room-device';
/** The header of the facilitator's loopback channel in the browser build (never a phone's). */
export const CONTROL_TOKEN_HEADER = 'x-room-control';
/** How long a phone's request waits for the app to store its scores before it is told to retry. */
export const STORE_TIMEOUT_MS = 10_000;

/**
 * Names come from people: controls and bidi overrides are stripped (a name could otherwise
 * reverse the text after it on the projector), whitespace is collapsed, and the length is capped.
 */
export function cleanName(raw: string): string {
  return (
    raw
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what we strip
      .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, ROOM_NAME_MAX)
      .trim()
  );
}

/** The states of a use case's round as the phones see it: open → closed → revealed. */
export const ITEM_STATUSES = ['open', 'closed', 'revealed'] as const;
export type RoomItemStatus = (typeof ITEM_STATUSES)[number];

/** One use case the phones score now, in its own round. Only this ever leaves the laptop. */
export type RoomItem = {
  useCaseId: string;
  roundId: string;
  roundNumber: number;
  title: string;
  problem: string;
  status: RoomItemStatus;
};

export type RoomCriterionText = { id: RoomCriterion; label: string; rubric: [string, string, string, string, string] };

/** The languages a phone page can speak; the same as the app's (renderer/domain/languages.ts). */
export const ROOM_LANGUAGES = ['en', 'de', 'fr'] as const;
export type RoomLanguage = (typeof ROOM_LANGUAGES)[number];

/** Everything the phones may know, pushed by the facilitator's app whenever it changes. */
export type RoomState = {
  workshopTitle: string;
  /** The workshop's language: the phone page speaks it, whatever the phone's own language. */
  language: RoomLanguage;
  participants: { id: string; name: string }[];
  allowNewParticipants: boolean;
  criteria: RoomCriterionText[];
  items: RoomItem[];
};

// ---------------------------------------------------------------------------------------------
// Phone → server
// ---------------------------------------------------------------------------------------------

/** Join as a listed participant, or as a new one where the facilitator allows it. */
export type JoinBody = { participantId: string } | { newName: string };

/** A room code typed by hand: the answer is the join token. */
/** One use case's three scores from one participant. Resent as a whole, so it is idempotent. */
export type SubmitBody = { roundId: string; useCaseId: string; scores: Record<RoomCriterion, number> };

export type JoinAnswer = { deviceId: string; participantId: string; name: string };
export type SubmitAnswer = { status: 'received' };
/**
 * Why the server refused a phone's request, as a code the phone page words in the workshop's
 * language; `error` is the same in English, for logs and an older phone page.
 */
export const ROOM_ERROR_CODES = [
  'too-many-codes', 'room-closed', 'bad-request', 'laptop-error', 'not-in-room', 'choose-name', 'removed', 'type-code', 'wrong-code',
  'choose-from-list', 'not-on-list', 'no-new-participants', 'type-name', 'not-added', 'bad-scores', 'name-gone', 'not-scored-now',
  'revealed', 'round-closed', 'not-stored', 'laptop-refused',
] as const;
export type RoomErrorCode = (typeof ROOM_ERROR_CODES)[number];
export type ErrorAnswer = { error: string; code?: RoomErrorCode };

/** What a phone's event stream carries. `you` is the device's own participant (null after removal). */
export type PhoneEvent = { type: 'state'; state: RoomState } | { type: 'removed' } | { type: 'closed' };

// ---------------------------------------------------------------------------------------------
// Server → facilitator's app (relayed; the app answers each request)
// ---------------------------------------------------------------------------------------------

export type RoomDevice = { deviceId: string; participantId: string; name: string; connected: boolean; lastSeenAt: string };

export type RoomRequest =
  | { kind: 'score'; requestId: string; deviceId: string; participantId: string; roundId: string; useCaseId: string; scores: Record<RoomCriterion, number> }
  | { kind: 'new-participant'; requestId: string; name: string };

export type RoomAnswer =
  | { requestId: string; ok: true; participantId?: string }
  | { requestId: string; ok: false; status: 404 | 409 | 422 | 500; message: string };

export type RoomStopReason = 'closed' | 'idle' | 'address-gone' | 'quit' | 'error';

export type RoomEvent =
  | { type: 'request'; request: RoomRequest }
  | { type: 'devices'; devices: RoomDevice[] }
  | { type: 'stopped'; reason: RoomStopReason; message: string };

/** A network address the room can listen on, ranked best first. */
export type RoomAddress = { address: string; interfaceName: string; kind: 'wifi' | 'hotspot' | 'ethernet' | 'virtual' | 'vpn' | 'loopback' | 'other'; label: string };

export type RoomInfo = { url: string; joinUrl: string; code: string; address: string; port: number };

export type OpenRoomArgs = { address: string; port?: number; idleMinutes?: number };