/**
 * Cognito's user-pool API in a region. The staff sign-in page calls it straight from the browser, so the web app's
 * fetch and the Content-Security-Policy's connect-src take it from here: they cannot disagree.
 */
export function cognitoIdpOrigin(region: string): string {
  return `https://cognito-idp.${region}.amazonaws.com`;
}
