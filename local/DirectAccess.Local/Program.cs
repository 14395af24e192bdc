using DirectAccess.Local;

// dotnet run --project local/DirectAccess.Local -- --port <p> --data-dir <dir> [--template template.yaml] [--region us-east-1]
//   [--admin-access-key-id K] [--admin-secret-access-key S] [--credential-lifetime SECONDS] [--audit-log FILE]
return await LocalCloudCommandLine.RunAsync(args);
