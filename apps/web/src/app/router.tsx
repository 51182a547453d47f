import { createBrowserRouter } from 'react-router';
import { AppLayout } from '../components/layout/AppLayout.tsx';
import { GuestOnly, RequireAuth } from '../session/guards.tsx';
import { lazyPage } from './lazy-page.tsx';
import { RouteError } from './RouteError.tsx';

// Every page in its own chunk, loaded on first visit.
const AdminLayout = lazyPage(() => import('../pages/admin/AdminLayout.tsx'), 'AdminLayout');
const AuditLogPage = lazyPage(() => import('../pages/admin/AuditLogPage.tsx'), 'AuditLogPage');
const AdminCampaignsPage = lazyPage(() => import('../pages/admin/CampaignsPage.tsx'), 'AdminCampaignsPage');
const OverviewPage = lazyPage(() => import('../pages/admin/OverviewPage.tsx'), 'OverviewPage');
const UserPage = lazyPage(() => import('../pages/admin/UserPage.tsx'), 'UserPage');
const UsersPage = lazyPage(() => import('../pages/admin/UsersPage.tsx'), 'UsersPage');
const AdminFaqPage = lazyPage(() => import('../pages/admin-faq/AdminFaqPage.tsx'), 'AdminFaqPage');
const AdminReportPage = lazyPage(
  () => import('../pages/admin-reports/AdminReportPage.tsx'),
  'AdminReportPage',
);
const AdminReportsPage = lazyPage(
  () => import('../pages/admin-reports/AdminReportsPage.tsx'),
  'AdminReportsPage',
);
const BusinessPage = lazyPage(() => import('../pages/business/BusinessPage.tsx'), 'BusinessPage');
const BusinessProfilePage = lazyPage(
  () => import('../pages/business-profile/BusinessProfilePage.tsx'),
  'BusinessProfilePage',
);
const CampaignRoute = lazyPage(() => import('../pages/campaign/PublicCampaignPage.tsx'), 'CampaignRoute');
const CampaignEditorPage = lazyPage(
  () => import('../pages/campaign-editor/CampaignEditorPage.tsx'),
  'CampaignEditorPage',
);
const CampaignOffersPage = lazyPage(
  () => import('../pages/campaign-offers/CampaignOffersPage.tsx'),
  'CampaignOffersPage',
);
const DiscoveryPage = lazyPage(() => import('../pages/campaigns/DiscoveryPage.tsx'), 'DiscoveryPage');
const CollaborationPage = lazyPage(
  () => import('../pages/collaboration/CollaborationPage.tsx'),
  'CollaborationPage',
);
const CollaborationsPage = lazyPage(
  () => import('../pages/collaboration/CollaborationsPage.tsx'),
  'CollaborationsPage',
);
const DashboardPage = lazyPage(() => import('../pages/dashboard/DashboardPage.tsx'), 'DashboardPage');
const FaqPage = lazyPage(() => import('../pages/faq/FaqPage.tsx'), 'FaqPage');
const ForgotPasswordPage = lazyPage(
  () => import('../pages/forgot-password/ForgotPasswordPage.tsx'),
  'ForgotPasswordPage',
);
const InboxPage = lazyPage(() => import('../pages/inbox/InboxPage.tsx'), 'InboxPage');
const ThreadPage = lazyPage(() => import('../pages/inbox/ThreadPage.tsx'), 'ThreadPage');
const InfluencerPage = lazyPage(() => import('../pages/influencer/InfluencerPage.tsx'), 'InfluencerPage');
const DirectoryPage = lazyPage(() => import('../pages/influencers/DirectoryPage.tsx'), 'DirectoryPage');
const LandingPage = lazyPage(() => import('../pages/landing/LandingPage.tsx'), 'LandingPage');
const MyProfilePage = lazyPage(() => import('../pages/my-profile/MyProfilePage.tsx'), 'MyProfilePage');
const NotFoundPage = lazyPage(() => import('../pages/not-found/NotFoundPage.tsx'), 'NotFoundPage');
const NotificationsPage = lazyPage(
  () => import('../pages/notifications/NotificationsPage.tsx'),
  'NotificationsPage',
);
const MyOffersPage = lazyPage(() => import('../pages/offers/MyOffersPage.tsx'), 'MyOffersPage');
const MyReportsPage = lazyPage(() => import('../pages/reports/MyReportsPage.tsx'), 'MyReportsPage');
const ReportPage = lazyPage(() => import('../pages/reports/ReportPage.tsx'), 'ReportPage');
const ResetPasswordPage = lazyPage(
  () => import('../pages/reset-password/ResetPasswordPage.tsx'),
  'ResetPasswordPage',
);
const SecondFactorSetupPage = lazyPage(
  () => import('../pages/second-factor/SecondFactorSetupPage.tsx'),
  'SecondFactorSetupPage',
);
const SettingsPage = lazyPage(() => import('../pages/settings/SettingsPage.tsx'), 'SettingsPage');
const SignInPage = lazyPage(() => import('../pages/sign-in/SignInPage.tsx'), 'SignInPage');
const SignUpPage = lazyPage(() => import('../pages/sign-up/SignUpPage.tsx'), 'SignUpPage');
const UnsubscribePage = lazyPage(() => import('../pages/unsubscribe/UnsubscribePage.tsx'), 'UnsubscribePage');
const VerifyEmailPage = lazyPage(
  () => import('../pages/verify-email/VerifyEmailPage.tsx'),
  'VerifyEmailPage',
);

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
