using System.Globalization;
using System.Threading.RateLimiting;
using ContactCenter.Cti.Authentication;
using ContactCenter.Cti.Commands;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactCenter.Cti.Hosting;

/// <summary>
/// Per-token rate limit (token bucket): each token has its own bucket, so one noisy integration cannot starve the
/// others. Requests without a valid token share a bucket per client address (they are refused anyway, but must not
/// make the server hash tokens without bound). Over the limit: 429 problem details with <c>Retry-After</c>.
/// </summary>
internal static class CtiRateLimiting
{
    public const string PolicyName = "cc-per-token";

    public static void Configure(RateLimiterOptions limiter)
    {
        limiter.AddPolicy(PolicyName, http =>
        {
            var options = http.RequestServices.GetRequiredService<IOptions<CtiOptions>>().Value;
            string key = http.User.FindFirst(CtiClaimTypes.TokenId)?.Value is { } tokenId
                ? "token:" + tokenId
                : "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.RateLimitBurst,
                TokensPerPeriod = options.RateLimitPermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        limiter.OnRejected = async (context, _) =>
        {
            int retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
            context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await CtiProblemWriter.WriteAsync(context.HttpContext, new CtiProblem(StatusCodes.Status429TooManyRequests, "rate_limited",
                "Too many requests for this token.", $"Slow down: retry after {retryAfter} s."), null);
        };
    }
}
