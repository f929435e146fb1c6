// The worker that stores the room's phone scores (see phone-score-job.ts for why it exists).
import { readPortfolioJob, storePhoneScoreJob, type PhoneScoreJob, type PortfolioReadJob } from './phone-score-job';

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<PhoneScoreJob | PortfolioReadJob>) => void) | null; postMessage: (message: unknown) => void };
scope.onmessage = (e) => {
  const job = e.data;
  if ('read' in job) void readPortfolioJob(job).then((done) => scope.postMessage(done));
  else void storePhoneScoreJob(job).then((done) => scope.postMessage(done));
};
