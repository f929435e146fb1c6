// The worker that stores the room's phone scores (see phone-score-job.ts for why it exists): it
// stores batches the page sends, and, once the page starts it, takes the room's score requests
// straight from the room and answers them itself (phone-score-relay.ts).
import { storePhoneScoreJob, type PhoneScoreJob } from './phone-score-job';
import { startRelay, type RelayStart, type RelayStop } from './phone-score-relay';

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<PhoneScoreJob | RelayStart | RelayStop>) => void) | null; postMessage: (message: unknown) => void };
let stopRelay: (() => void) | null = null;

scope.onmessage = (e) => {
  const data = e.data;
  if ('type' in data) {
    stopRelay?.();
    stopRelay = null;
    if (data.type === 'relay-stop') return;
    stopRelay = startRelay(data, async (dbName, items) => (await storePhoneScoreJob({ id: 0, dbName, items })).results);
    return;
  }
  void storePhoneScoreJob(data).then((done) => scope.postMessage(done));
};
