// The method's shipped content (default rubrics today; gate criteria, KPI library, checklists and
// templates to follow) lives as data under the top-level assets/method/<language>/, so a
// consultancy can review and adapt its wording without touching code. Each file is checked against
// its schema here: by a unit test over every shipped file (test/unit/domain/method-content.test.ts),
// and again when the app loads it, so a broken file can never reach a workshop.
import { z } from 'zod';
import { LONG_TEXT_MAX } from './model';

const level = z.string().trim().min(1, 'a level needs a description').max(LONG_TEXT_MAX);
const fiveLevels = z.tuple([level, level, level, level, level]);

/** assets/method/<language>/rubrics.json: what each level 1–5 of each criterion means. */
export const rubricsContentSchema = z.strictObject({ impact: fiveLevels, feasibility: fiveLevels, readiness: fiveLevels });
export type RubricsContent = z.infer<typeof rubricsContentSchema>;

/** The file parsed, or an error naming the file and where it is wrong. */
export function parseRubricsContent(data: unknown, file: string): RubricsContent {
  const result = rubricsContentSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(`${file}: ${issue ? `${issue.path.join('.') || 'the file'}: ${issue.message}` : 'not valid'}`);
}
