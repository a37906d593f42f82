namespace ContactCenter.Media.Sdp;

/// <summary>Why a description could not be read. <see cref="SdpParseResult.Message"/> says where and what.</summary>
public enum SdpParseError : byte
{
    /// <summary>Parsed.</summary>
    None = 0,

    /// <summary>No lines at all.</summary>
    Empty,

    /// <summary>Larger than <see cref="SdpLimits.MaxSize"/>.</summary>
    TooLarge,

    /// <summary>More than <see cref="SdpLimits.MaxLines"/> lines.</summary>
    TooManyLines,

    /// <summary>More than <see cref="SdpLimits.MaxMediaDescriptions"/> media sections.</summary>
    TooManyMediaDescriptions,

    /// <summary>More than <see cref="SdpLimits.MaxFormatsPerMedia"/> formats on one <c>m=</c> line.</summary>
    TooManyFormats,

    /// <summary>A line that is not <c>&lt;letter&gt;=&lt;value&gt;</c>, or holds NUL or a bare CR.</summary>
    InvalidLine,

    /// <summary>A line type this parser does not know (RFC 8866 §5: such a description is rejected).</summary>
    UnknownLineType,

    /// <summary>The first line is not <c>v=</c>.</summary>
    MissingVersion,

    /// <summary><c>v=</c> is not 0.</summary>
    UnsupportedVersion,

    /// <summary>No <c>o=</c> line.</summary>
    MissingOrigin,

    /// <summary><c>o=</c> does not have six fields, or its version is not a 64-bit number.</summary>
    InvalidOrigin,

    /// <summary>A malformed <c>c=</c> line.</summary>
    InvalidConnection,

    /// <summary>A malformed <c>b=</c> line.</summary>
    InvalidBandwidth,

    /// <summary>A malformed <c>t=</c> line, or <c>r=</c> without a <c>t=</c>.</summary>
    InvalidTiming,

    /// <summary>A malformed <c>m=</c> line: missing fields, port out of range, bad port count.</summary>
    InvalidMediaLine,

    /// <summary>An <c>a=</c> line whose name is not a token.</summary>
    InvalidAttribute,

    /// <summary>A line that may appear once (<c>o=</c>, <c>s=</c>, <c>c=</c> at session level, ...) appears twice.</summary>
    DuplicateField,

    /// <summary>A session-level line (<c>o=</c>, <c>t=</c>, ...) inside a media section.</summary>
    MisplacedField,
}
