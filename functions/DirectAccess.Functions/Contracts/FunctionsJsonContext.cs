using System.Text.Json.Serialization;

namespace DirectAccess.Functions.Contracts;

/// <summary>Source-generated (trim/AOT-safe) camelCase JSON for every request, response and manifest of the app's functions.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WhoAmIRequest))]
[JsonSerializable(typeof(WhoAmIResponse))]
[JsonSerializable(typeof(ProcessUploadRequest))]
[JsonSerializable(typeof(UploadReceipt))]
[JsonSerializable(typeof(UploadManifest))]
[JsonSerializable(typeof(ShareFileRequest))]
[JsonSerializable(typeof(ShareFileResponse))]
[JsonSerializable(typeof(AdminReportRequest))]
[JsonSerializable(typeof(AdminReportResponse))]
public sealed partial class FunctionsJsonContext : JsonSerializerContext;
