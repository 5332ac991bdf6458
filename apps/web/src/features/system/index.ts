export { BuildInfo } from './components/build-info';
export { HealthSummary } from './components/health-summary';
export { SystemHealthPage } from './components/system-health-page';
