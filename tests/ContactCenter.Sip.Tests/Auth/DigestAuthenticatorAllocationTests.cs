using System.Text;
using ContactCenter.Sip.Auth;

namespace ContactCenter.Sip.Tests.Auth;

public class DigestAuthenticatorAllocationTests
{
    [Fact]
    public void Authenticating_a_register_allocates_little_more_than_the_username()
    {
        var f = new AuthenticatorFixture();
        string nonce = f.Challenge();
        byte[][] requests = Enumerable.Range(1, 2000).Select(nc => Encoding.UTF8.GetBytes(f.Authorization(nonce, nc: (uint)nc))).ToArray();
        byte[] method = "REGISTER"u8.ToArray(), uri = "sip:example.com"u8.ToArray();
        for (int i = 0; i < 1000; i++) // warm up: tiering, first-use allocations
        {
            Assert.True(f.Authenticator.Authenticate(method, uri, AuthenticatorFixture.Realm, AuthenticatorFixture.Phone, requests[i]).IsAuthenticated);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1000; i < 2000; i++)
        {
            f.Authenticator.Authenticate(method, uri, AuthenticatorFixture.Realm, AuthenticatorFixture.Phone, requests[i]);
        }

        long perRequest = (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
        Assert.True(perRequest <= 64, $"{perRequest} bytes allocated per authenticated request");
    }
}
