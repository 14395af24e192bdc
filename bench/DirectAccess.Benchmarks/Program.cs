using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/DirectAccess.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
