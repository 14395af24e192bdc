using DirectAccess.Client.Bench;

// Upload throughput of the DirectAccess client vs `aws s3 cp` (AWS CLI v1) vs AWSSDK TransferUtility (defaults),
// same run, same local cloud, plus each client's peak RSS (`/usr/bin/time -v`, "Maximum resident set size").
//   dotnet run -c Release -- run [--sizes-mib 1024,4096] [--repeat 1] [--out results.md]
//   dotnet run -c Release -- signin [--count 50]   (SRP sign-in + GetId + GetCredentialsForIdentity latency)
//   (the client modes `ours`, `tu` are what `run` spawns as child processes)
return args.FirstOrDefault() switch
{
    "run" => await Orchestrator.RunAsync(args[1..]),
    "ours" => await ClientModes.OursAsync(args[1..]),
    "tu" => await ClientModes.TransferUtilityAsync(args[1..]),
    "signin" => await SignInLatency.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: run [--sizes-mib 1024,4096] [--repeat N] [--out file.md] | ours <config> <home> <user> <password> <file> <key> | tu <config> <home> <user> <password> <file> <key>");
    return 2;
}
