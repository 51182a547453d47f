/** The demo admin's authenticator secret (base32). Public on purpose — it is printed at boot and in
 * the README next to the demo passwords — so that the demo admin can sign in on a local or demo
 * instance: add it to an authenticator app (or compute codes from it). Never for real data: an
 * operator's admin comes from ADMIN_EMAIL / ADMIN_PASSWORD / ADMIN_TOTP_SECRET, and the demo admin
 * is only made when no ADMIN_EMAIL is configured. */
export const DEMO_ADMIN_TOTP_SECRET = 'BEXTRDEMOADMINTOTPLOCALUSEONLY22';
