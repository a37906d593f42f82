namespace ContactCenter.Cti.Commands;

/// <summary>A command's outcome: its response, a problem, or (rarely, e.g. audio content) a raw HTTP result.</summary>
public readonly struct CtiResult<TResponse>
{
    private CtiResult(TResponse? value, CtiProblem? problem, IResult? raw)
    {
        Value = value;
        Problem = problem;
        Raw = raw;
    }

    /// <summary>The response when the command succeeded with JSON.</summary>
    public TResponse? Value { get; }

    /// <summary>Why the command failed, when it did.</summary>
    public CtiProblem? Problem { get; }

    /// <summary>A result written as is (no JSON envelope), e.g. a file with ranges.</summary>
    public IResult? Raw { get; }

    /// <summary>A JSON success.</summary>
    public static CtiResult<TResponse> Ok(TResponse value) => new(value, null, null);

    /// <summary>A failure.</summary>
    public static CtiResult<TResponse> Fail(CtiProblem problem) => new(default, problem ?? throw new ArgumentNullException(nameof(problem)), null);

    /// <summary>A success written by <paramref name="result"/> instead of the JSON envelope.</summary>
    public static CtiResult<TResponse> FromHttpResult(IResult result) => new(default, null, result ?? throw new ArgumentNullException(nameof(result)));

    /// <summary>A JSON success.</summary>
    public static implicit operator CtiResult<TResponse>(TResponse value) => Ok(value);

    /// <summary>A failure.</summary>
    public static implicit operator CtiResult<TResponse>(CtiProblem problem) => Fail(problem);
}
