using System.Text;

namespace ContactCenter.Media.Sdp;

/// <summary>
/// The state of one parse: takes lines one at a time (already split, CR and blank lines removed) and builds the
/// description. Session-level lines may come in any order (phones differ); a media section starts at each <c>m=</c>.
/// </summary>
internal sealed partial class SdpSessionReader
{
    private int _lineNumber;
    private bool _sawVersion;
    private SdpOrigin? _origin;
    private string? _sessionName;
    private string? _information;
    private string? _uri;
    private List<string>? _emails;
    private List<string>? _phones;
    private SdpConnection? _connection;
    private List<SdpBandwidth>? _bandwidths;
    private List<SdpTiming>? _timings;
    private List<string>? _repeats;
    private string? _timeZones;
    private string? _key;
    private List<SdpAttribute>? _attributes;
    private readonly List<MediaDescription> _media = [];
    private MediaSectionReader? _section;

    /// <summary>Set when <see cref="ReadLine"/> returned false.</summary>
    public SdpParseResult Failure { get; private set; }

    public bool ReadLine(ReadOnlySpan<byte> line, int lineNumber)
    {
        _lineNumber = lineNumber;
        if (line.Length < 2 || line[1] != (byte)'=' || line[0] is < (byte)'a' or > (byte)'z')
        {
            return Fail(SdpParseError.InvalidLine, $"expected '<letter>=<value>', got '{Quote(line)}'");
        }

        if (line.IndexOfAny((byte)'\0', (byte)'\r') >= 0) return Fail(SdpParseError.InvalidLine, "NUL or CR inside a line");

        char type = (char)line[0];
        var value = line[2..];

        // s= and i= are free text where a trailing space can be the whole value ("s= " is RFC 8866's empty name).
        if (type is not ('s' or 'i')) value = value.TrimEnd(" \t"u8);

        if (!_sawVersion)
        {
            if (type != 'v') return Fail(SdpParseError.MissingVersion, $"the first line is '{type}=', not 'v=0'");
            if (!value.SequenceEqual("0"u8)) return Fail(SdpParseError.UnsupportedVersion, $"v={Quote(value)}; only v=0 exists");
            _sawVersion = true;
            return true;
        }

        if (type == 'm') return StartMedia(value);
        return _section is null ? ReadSessionLine(type, value) : ReadMediaLine(type, value);
    }

    public SdpParseResult Finish()
    {
        if (!_sawVersion) return SdpParseResult.Failure(SdpParseError.Empty, 0, "no lines");
        if (_origin is null) return SdpParseResult.Failure(SdpParseError.MissingOrigin, 0, "no o= line");
        EndTiming();
        EndMedia();
        return SdpParseResult.Success(new SessionDescription
        {
            Origin = _origin,
            SessionName = _sessionName,
            Information = _information,
            Uri = _uri,
            EmailAddresses = (IReadOnlyList<string>?)_emails ?? [],
            PhoneNumbers = (IReadOnlyList<string>?)_phones ?? [],
            Connection = _connection,
            Bandwidths = (IReadOnlyList<SdpBandwidth>?)_bandwidths ?? [],
            Timings = (IReadOnlyList<SdpTiming>?)_timings ?? [],
            TimeZones = _timeZones,
            EncryptionKey = _key,
            Attributes = (IReadOnlyList<SdpAttribute>?)_attributes ?? [],
            Media = _media,
        });
    }

    private bool ReadSessionLine(char type, ReadOnlySpan<byte> value)
    {
        switch (type)
        {
            case 'o':
                if (_origin is not null) return Duplicate("o=");
                return ReadOrigin(value);
            case 's':
                if (_sessionName is not null) return Duplicate("s=");
                _sessionName = Text(value);
                return true;
            case 'i':
                if (_information is not null) return Duplicate("i=");
                _information = Text(value);
                return true;
            case 'u':
                if (_uri is not null) return Duplicate("u=");
                _uri = Text(value);
                return true;
            case 'e':
                (_emails ??= []).Add(Text(value));
                return true;
            case 'p':
                (_phones ??= []).Add(Text(value));
                return true;
            case 'c':
                if (_connection is not null) return Duplicate("c=");
                return ReadConnection(value, out _connection);
            case 'b':
                if (!ReadBandwidth(value, out var bandwidth)) return false;
                (_bandwidths ??= []).Add(bandwidth);
                return true;
            case 't':
                return ReadTiming(value);
            case 'r':
                if (_repeats is null) return Fail(SdpParseError.InvalidTiming, "r= without a t= before it");
                _repeats.Add(Text(value));
                return true;
            case 'z':
                if (_timeZones is not null) return Duplicate("z=");
                _timeZones = Text(value);
                return true;
            case 'k':
                if (_key is not null) return Duplicate("k=");
                _key = Text(value);
                return true;
            case 'a':
                if (!ReadAttribute(value, out var attribute)) return false;
                (_attributes ??= []).Add(attribute);
                return true;
            case 'v':
                return Duplicate("v=");
            default:
                return Fail(SdpParseError.UnknownLineType, $"unknown line type '{type}='");
        }
    }

    private bool ReadMediaLine(char type, ReadOnlySpan<byte> value)
    {
        var section = _section!;
        switch (type)
        {
            case 'i':
                if (section.Information is not null) return Duplicate("i= in a media section");
                section.Information = Text(value);
                return true;
            case 'c':
                if (!ReadConnection(value, out var connection)) return false;
                section.Connections.Add(connection!);
                return true;
            case 'b':
                if (!ReadBandwidth(value, out var bandwidth)) return false;
                section.Bandwidths.Add(bandwidth);
                return true;
            case 'k':
                if (section.EncryptionKey is not null) return Duplicate("k= in a media section");
                section.EncryptionKey = Text(value);
                return true;
            case 'a':
                if (!ReadAttribute(value, out var attribute)) return false;
                section.Attributes.Add(attribute);
                return true;
            case 'v' or 'o' or 's' or 'u' or 'e' or 'p' or 't' or 'r' or 'z':
                return Fail(SdpParseError.MisplacedField, $"'{type}=' belongs before the first m= line");
            default:
                return Fail(SdpParseError.UnknownLineType, $"unknown line type '{type}='");
        }
    }

    private void EndTiming()
    {
        if (_repeats is null) return;
        var last = _timings![^1];
        if (_repeats.Count > 0) _timings[^1] = last with { Repeats = _repeats };
        _repeats = null;
    }

    private void EndMedia()
    {
        if (_section is null) return;
        _media.Add(_section.Build());
        _section = null;
    }

    private bool Duplicate(string field) => Fail(SdpParseError.DuplicateField, $"{field} appears twice");

    private bool Fail(SdpParseError error, string message)
    {
        Failure = SdpParseResult.Failure(error, _lineNumber, message);
        return false;
    }

    private static string Text(ReadOnlySpan<byte> value) => value.IsEmpty ? "" : Encoding.UTF8.GetString(value);

    /// <summary>A bounded, printable excerpt of hostile input for an error message.</summary>
    private static string Quote(ReadOnlySpan<byte> value)
    {
        const int limit = 40;
        var text = Encoding.UTF8.GetString(value.Length > limit ? value[..limit] : value);
        var builder = new StringBuilder(text.Length + 3);
        foreach (char c in text) builder.Append(char.IsControl(c) ? '?' : c);
        if (value.Length > limit) builder.Append("...");
        return builder.ToString();
    }
}
