using DirectAccess.Local.Model;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.DataPlane;

/// <summary>Registers the data plane: SigV4 verification, IAM enforcement, Lambda, the Runtime API and S3 (last).</summary>
public static class DataPlaneServices
{
    /// <summary>Adds the data-plane services and their handlers (in routing order; S3 last).</summary>
    public static void Add(IServiceCollection services, LocalCloudOptions options, StackModel stack)
    {
        // Filled in by the data plane (issue 6).
    }
}
