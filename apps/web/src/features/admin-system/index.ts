export { AdminSystemPanel } from './components/admin-system-panel';
