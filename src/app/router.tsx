import { createBrowserRouter, Navigate, type RouteObject } from 'react-router-dom'
import { RootLayout } from '@/app/routes/root-layout'
import { RouteError } from '@/app/routes/route-error'
import { NotFound } from '@/app/routes/not-found'
import { paths } from '@/config/paths'
import { RequireAuth } from '@/features/auth/components/require-auth'

/**
 * Every screen but the shell is a lazy chunk, so a returning user who lands on
 * /projects downloads none of the sign-in and sign-up code.
 */
export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { path: paths.home, element: <Navigate to={paths.projects} replace /> },
          { path: paths.signIn, lazy: () => import('@/app/routes/sign-in') },
          { path: paths.signUp, lazy: () => import('@/app/routes/sign-up') },
          { path: paths.confirmSignUp, lazy: () => import('@/app/routes/confirm-sign-up') },
          { path: paths.forgotPassword, lazy: () => import('@/app/routes/forgot-password') },
          {
            element: <RequireAuth />,
            children: [
              { path: paths.projects, lazy: () => import('@/app/routes/projects') },
              { path: paths.account, lazy: () => import('@/app/routes/account') },
            ],
          },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]

export function createAppRouter() {
  return createBrowserRouter(routes)
}
