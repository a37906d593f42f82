namespace ContactCenter.Media.Tests.Sdp;

/// <summary>
/// One example of RFC 4317: an offer and its answer, and where the section continues, a second offer and its
/// answer. <see cref="SecondOfferByAnswerer"/> says whether the second offer comes from the first answerer (Bob).
/// </summary>
public sealed record Rfc4317Exchange(
    string Section,
    string Offer,
    string Answer,
    string? SecondOffer = null,
    string? SecondAnswer = null,
    bool SecondOfferByAnswerer = false)
{
    /// <summary>Every description of the exchange in the order the RFC gives them.</summary>
    public IEnumerable<string> Descriptions()
    {
        yield return Offer;
        yield return Answer;
        if (SecondOffer is not null) yield return SecondOffer;
        if (SecondAnswer is not null) yield return SecondAnswer;
    }

    public override string ToString() => Section;
}
