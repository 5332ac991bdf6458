import type { ReactNode } from 'react';
import type { Role } from '@ebay-connector/contract';
import { UsersPage } from '../features/admin';
import { SystemHealthPage } from '../features/system';
import { HomePage } from './pages/home-page';

/** Navbar groups, in display order. */
export const navSections = ['Overview', 'Admin'] as const;
export type NavSection = (typeof navSections)[number];

export interface AppPage {
  path: string;
  /** Navbar label and document title. */
  title: string;
  element: ReactNode;
  /** Roles that may open the page; omitted: every signed-in user. The navbar hides pages a user may not open. */
  roles?: readonly Role[];
  /** Navbar group; omitted: reachable by link only. */
  nav?: NavSection;
}

/**
 * Every signed-in page: one line per page. A feature exports its page component from `features/<name>/index.ts`
 * and is registered here; the router and the navbar are both built from this list.
 */
export const appPages: readonly AppPage[] = [
  { path: '/', title: 'Home', nav: 'Overview', element: <HomePage /> },
  { path: '/admin/users', title: 'Users & roles', nav: 'Admin', roles: ['admin'], element: <UsersPage /> },
  { path: '/admin/system', title: 'System health', nav: 'Admin', roles: ['admin'], element: <SystemHealthPage /> },
];
