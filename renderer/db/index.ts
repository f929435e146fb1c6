// The repositories: the only API the rest of the renderer uses to read and change stored data.
import { createDb, type LiftoffDb } from './schema';

export { DB_NAME } from './schema';
import { workshopsRepo } from './workshops-repo';
import { makeUseCasesRepo } from './use-cases-repo';
import { historyRepo } from './history-repo';
import { auditRepo } from './audit-repo';
import { participantsRepo } from './participants-repo';
import { scoringRepo } from './scoring-repo';
import { agendaRepo } from './agenda-repo';
import { pipelineRepo } from './pipeline-repo';
import { governanceRepo } from './governance-repo';
import { kpisRepo } from './kpis-repo';
import { risksRepo } from './risks-repo';
import { roadmapRepo } from './roadmap-repo';

export type Repos = {
  workshops: ReturnType<typeof workshopsRepo>;
  useCases: ReturnType<typeof makeUseCasesRepo>;
  history: ReturnType<typeof historyRepo>;
  audit: ReturnType<typeof auditRepo>;
  participants: ReturnType<typeof participantsRepo>;
  scoring: ReturnType<typeof scoringRepo>;
  agenda: ReturnType<typeof agendaRepo>;
  pipeline: ReturnType<typeof pipelineRepo>;
  governance: ReturnType<typeof governanceRepo>;
  kpis: ReturnType<typeof kpisRepo>;
  risks: ReturnType<typeof risksRepo>;
  roadmap: ReturnType<typeof roadmapRepo>;
  close(): void;
};

export function createRepos(dbOrName?: LiftoffDb | string): Repos {
  const db = typeof dbOrName === 'object' ? dbOrName : createDb(dbOrName);
  return {
    workshops: workshopsRepo(db),
    useCases: makeUseCasesRepo(db),
    history: historyRepo(db),
    audit: auditRepo(db),
    participants: participantsRepo(db),
    scoring: scoringRepo(db),
    agenda: agendaRepo(db),
    pipeline: pipelineRepo(db),
    governance: governanceRepo(db),
    kpis: kpisRepo(db),
    risks: risksRepo(db),
    roadmap: roadmapRepo(db),
    close: () => db.close(),
  };
}
