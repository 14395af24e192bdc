using DirectAccess.Local.Identity.Protocol;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Identity.Operations;

/// <summary>One JSON 1.1 call: the HTTP request, its raw body (for SigV4) and the parsed members.</summary>
public sealed record IdentityPoolCall(HttpRequest Request, byte[] Body, JsonRequest Input);
