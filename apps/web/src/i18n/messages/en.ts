import { adminEn } from './admin.en.ts';
import { businessEn } from './business.en.ts';
import { campaignsEn } from './campaigns.en.ts';
import { collaborationsEn } from './collaborations.en.ts';
import { emailPreferencesEn } from './email-preferences.en.ts';
import { inboxEn } from './inbox.en.ts';
import { influencersEn } from './influencers.en.ts';
import { notificationsEn } from './notifications.en.ts';
import { offerReviewEn } from './offer-review.en.ts';
import { offersEn } from './offers.en.ts';
import { publicEn } from './public.en.ts';
import { reportsEn } from './reports.en.ts';
import { reviewsEn } from './reviews.en.ts';
import { secondFactorEn } from './second-factor.en.ts';
/** English UI strings. The Slovak catalogue must have exactly this shape (see Messages). */
export const en = {
  app: {
    tagline: 'The influencer marketplace',
    skipToContent: 'Skip to content',
    loading: 'Loading…',
    footer: 'BeXtr · Businesses and influencers, working together.',
  },
  nav: {
    label: 'Main navigation',
    home: 'Home',
    signIn: 'Sign in',
    signUp: 'Sign up',
    dashboard: 'Dashboard',
    settings: 'Settings',
    signOut: 'Sign out',
    openMenu: 'Open menu',
    closeMenu: 'Close menu',
    signedInAs: (name: string) => `Signed in as ${name}`,
  },
  language: {
    label: 'Language',
    saveFailed: 'The language could not be saved to your account.',
  },
  colorScheme: {
    label: 'Color scheme',
    light: 'Light',
    dark: 'Dark',
    auto: 'Same as system',
  },
  roles: { business: 'Business', influencer: 'Influencer', admin: 'Admin' },
  common: {
    close: 'Close',
    retry: 'Try again',
    backHome: 'Back to home',
    goToDashboard: 'Go to dashboard',
    errorTitle: 'Something went wrong',
    networkError: 'We could not reach BeXtr. Check your connection and try again.',
    unexpectedError: 'BeXtr sent an answer we did not expect. Please try again.',
    showCharacters: 'Show typed characters',
    comingSoon: 'Coming soon',
    done: 'Done',
    toDo: 'To do',
  },
  fields: {
    name: 'Name',
    email: 'E-mail',
    password: 'Password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    passwordHint: 'At least 8 characters. Avoid common passwords.',
  },
  home: {
    title: 'Welcome to BeXtr',
    lead: 'BeXtr connects businesses with influencers for promotion campaigns — from the first offer to the delivered post.',
    businessTitle: 'For businesses',
    businessText:
      'Publish a campaign, receive offers from creators who fit it, look at their audience and work, and choose whom to work with.',
    businessCta: 'Sign up as a business',
    influencerTitle: 'For influencers',
    influencerText:
      'Find campaigns that match your audience, send an offer, agree on the details in a thread and get paid or rewarded with products.',
    influencerCta: 'Sign up as an influencer',
    compensationNote: (example: string) =>
      `Campaigns are paid (for example ${example} per post) or offered as a barter of products or services.`,
    haveAccount: 'Already have an account?',
    signInLink: 'Sign in to your account',
    signedInTitle: (name: string) => `Welcome back, ${name}`,
    signedInText: 'Your dashboard shows what needs your attention.',
  },
  signIn: {
    title: 'Sign in',
    lead: 'Sign in to manage your campaigns, offers and collaborations.',
    submit: 'Sign in',
    forgotPassword: 'Forgot your password?',
    noAccount: 'New to BeXtr?',
    signUpLink: 'Create an account',
  },
  signUp: {
    title: 'Create your account',
    lead: 'Join BeXtr as a business looking for influencers, or as an influencer looking for campaigns.',
    roleLegend: 'I am joining as',
    businessDescription: 'We want to find influencers for our campaigns.',
    influencerDescription: 'I create content and want to work with brands.',
    nameDescription: 'Your name, or the name of your company.',
    languageLegend: 'Account language',
    languageDescription: 'BeXtr and its e-mails will use this language.',
    submit: 'Create account',
    haveAccount: 'Already have an account?',
    signInLink: 'Sign in instead',
    welcome: 'Your account is ready. We sent you an e-mail to confirm your address.',
  },
  verifyEmail: {
    title: 'Verify e-mail',
    verifying: 'Verifying your e-mail…',
    successTitle: 'Your e-mail is verified',
    successText: 'Thank you. You can now use everything BeXtr offers.',
    failedTitle: 'The e-mail could not be verified',
    missingToken: 'This link is incomplete. Open the link from the e-mail again.',
    signInLink: 'Sign in',
    resendHint: 'Signed in users can ask for a new link on their dashboard.',
  },
  forgotPassword: {
    title: 'Forgot password',
    lead: 'Enter the e-mail of your account and we will send you a link to set a new password.',
    submit: 'Send link',
    sentTitle: 'Check your inbox',
    sentText:
      'If an account exists for this e-mail, we sent a link to set a new password. The link is valid for a limited time.',
    backToSignIn: 'Back to sign in',
  },
  resetPassword: {
    title: 'Set a new password',
    lead: 'Choose a new password for your account.',
    submit: 'Save new password',
    successTitle: 'Your password was changed',
    successText: 'You were signed out on your other devices. Sign in with the new password.',
    missingToken: 'This link is incomplete. Open the link from the e-mail again or ask for a new one.',
    requestNew: 'Ask for a new link',
    signInLink: 'Sign in',
  },
  dashboard: {
    title: 'Dashboard',
    greeting: (name: string) => `Hello, ${name}`,
    today: (date: string) => `Today is ${date}.`,
    verifyTitle: 'Please verify your e-mail',
    verifyText: (email: string) =>
      `We sent a confirmation link to ${email}. Open it to verify your address — until then you cannot publish campaigns or send offers.`,
    resend: 'Resend verification e-mail',
    resent: 'We sent you a new verification link.',
    checklistTitle: 'Getting started',
    stepVerify: 'Verify your e-mail',
    businessLead: 'Find influencers for your brand and manage your campaigns here.',
    businessProfileStep: 'Complete your business profile',
    businessCampaignStep: 'Publish your first campaign',
    influencerLead: 'Find campaigns that fit you and keep track of your offers here.',
    influencerProfileStep: 'Complete your influencer profile',
    influencerOfferStep: 'Send your first offer',
    campaignsTitle: 'Your campaigns',
    campaignsEmpty: 'You have no campaigns yet. The campaign editor arrives soon.',
  },
  settings: {
    title: 'Settings',
    accountTitle: 'Account',
    accountEmail: 'E-mail address',
    accountRole: 'Account type',
    profileTitle: 'Profile',
    saveName: 'Save name',
    nameSaved: 'Your name was saved.',
    languageTitle: 'Language',
    languageLegend: 'Account language',
    languageDescription: 'BeXtr and its e-mails use this language.',
    passwordTitle: 'Password',
    passwordLead: 'Changing the password signs you out on your other devices.',
    changePassword: 'Change password',
    passwordChanged: 'Your password was changed.',
  },
  public: publicEn,
  campaigns: campaignsEn,
  influencers: influencersEn,
  offerReview: offerReviewEn,
  notifications: notificationsEn,
  emailPreferences: emailPreferencesEn,
  offers: offersEn,
  business: businessEn,
  reviews: reviewsEn,
  reports: reportsEn,
  inbox: inboxEn,
  collaborations: collaborationsEn,
  secondFactor: secondFactorEn,
  admin: adminEn,
  notFound: {
    title: 'Page not found',
    text: 'The page you are looking for does not exist or was moved.',
  },
};

export type Messages = typeof en;
