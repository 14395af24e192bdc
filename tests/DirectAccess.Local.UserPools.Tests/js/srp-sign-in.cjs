// Signs in with amazon-cognito-identity-js (USER_SRP_AUTH, AWS's own SRP client) against an endpoint override, then
// refreshes the session (REFRESH_TOKEN_AUTH). Prints one JSON line.
// Usage: node srp-sign-in.cjs <endpoint> <poolId> <clientId> <username> <password>
// The package is found under $COGNITO_IDENTITY_JS_DIR/node_modules.
const path = require('path');
const lib = require(path.join(process.env.COGNITO_IDENTITY_JS_DIR, 'node_modules', 'amazon-cognito-identity-js'));
const [endpoint, poolId, clientId, username, password] = process.argv.slice(2);
const pool = new lib.CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint });
const user = new lib.CognitoUser({ Username: username, Pool: pool });
user.setAuthenticationFlowType('USER_SRP_AUTH');
const fail = (error) => console.log(JSON.stringify({ ok: false, code: error.code, message: error.message }));
user.authenticateUser(new lib.AuthenticationDetails({ Username: username, Password: password }), {
  onSuccess: (session) => user.refreshSession(session.getRefreshToken(), (error, refreshed) => {
    if (error) {
      fail(error);
      return;
    }
    console.log(JSON.stringify({
      ok: true,
      idToken: session.getIdToken().getJwtToken(),
      refreshedIdToken: refreshed.getIdToken().getJwtToken(),
    }));
  }),
  onFailure: fail,
  newPasswordRequired: () => console.log(JSON.stringify({ ok: false, code: 'NEW_PASSWORD_REQUIRED' })),
});
