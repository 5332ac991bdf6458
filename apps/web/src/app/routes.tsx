import type { ReactNode } from 'react';
import type { Role } from '@ebay-connector/contract';
import { AccountsPage } from '../features/accounts';
import { AdminSystemPanel } from '../features/admin-system';
import { DashboardPage } from '../features/dashboard';
import { SyncPage } from '../features/sync';
import { UsersPage } from '../features/admin';
import {
  DisputeDetailPage,
  DisputesPage,
  InventoryItemPage,
  InventoryPage,
  MessagesPage,
  OrderDetailPage,
  OrdersPage,
  PayoutDetailPage,
  PayoutsPage,
  PurchaseDetailPage,
  PurchasesPage,
  TransactionDetailPage,
  TransactionsPage,
} from '../features/data';
import { LogsPage } from '../features/ebay-logs';
import { SystemHealthPage } from '../features/system';
import { TerminalPage } from '../features/terminal';
import { HomePage } from './pages/home-page';

/** Navbar groups, in display order. */
export const navSections = ['Overview', 'eBay', 'Data', 'Admin'] as const;
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
  { path: '/dashboard', title: 'Dashboard', nav: 'Overview', element: <DashboardPage /> },
  { path: '/accounts', title: 'Accounts', nav: 'eBay', element: <AccountsPage /> },
  { path: '/sync', title: 'Sync', nav: 'eBay', element: <SyncPage /> },
  { path: '/logs', title: 'API logs', nav: 'eBay', element: <LogsPage /> },
  { path: '/terminal', title: 'Live terminal', nav: 'eBay', element: <TerminalPage /> },
  { path: '/data/orders', title: 'Orders', nav: 'Data', element: <OrdersPage /> },
  { path: '/data/orders/:id', title: 'Order', element: <OrderDetailPage /> },
  { path: '/data/transactions', title: 'Transactions', nav: 'Data', element: <TransactionsPage /> },
  { path: '/data/transactions/:id', title: 'Transaction', element: <TransactionDetailPage /> },
  { path: '/data/payouts', title: 'Payouts', nav: 'Data', element: <PayoutsPage /> },
  { path: '/data/payouts/:id', title: 'Payout', element: <PayoutDetailPage /> },
  { path: '/data/disputes', title: 'Disputes', nav: 'Data', element: <DisputesPage /> },
  { path: '/data/disputes/:id', title: 'Dispute', element: <DisputeDetailPage /> },
  { path: '/data/messages', title: 'Messages', nav: 'Data', element: <MessagesPage /> },
  { path: '/data/inventory', title: 'Inventory', nav: 'Data', element: <InventoryPage /> },
  { path: '/data/inventory/:sku', title: 'Inventory item', element: <InventoryItemPage /> },
  { path: '/data/purchases', title: 'Purchases', nav: 'Data', element: <PurchasesPage /> },
  { path: '/data/purchases/:id', title: 'Purchase', element: <PurchaseDetailPage /> },
  { path: '/admin/users', title: 'Users & roles', nav: 'Admin', roles: ['admin'], element: <UsersPage /> },
  { path: '/admin/system', title: 'System health', nav: 'Admin', roles: ['admin'], element: <><SystemHealthPage /><AdminSystemPanel /></> },
];
