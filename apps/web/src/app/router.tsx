import { createBrowserRouter } from 'react-router';
import { AppLayout } from '../components/layout/AppLayout.tsx';
import { AdminLayout } from '../pages/admin/AdminLayout.tsx';
import { AuditLogPage } from '../pages/admin/AuditLogPage.tsx';
import { AdminCampaignsPage } from '../pages/admin/CampaignsPage.tsx';
import { OverviewPage } from '../pages/admin/OverviewPage.tsx';
import { UserPage } from '../pages/admin/UserPage.tsx';
import { UsersPage } from '../pages/admin/UsersPage.tsx';
import { AdminFaqPage } from '../pages/admin-faq/AdminFaqPage.tsx';
import { AdminReportPage } from '../pages/admin-reports/AdminReportPage.tsx';
import { AdminReportsPage } from '../pages/admin-reports/AdminReportsPage.tsx';
import { BusinessPage } from '../pages/business/BusinessPage.tsx';
import { BusinessProfilePage } from '../pages/business-profile/BusinessProfilePage.tsx';
import { CampaignRoute } from '../pages/campaign/PublicCampaignPage.tsx';
import { CampaignEditorPage } from '../pages/campaign-editor/CampaignEditorPage.tsx';
import { CampaignOffersPage } from '../pages/campaign-offers/CampaignOffersPage.tsx';
import { DiscoveryPage } from '../pages/campaigns/DiscoveryPage.tsx';
import { CollaborationPage } from '../pages/collaboration/CollaborationPage.tsx';
import { CollaborationsPage } from '../pages/collaboration/CollaborationsPage.tsx';
import { DashboardPage } from '../pages/dashboard/DashboardPage.tsx';
import { FaqPage } from '../pages/faq/FaqPage.tsx';
import { ForgotPasswordPage } from '../pages/forgot-password/ForgotPasswordPage.tsx';
import { InboxPage } from '../pages/inbox/InboxPage.tsx';
import { ThreadPage } from '../pages/inbox/ThreadPage.tsx';
import { InfluencerPage } from '../pages/influencer/InfluencerPage.tsx';
import { DirectoryPage } from '../pages/influencers/DirectoryPage.tsx';
import { LandingPage } from '../pages/landing/LandingPage.tsx';
import { MyProfilePage } from '../pages/my-profile/MyProfilePage.tsx';
import { NotFoundPage } from '../pages/not-found/NotFoundPage.tsx';
import { NotificationsPage } from '../pages/notifications/NotificationsPage.tsx';
import { MyOffersPage } from '../pages/offers/MyOffersPage.tsx';
import { MyReportsPage } from '../pages/reports/MyReportsPage.tsx';
import { ReportPage } from '../pages/reports/ReportPage.tsx';
import { ResetPasswordPage } from '../pages/reset-password/ResetPasswordPage.tsx';
import { SecondFactorSetupPage } from '../pages/second-factor/SecondFactorSetupPage.tsx';
import { SettingsPage } from '../pages/settings/SettingsPage.tsx';
import { SignInPage } from '../pages/sign-in/SignInPage.tsx';
import { SignUpPage } from '../pages/sign-up/SignUpPage.tsx';
import { UnsubscribePage } from '../pages/unsubscribe/UnsubscribePage.tsx';
import { VerifyEmailPage } from '../pages/verify-email/VerifyEmailPage.tsx';
import { GuestOnly, RequireAuth } from '../session/guards.tsx';
import { RouteError } from './RouteError.tsx';

