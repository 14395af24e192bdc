using DirectAccess.Local.Model;
using DirectAccess.Local.UserPools.Users;

namespace DirectAccess.Local.UserPools.Tokens;

/// <summary>
/// One authentication event, everything its tokens need: who, through which client, when the password was proven
/// (<c>auth_time</c>), the <c>origin_jti</c> shared by the tokens of this sign-in and its refreshes, and the
/// <c>event_id</c> of this issuance.
/// </summary>
/// <param name="Pool">The user pool.</param>
/// <param name="Client">The app client (audience, lifetimes).</param>
/// <param name="User">The user as stored now (attributes at issuance).</param>
/// <param name="Groups">The user's group claims now.</param>
/// <param name="AuthTime">UTC instant of the password proof.</param>
/// <param name="OriginJti">UUID of the original sign-in.</param>
public sealed record SignIn(UserPoolModel Pool, UserPoolClientModel Client, UserRecord User, GroupClaims Groups,
    DateTimeOffset AuthTime, string OriginJti);
