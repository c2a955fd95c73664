export { simulateCommand } from './command.ts';
export {
  DEFAULTS as SIMULATE_DEFAULTS,
  type SimPlatform,
  SimulationError,
  type SimulationOptions,
  type SimulationProgress,
} from './options.ts';
export type { Percentiles } from './percentiles.ts';
export { formatPercentiles, formatReport } from './report.ts';
export { MATCHING_RULE, runSimulation, type SimulationReport } from './run-simulation.ts';
