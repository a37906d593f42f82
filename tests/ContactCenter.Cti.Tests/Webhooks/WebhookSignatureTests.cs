using System.Text;
using System.Text.RegularExpressions;
using ContactCenter.Cti.Webhooks;

namespace ContactCenter.Cti.Tests.Webhooks;

/// <summary>The published vectors in docs/cti/webhook-signatures.md, read from the document itself.</summary>
public sealed partial class WebhookSignatureTests
{
    public static TheoryData<string, long, string, string> Vectors()
    {
        string doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "cti", "webhook-signatures.md"));
        var data = new TheoryData<string, long, string, string>();
        foreach (Match row in VectorRow().Matches(doc))
            data.Add(row.Groups[1].Value, long.Parse(row.Groups[2].Value), row.Groups[3].Value, row.Groups[4].Value);
        Assert.Equal(3, data.Count);
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_documented_vectors_are_what_the_server_sends(string secret, long timestamp, string body, string header)
    {
        Assert.Equal(header, WebhookSignature.Compute(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        Assert.True(WebhookSignature.Verify(secret, header, Encoding.UTF8.GetBytes(body), DateTimeOffset.FromUnixTimeSeconds(timestamp + 60), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Verification_refuses_a_changed_body_a_wrong_secret_an_old_timestamp_and_garbage()
    {
        byte[] body = "{\"seq\":1}"u8.ToArray();
        string header = WebhookSignature.Compute("the-secret-0123456789", 1_767_225_600, body);
        var now = DateTimeOffset.FromUnixTimeSeconds(1_767_225_600);

        Assert.True(WebhookSignature.Verify("the-secret-0123456789", header, body, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("the-secret-0123456789", header, "{\"seq\":2}"u8, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("the-secret-9876543210", header, body, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("the-secret-0123456789", header, body, now.AddMinutes(10), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("the-secret-0123456789", "v1=abc", body, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("the-secret-0123456789", "", body, now, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(10, 5_000)]
    [InlineData(1_000_000, 5_000)]
    public void Backoff_doubles_up_to_the_cap_with_jitter_in_the_upper_half(long failures, double ceilingMs)
    {
        var options = new CtiWebhookOptions { InitialRetryDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromSeconds(5) };
        Assert.Equal(ceilingMs / 2, WebhookRetryPolicy.Delay(failures, options, 0).TotalMilliseconds, 3);
        Assert.Equal(ceilingMs, WebhookRetryPolicy.Delay(failures, options, 1).TotalMilliseconds, 3);
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ContactCenter.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("ContactCenter.sln not found.");
    }

    [GeneratedRegex(@"^\| `([^`]+)` \| `(\d+)` \| `([^`]*)`[^|]*\| `(t=\d+,v1=[0-9a-f]{64})` \|$", RegexOptions.Multiline)]
    private static partial Regex VectorRow();
}
