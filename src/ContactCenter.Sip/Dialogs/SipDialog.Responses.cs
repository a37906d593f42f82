using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Dialogs;

public sealed partial class SipDialog
{
    /// <summary>
    /// Starts our response to a request of this dialog (§12.1.1, §12.2.2): Via, From, To (with our tag when the request
    /// has none), Call-ID and CSeq copied; the Record-Route of a dialog-creating request (no To tag yet) copied back
    /// in order for 101-299; our Contact in 101-299 responses to target refresh requests and REFER. The caller adds
    /// headers and the body, then calls <see cref="SipMessageWriter.Finish"/>.
    /// </summary>
    public SipMessageWriter CreateResponse(SipMessage request, int statusCode, string reasonPhrase)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsRequest) throw new ArgumentException("Not a request.", nameof(request));
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        var writer = SipResponseFactory.Create(request, statusCode, reasonPhrase, Encoding.UTF8.GetBytes(LocalTag));
        bool success = statusCode is > 100 and < 300;
        if (success && !request.HasToTag) writer.CopyHeaders(request, HeaderId.RecordRoute);
        if (success && (IsTargetRefresh(request.Method) || request.Method == SipMethod.Refer)) writer.Header(HeaderId.Contact, LocalContact);
        return writer;
    }
}
