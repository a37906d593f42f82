using System.Globalization;
using System.Text;
using ContactCenter.Media.Sessions;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// DTMF from every source a phone or trunk may use — RFC 4733 telephone-events and in-band tones (the media engine
/// detects both) and SIP INFO (application/dtmf-relay, application/dtmf) — published as call.dtmf; INFO digits are
/// relayed to the other party as RFC 4733 so an IVR or agent behind us hears them.
/// </summary>
public sealed partial class Call
{
    private void OnInfo(ServerTransaction transaction, CallLeg leg, SipDialog dialog)
    {
        var request = transaction.Request;
        var contentType = request.TryGetHeader(HeaderId.ContentType, out var type) ? Text(type).Trim() : "";
        int semicolon = contentType.IndexOf(';');
        if (semicolon >= 0) contentType = contentType[..semicolon].Trim();
        if (request.Body.IsEmpty && contentType.Length == 0)
        {
            // An empty INFO is a keep-alive some phones send.
            transaction.SendResponse(dialog.CreateResponse(request, 200, "OK").Finish());
            return;
        }
        if (!TryParseDtmfInfo(contentType, Text(request.Body), out char digit, out int durationMs))
        {
            transaction.SendResponse(dialog.CreateResponse(request, 415, "Unsupported Media Type")
                .Header(HeaderId.Accept, "application/dtmf-relay, application/dtmf").Finish());
            return;
        }
        transaction.SendResponse(dialog.CreateResponse(request, 200, "OK").Finish());
        PublishDtmf(leg, digit, durationMs, "info");
        if (PartnerOf(leg) is { } partner && !partner.Media.IsDisposed)
            partner.Media.SendDtmf(digit, TimeSpan.FromMilliseconds(durationMs));
    }

    /// <summary>
    /// application/dtmf-relay: "Signal=5\r\nDuration=160" (Cisco/Asterisk style, any line order, case-insensitive keys);
    /// application/dtmf: the digit alone. Durations outside 40 ms – 5 s are clamped to the nearest.
    /// </summary>
    internal static bool TryParseDtmfInfo(string contentType, string body, out char digit, out int durationMs)
    {
        digit = '\0';
        durationMs = 160;
        if (contentType.Equals("application/dtmf", StringComparison.OrdinalIgnoreCase))
        {
            var value = body.Trim();
            return value.Length == 1 && IsDtmf(digit = char.ToUpperInvariant(value[0]));
        }
        if (!contentType.Equals("application/dtmf-relay", StringComparison.OrdinalIgnoreCase)) return false;
        foreach (var raw in body.Split('\n'))
        {
            var line = raw.Trim();
            int eq = line.IndexOf('=');
            if (eq <= 0) continue;
            var key = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            if (key.Equals("Signal", StringComparison.OrdinalIgnoreCase) && value.Length == 1) digit = char.ToUpperInvariant(value[0]);
            else if (key.Equals("Signal", StringComparison.OrdinalIgnoreCase) && value is "10" or "11")
                digit = value == "10" ? '*' : '#';
            else if (key.Equals("Duration", StringComparison.OrdinalIgnoreCase) &&
                     int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int ms))
                durationMs = Math.Clamp(ms, 40, 5000);
        }
        return IsDtmf(digit);
    }

    private static bool IsDtmf(char c) => c is >= '0' and <= '9' or '*' or '#' or >= 'A' and <= 'D';

    private void OnMediaDtmf(DtmfReceivedEvent e)
    {
        if (State == CallState.Ended || e.Dtmf.Kind != Media.Dtmf.DtmfEventKind.Ended) return;
        var leg = _a is { } a && ReferenceEquals(a.Media, e.Leg) ? a : _b is { } b && ReferenceEquals(b.Media, e.Leg) ? b : null;
        if (leg is null) return;
        // RFC 4733 or in-band: the media engine reports both the same way.
        PublishDtmf(leg, e.Dtmf.Digit, (int)e.Dtmf.Duration.TotalMilliseconds, "rtp");
    }
}