/** Every screen of the app. Visitor-only pages send a signed-in user on; the others need sign-in. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteError />,
      children: [
        { path: '/', element: <LandingPage /> },
        { path: '/faq', element: <FaqPage /> },
        {
          // The admin console: one shell (its sections beside or behind a menu) around every /admin page.
          path: '/admin',
          element: (
            <RequireAuth roles={['admin']}>
              <AdminLayout />
            </RequireAuth>
          ),
          children: [
            { index: true, element: <OverviewPage /> },
            { path: 'users', element: <UsersPage /> },
            { path: 'users/:id', element: <UserPage /> },
            { path: 'campaigns', element: <AdminCampaignsPage /> },
            { path: 'audit-log', element: <AuditLogPage /> },
            { path: 'faq', element: <AdminFaqPage /> },
            { path: 'reports', element: <AdminReportsPage /> },
            { path: 'reports/:id', element: <AdminReportPage /> },
          ],
        },
        {
          path: '/sign-in',
          element: (
            <GuestOnly>
              <SignInPage />
            </GuestOnly>
          ),
        },
        {
          path: '/sign-up',
          element: (
            <GuestOnly>
              <SignUpPage />
            </GuestOnly>
          ),
        },
        {
          path: '/second-factor/setup',
          element: (
            <RequireAuth roles={['admin']} secondFactorSetup>
              <SecondFactorSetupPage />
            </RequireAuth>
          ),
        },
        { path: '/verify-email', element: <VerifyEmailPage /> },
        { path: '/forgot-password', element: <ForgotPasswordPage /> },
        { path: '/reset-password', element: <ResetPasswordPage /> },
        { path: '/unsubscribe', element: <UnsubscribePage /> },
        {
          path: '/dashboard',
          element: (
            <RequireAuth>
              <DashboardPage />
            </RequireAuth>
          ),
        },
        {
          path: '/settings',
          element: (
            <RequireAuth>
              <SettingsPage />
            </RequireAuth>
          ),
        },
        { path: '/campaigns', element: <DiscoveryPage /> },
        {
          path: '/campaigns/new',
          element: (
            <RequireAuth roles={['business']}>
              <CampaignEditorPage />
            </RequireAuth>
          ),
        },
        {
          path: '/campaigns/:id/edit',
          element: (
            <RequireAuth roles={['business']}>
              <CampaignEditorPage />
            </RequireAuth>
          ),
        },
        {
          path: '/campaigns/:id/offers',
          element: (
            <RequireAuth roles={['business']}>
              <CampaignOffersPage />
            </RequireAuth>
          ),
        },
        { path: '/campaigns/:id', element: <CampaignRoute /> },
        {
          path: '/inbox',
          element: (
            <RequireAuth roles={['business', 'influencer']}>
              <InboxPage />
            </RequireAuth>
          ),
        },
        {
          path: '/inbox/:conversationId',
          element: (
            <RequireAuth roles={['business', 'influencer']}>
              <ThreadPage />
            </RequireAuth>
          ),
        },
        {
          path: '/reports',
          element: (
            <RequireAuth roles={['business', 'influencer']}>
              <MyReportsPage />
            </RequireAuth>
          ),
        },
        {
          path: '/reports/:id',
          element: (
            <RequireAuth roles={['business', 'influencer']}>
              <ReportPage />
            </RequireAuth>
          ),
        },
        {
          path: '/collaborations',
          element: (
            <RequireAuth roles={['business', 'influencer']}>
              <CollaborationsPage />
            </RequireAuth>
          ),
        },
        {
          path: '/collaborations/:id',
          element: (
            <RequireAuth roles={['business', 'influencer']}>
              <CollaborationPage />
            </RequireAuth>
          ),
        },
        {
          path: '/notifications',
          element: (
            <RequireAuth>
              <NotificationsPage />
            </RequireAuth>
          ),
        },
        {
          path: '/business-profile',
          element: (
            <RequireAuth roles={['business']}>
              <BusinessProfilePage />
            </RequireAuth>
          ),
        },
        {
          path: '/businesses/:id',
          element: (
            <RequireAuth>
              <BusinessPage />
            </RequireAuth>
          ),
        },
        {
          path: '/profile',
          element: (
            <RequireAuth roles={['influencer']}>
              <MyProfilePage />
            </RequireAuth>
          ),
        },
        {
          path: '/offers',
          element: (
            <RequireAuth roles={['influencer']}>
              <MyOffersPage />
            </RequireAuth>
          ),
        },
        {
          path: '/influencers',
          element: (
            <RequireAuth roles={['business', 'admin']}>
              <DirectoryPage />
            </RequireAuth>
          ),
        },
        {
          path: '/influencers/:handle',
          element: (
            <RequireAuth>
              <InfluencerPage />
            </RequireAuth>
          ),
        },
        { path: '/i/:handle', element: <InfluencerPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
