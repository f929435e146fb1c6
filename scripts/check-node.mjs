// First step of `npm start`: says which Node.js Liftoff needs before the build or Electron's
// installer fail with something that reads like a different problem (electron-launch.mjs).
import { nodeVersionProblem } from './electron-launch.mjs';

const problem = nodeVersionProblem(process.version);
if (problem) {
  console.error(problem);
  process.exit(1);
}
