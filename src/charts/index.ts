/** Charts: pure functions from plain rows to self-contained SVG strings (Observable Plot, drawn in jsdom). */
export { balanceFanChart, type BalanceFanOptions } from './balanceFan.js';
export { monthsCoveredChart, type MonthsCoveredOptions } from './monthsCovered.js';
export type { PercentileRow } from './percentiles.js';
export { reimbursementChart, type ReimbursementRow, type ReimbursementOptions } from './reimbursement.js';
export { reformDeltaChart, type ReformDeltaRow, type ReformDeltaOptions } from './reformDeltas.js';
export { oopDistributionChart, type OopBinRow, type OopDistributionOptions } from './oopDistribution.js';
export { tornadoChart, type TornadoRow, type TornadoOptions } from './tornado.js';
export { whoPaysChart, payerRows, type PayerRow, type WhoPaysOptions } from './whoPays.js';
export { chartFigure, isChartSvg } from './embed.js';
export { formatFixed, formatNumber, formatYuan, termLabel, termWords } from './format.js';
export { show } from './notebook.js';
export { solvencyChart, type SolvencyPoint, type SolvencyOptions } from './solvency.js';
export { gainersLosersChart, type GainersLosersRow, type GainersLosersOptions } from './gainersLosers.js';
