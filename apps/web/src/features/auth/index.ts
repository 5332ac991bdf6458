export { LoginPage } from './components/login-page';
export { RequireRole } from './components/require-role';
export { RequireSession } from './components/require-session';
export { UserMenu } from './components/user-menu';
