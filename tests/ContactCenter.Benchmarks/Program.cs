using BenchmarkDotNet.Running;

// Run one or all: dotnet run -c Release --project tests/ContactCenter.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
