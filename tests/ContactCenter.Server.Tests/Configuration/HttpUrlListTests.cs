using ContactCenter.Server.Configuration;

namespace ContactCenter.Server.Tests.Configuration;

public sealed class HttpUrlListTests
{
    [Fact]
    public void Split_trims_and_drops_empty_entries()
    {
        Assert.Equal(["http://a:1", "https://b:2"], HttpUrlList.Split(" http://a:1 ;; https://b:2; "));
        Assert.Empty(HttpUrlList.Split(null));
    }

    [Theory]
    [InlineData("ftp://0.0.0.0:21")]
    [InlineData("0.0.0.0:8080")]
    [InlineData("http://")]
    public void Non_http_urls_are_rejected(string url) => Assert.False(HttpUrlList.LooksLikeListenUrl(url));
}
