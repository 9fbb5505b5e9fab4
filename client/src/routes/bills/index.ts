// One chunk for the bill screens (guide 3), loaded on first use and precached by the service worker.
export { BillsPage } from './Bills';
export { BreakdownPage } from './Breakdown';
export { HistoryPage } from './History';
export { SummaryPage } from './Summary';
