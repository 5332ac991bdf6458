export { SyncPage } from './components/sync-page';
export { GettingStarted } from './components/getting-started';
