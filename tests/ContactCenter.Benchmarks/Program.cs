using BenchmarkDotNet.Running;
using ContactCenter.Benchmarks;

// BenchmarkDotNet: dotnet run -c Release --project tests/ContactCenter.Benchmarks -- --filter '*' --job short
// CPU-time cross-check for a shared machine: dotnet run -c Release --project tests/ContactCenter.Benchmarks -- --cpu
// ACD routing decision p99 (issue 5): dotnet run -c Release --project tests/ContactCenter.Benchmarks -- --acd-latency
// Recording overhead of N concurrent calls in real time (issue 4): ... -- --recording-load [calls] [seconds] [pairs]
// CTI publish-to-subscriber and command latency percentiles (issue 6): ... -- --cti-latency
// One trunk call through the SIP and call layers in process, CPU and bytes per call (issue 4): ... -- --call-path [calls] [rounds]
if (args.Contains("--cpu")) CpuTimeProbe.Run();
else if (args.Contains("--call-path")) await ContactCenter.Benchmarks.Calls.CallPathProbe.RunAsync(args);
else if (args.Contains("--cti-latency")) await ContactCenter.Benchmarks.Cti.CtiLatencyProbe.RunAsync();
else if (args.Contains("--recording-load")) ContactCenter.Benchmarks.Media.RecordingLoadProbe.Run(args);
else if (args.Contains("--acd-latency")) ContactCenter.Benchmarks.Acd.RoutingLatencyProbe.Run();
else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
