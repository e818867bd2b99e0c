export * from './accuracy';
export * from './backtest';
export * from './chooser';
export * from './cohort';
export * from './intermittent';
export * from './pipeline';
export * from './smoothing';
export * from './entities';
