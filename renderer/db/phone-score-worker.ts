// The worker that stores the room's phone scores (see phone-score-job.ts for why it exists).
import { storePhoneScoreJob, type PhoneScoreJob } from './phone-score-job';

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<PhoneScoreJob>) => void) | null; postMessage: (message: unknown) => void };
scope.onmessage = (e) => void storePhoneScoreJob(e.data).then((done) => scope.postMessage(done));
