using Microsoft.Extensions.Logging;

namespace ContactCenter.Server.Tests.Support;

public sealed record CapturedLog(string Category, LogLevel Level, string Message);
