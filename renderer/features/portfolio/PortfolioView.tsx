import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { CRITERIA, type Criterion, type Workshop } from '../../domain/model';
import { CRITERION_LABELS } from '../../domain/rubrics';
import { QUADRANT_LABELS, TIE_BREAK_RULE, formatScore, normalizedWeights, type ConsensusValue } from '../../domain/scoring';
import { useScoringData } from '../../shared/use-scoring-data';
import { guessLanguage, useHyphenate } from '../../shared/hyphenate';
import './portfolio.css';

function sourceMark(v: ConsensusValue): string {
  return v.source === 'override' ? '✎' : v.source === 'matrix' ? '◆' : v.source === 'initial' ? '°' : '';
}

/** The ranked portfolio: weighted combined score, highest first, with the weights beside it. */
export function PortfolioView({ workshop }: { workshop: Workshop }) {
  const data = useScoringData(workshop);
  const hyphenate = useHyphenate();
  const shares = normalizedWeights(workshop.weights);
  const setWeight = (c: Criterion, raw: string) => {
    const v = Number(raw);
    if (!Number.isFinite(v) || v < 0 || v > 10) return;
    void save(() => repos.workshops.setWeight(workshop.id, c, v));
  };
  const ranked = data.ranked.filter((r) => r.rank !== null);
  const unranked = data.ranked.filter((r) => r.rank === null);
  const latestFlag = (id: string) => {
    const l = data.latestRound.get(id);
    return Boolean(l?.round.revealedAt && l.summary.anyDisagreement);
  };
  return (
    <div className="portfolio">
      <section className="panel portfolio-table-pane" aria-labelledby="rank-title">
        <h1 id="rank-title" className="section-title">
          Ranked portfolio
        </h1>
        <p className="muted">{TIE_BREAK_RULE}</p>
        <div className="rank-table-wrap">
          <table className="rank-table">
            <thead>
              <tr>
                <th scope="col">Rank</th>
                <th scope="col">Use case</th>
                {CRITERIA.map((c) => (
                  <th scope="col" key={c}>
                    {CRITERION_LABELS[c]}
                  </th>
                ))}
                <th scope="col">Combined</th>
                <th scope="col">Quadrant</th>
              </tr>
            </thead>
            <tbody>
              {ranked.map((r) => (
                <tr key={r.useCase.id} data-testid="rank-row">
                  <td className="rank-num">
                    {r.rank}
                    {r.tied ? <span className="tie" title="Same combined score as a neighbour; the tie-break decided the order"> =</span> : null}
                  </td>
                  <th scope="row" className="rank-title" lang={guessLanguage(r.useCase.title)}>
                    {hyphenate(r.useCase.title)}
                    {latestFlag(r.useCase.id) ? <span className="flag" title="The last round showed disagreement"> ⚑</span> : null}
                  </th>
                  {CRITERIA.map((c) => (
                    <td key={c} className="rank-score" title={r.consensus[c].reason}>
                      {formatScore(r.consensus[c].value)}
                      <span className="src">{sourceMark(r.consensus[c])}</span>
                    </td>
                  ))}
                  <td className="rank-combined">{formatScore(r.combined)}</td>
                  <td>{r.quadrant ? <span className={`quad quad-${r.quadrant}`}>{QUADRANT_LABELS[r.quadrant]}</span> : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="legend muted">Marks: ✎ set by the facilitator · ◆ placed on the matrix · ° first score, before any round · ⚑ disagreement in the last round · = tied.</p>
        {unranked.length > 0 ? (
          <div className="unranked">
            <h2>Not ranked yet ({unranked.length})</h2>
            <p className="muted">A weighted criterion has no score yet. Score them on the Scoring tab.</p>
            <ul>
              {unranked.map((r) => (
                <li key={r.useCase.id}>{r.useCase.title}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      <aside className="panel weights facilitator-only" aria-labelledby="weights-title">
        <h2 id="weights-title">Weights</h2>
        <p className="muted">How much each criterion counts in the combined score. Equal by default.</p>
        {CRITERIA.map((c) => (
          <div className="weight-row" key={c}>
            <label htmlFor={`w-${c}`}>{CRITERION_LABELS[c]}</label>
            <input id={`w-${c}`} type="number" min={0} max={10} step={1} value={workshop.weights[c]} onChange={(e) => setWeight(c, e.target.value)} />
            <span className="share">{Math.round(shares[c] * 100)}%</span>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void save(() => repos.workshops.update(workshop.id, { weights: { impact: 1, feasibility: 1, readiness: 1 } }, { label: 'Reset the weights' }))}
        >
          Equal weights
        </button>
      </aside>
    </div>
  );
}
