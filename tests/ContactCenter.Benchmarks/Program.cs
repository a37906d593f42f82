using BenchmarkDotNet.Running;
using ContactCenter.Benchmarks;

// BenchmarkDotNet: dotnet run -c Release --project tests/ContactCenter.Benchmarks -- --filter '*' --job short
// CPU-time cross-check for a shared machine: dotnet run -c Release --project tests/ContactCenter.Benchmarks -- --cpu
if (args.Contains("--cpu")) CpuTimeProbe.Run();
else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
