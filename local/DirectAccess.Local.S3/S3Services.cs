using DirectAccess.Local.Model;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.S3;

/// <summary>Registers S3 (REST-XML), which takes every request no other service takes.</summary>
public static class S3Services
{
    /// <summary>Adds this area's services and its <c>IAwsServiceHandler</c>s (registration order is routing order).</summary>
    public static void Add(IServiceCollection services, DirectAccess.Local.LocalCloudOptions options, StackModel stack)
    {
        // HELPER NOTE: placeholder; the owner of this project fills it in. Read /work/main/.briefs/GROUND-RULES.md.
    }
}
