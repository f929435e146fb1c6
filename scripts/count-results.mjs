// Prints the plain `N passed, N failed` line CI reads, from the vitest JSON reports and the
// outcome of the non-test steps (typecheck and lint count as one check each). The desktop smoke
// tests write reports/desktop.json only when they ran; skipped (no Electron binary), they count
// neither as passed nor as failed.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of ['reports/unit.json', 'reports/e2e.json', 'reports/desktop.json']) {
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  // A file that fails to load has no tests but counts as a failure.
  for (const suite of r.testResults ?? []) if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) failed += 1;
}
const overall = Number(process.argv[2] ?? '0');
if (overall !== 0 && failed === 0) failed = 1; // typecheck or lint failed, or a step crashed
console.log(`${passed} passed, ${failed} failed`);
