using ContactCenter.Telephony.Calls;

namespace ContactCenter.Telephony.Tests.Calls;

/// <summary>The dialog named by a Replaces header or by the Replaces embedded (escaped) in a REFER's Refer-To.</summary>
public sealed class ReplacesTargetTests
{
    [Theory]
    [InlineData("abc@host;to-tag=7743;from-tag=6472")]
    [InlineData("abc@host;from-tag=6472;to-tag=7743")]
    [InlineData("abc@host ; to-tag=7743 ; from-tag=6472 ; early-only")]
    [InlineData("abc@host;TO-TAG=7743;From-Tag=6472")]
    public void A_replaces_header_names_call_id_and_both_tags(string value)
    {
        Assert.True(ReplacesTarget.TryParse(value, out var target));
        Assert.Equal(new ReplacesTarget("abc@host", "7743", "6472"), target);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc@host")]
    [InlineData("abc@host;to-tag=7743")]
    [InlineData("abc@host;from-tag=6472")]
    [InlineData("abc@host;to-tag=;from-tag=6472")]
    [InlineData("abc@host;to-tag=7743;from-tag=")]
    [InlineData(";to-tag=7743;from-tag=6472")]
    [InlineData("abc@host;to-tag;from-tag")]
    public void A_replaces_without_call_id_or_either_tag_is_refused(string value) =>
        Assert.False(ReplacesTarget.TryParse(value, out _));

    [Theory]
    [InlineData("<sip:2003@10.0.0.1?Replaces=abc%40host%3Bto-tag%3D7743%3Bfrom-tag%3D6472>")]
    [InlineData("<sip:2003@10.0.0.1?replaces=abc%40host%3bto-tag%3d7743%3bfrom-tag%3d6472>")]
    [InlineData("<sip:2003@10.0.0.1?Replaces=abc@host;to-tag=7743;from-tag=6472>")]
    [InlineData("\"Bob\" <sip:2003@10.0.0.1;transport=udp?Require=replaces&Replaces=abc%40host%3Bto-tag%3D7743%3Bfrom-tag%3D6472&Foo=bar>;x=y")]
    public void A_refer_to_carries_the_replaces_escaped_or_plain(string referTo)
    {
        Assert.True(ReplacesTarget.TryFromReferTo(referTo, out var target));
        Assert.Equal(new ReplacesTarget("abc@host", "7743", "6472"), target);
    }

    [Fact]
    public void A_plus_in_an_escaped_call_id_stays_a_plus()
    {
        Assert.True(ReplacesTarget.TryFromReferTo("<sip:2003@h?Replaces=a%2Bb+c%3Bto-tag%3D1%3Bfrom-tag%3D2>", out var target));
        Assert.Equal("a+b+c", target.CallId);
    }

    [Theory]
    [InlineData("<sip:2003@10.0.0.1>")]
    [InlineData("<sip:2003@10.0.0.1?Replaces=abc%40host%3Bto-tag%3D7743>")]
    [InlineData("<sip:2003@10.0.0.1?Replaces=>")]
    public void A_refer_to_without_a_complete_replaces_is_refused(string referTo) =>
        Assert.False(ReplacesTarget.TryFromReferTo(referTo, out _));
}
