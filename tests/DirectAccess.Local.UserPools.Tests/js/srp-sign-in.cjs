// Signs in with amazon-cognito-identity-js (USER_SRP_AUTH, AWS's own SRP client) against an endpoint override.
// Usage: node srp-sign-in.cjs <endpoint> <poolId> <clientId> <username> <password>
// The package is found under $COGNITO_IDENTITY_JS_DIR/node_modules. Prints one JSON line.
const path = require('path');
const lib = require(path.join(process.env.COGNITO_IDENTITY_JS_DIR, 'node_modules', 'amazon-cognito-identity-js'));
const [endpoint, poolId, clientId, username, password] = process.argv.slice(2);
const pool = new lib.CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint });
const user = new lib.CognitoUser({ Username: username, Pool: pool });
user.setAuthenticationFlowType('USER_SRP_AUTH');
user.authenticateUser(new lib.AuthenticationDetails({ Username: username, Password: password }), {
  onSuccess: session => console.log(JSON.stringify({
    ok: true,
    idToken: session.getIdToken().getJwtToken(),
    refreshToken: session.getRefreshToken().getToken(),
  })),
  onFailure: error => console.log(JSON.stringify({ ok: false, code: error.code, message: error.message })),
  newPasswordRequired: () => console.log(JSON.stringify({ ok: false, code: 'NEW_PASSWORD_REQUIRED' })),
});
