import { repos } from '../../app/repos';
import { save } from '../../app/persist';
import { CRITERIA, type Criterion, type Workshop } from '../../domain/model';
import { normalizedWeights, type ConsensusValue } from '../../domain/scoring';
import { formatPercent, formatScoreIn } from '../../domain/locale-format';
import { useT } from '../../i18n/react';
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
  // The workshop's language on the projector, the interface language otherwise (i18n/react.tsx).
  const { t, lang } = useT();
  const labels = { impact: t('criterion.impact'), feasibility: t('criterion.feasibility'), readiness: t('criterion.readiness') };
  const score = (v: number | null | undefined) => formatScoreIn(lang, v);
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
          {t('ranking.title')}
        </h1>
        <p className="muted">{t('ranking.tieBreak')}</p>
        <div className="rank-table-wrap">
          <table className="rank-table">
            <thead>
              <tr>
                <th scope="col">{t('ranking.rank')}</th>
                <th scope="col">{t('ranking.useCase')}</th>
                {CRITERIA.map((c) => (
                  <th scope="col" key={c}>
                    {labels[c]}
                  </th>
                ))}
                <th scope="col">{t('ranking.combined')}</th>
                <th scope="col">{t('ranking.quadrant')}</th>
              </tr>
            </thead>
            <tbody>
              {ranked.map((r) => (
                <tr key={r.useCase.id} data-testid="rank-row">
                  <td className="rank-num">
                    {r.rank}
                    {r.tied ? <span className="tie" title={t('ranking.tiedTitle')}> =</span> : null}
                  </td>
                  <th scope="row" className="rank-title" lang={guessLanguage(r.useCase.title)}>
                    {hyphenate(r.useCase.title)}
                    {latestFlag(r.useCase.id) ? <span className="flag" title={t('ranking.flagTitle')}> ⚑</span> : null}
                  </th>
                  {CRITERIA.map((c) => (
                    <td key={c} className="rank-score" title={r.consensus[c].reason}>
                      {score(r.consensus[c].value)}
                      <span className="src">{sourceMark(r.consensus[c])}</span>
                    </td>
                  ))}
                  <td className="rank-combined">{score(r.combined)}</td>
                  <td>{r.quadrant ? <span className={`quad quad-${r.quadrant}`}>{t(`quadrant.${r.quadrant}`)}</span> : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="legend muted">{t('ranking.legend')}</p>
        {unranked.length > 0 ? (
          <div className="unranked">
            <h2>{t('ranking.unranked', { count: unranked.length })}</h2>
            <p className="muted">{t('ranking.unrankedHint')}</p>
            <ul>
              {unranked.map((r) => (
                <li key={r.useCase.id}>{r.useCase.title}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      <aside className="panel weights facilitator-only" aria-labelledby="weights-title">
        <h2 id="weights-title">{t('ranking.weights')}</h2>
        <p className="muted">{t('ranking.weightsHint')}</p>
        {CRITERIA.map((c) => (
          <div className="weight-row" key={c}>
            <label htmlFor={`w-${c}`}>{labels[c]}</label>
            <input id={`w-${c}`} type="number" min={0} max={10} step={1} value={workshop.weights[c]} onChange={(e) => setWeight(c, e.target.value)} />
            <span className="share">{formatPercent(lang, Math.round(shares[c] * 100) / 100, 0)}</span>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void save(() => repos.workshops.update(workshop.id, { weights: { impact: 1, feasibility: 1, readiness: 1 } }, { label: 'Reset the weights' }))}
        >
          {t('ranking.equalWeights')}
        </button>
      </aside>
    </div>
  );
}
