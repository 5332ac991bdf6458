import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginPage, RequireRole, RequireSession } from '../features/auth';
import { AppLayout } from './layout/app-layout';
import { PageTitle } from './layout/page-title';
import { PublicLayout } from './layout/public-layout';
import { NotFoundPage } from './pages/not-found-page';
import { RouteError } from './route-error';
import { appPages } from './routes';

export function buildRoutes(): RouteObject[] {
  return [
    {
      element: <PublicLayout />,
      errorElement: <RouteError />,
      children: [
        {
          path: '/login',
          element: (
            <PageTitle title="Sign in">
              <LoginPage />
            </PageTitle>
          ),
        },
      ],
    },
    {
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      errorElement: <RouteError />,
      children: [
        ...appPages.map((page) => ({
          path: page.path,
          element: (
            <PageTitle title={page.title}>
              <RequireRole roles={page.roles}>{page.element}</RequireRole>
            </PageTitle>
          ),
        })),
        {
          path: '*',
          element: (
            <PageTitle title="Not found">
              <NotFoundPage />
            </PageTitle>
          ),
        },
      ],
    },
  ];
}

export function createAppRouter() {
  return createBrowserRouter(buildRoutes());
}
export type AppRouter = ReturnType<typeof createAppRouter>;
