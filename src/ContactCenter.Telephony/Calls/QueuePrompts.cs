using System.Collections.Concurrent;
using ContactCenter.Media.Playback;

namespace ContactCenter.Telephony.Calls;

/// <summary>
/// Spoken queue announcements built from short prompts shipped in the assembly (<c>Prompts/en/*.wav</c>, 8 kHz mono,
/// synthesised by espeak-ng with <c>scripts/generate-queue-prompts.sh</c>): "You are number | twenty | three | in line.
/// Your expected wait is about | four | minutes." Numbers 1–99 are said as words (tens then units); 100 or more in line is
/// "more than ninety nine callers ahead of you"; a wait under a minute or over an hour has its own sentence.
/// </summary>
public static class QueuePrompts
{
    private const string ResourcePrefix = "ContactCenter.Telephony.Prompts.en.";
    private static readonly ConcurrentDictionary<string, AudioClip> Clips = new(StringComparer.Ordinal);

    /// <summary>The prompt names of an announcement, in order (empty when there is nothing to say).</summary>
    public static IReadOnlyList<string> Words(int? position, int? expectedWaitSeconds)
    {
        var words = new List<string>();
        if (position is >= 1 and <= 99)
        {
            words.Add("you-are-number");
            AddNumber(words, position.Value);
            words.Add("in-line");
        }
        else if (position >= 100) words.Add("more-than-99-ahead");
        if (expectedWaitSeconds is >= 0 and < 60) words.Add("less-than-a-minute");
        else if (expectedWaitSeconds is >= 60 and <= 3600)
        {
            int minutes = (int)Math.Round(expectedWaitSeconds.Value / 60.0, MidpointRounding.AwayFromZero);
            words.Add("expected-wait");
            AddNumber(words, minutes);
            words.Add(minutes == 1 ? "minute" : "minutes");
        }
        else if (expectedWaitSeconds > 3600) words.Add("more-than-an-hour");
        return words;
    }

    /// <summary>The clips of an announcement, loaded once and shared by every call.</summary>
    public static IReadOnlyList<AudioClip> Compose(int? position, int? expectedWaitSeconds) =>
        Words(position, expectedWaitSeconds).Select(Clip).ToArray();

    /// <summary>One prompt by name ("you-are-number", "n7", …).</summary>
    public static AudioClip Clip(string name) => Clips.GetOrAdd(name, Load);

    private static void AddNumber(List<string> words, int n)
    {
        if (n < 20)
        {
            words.Add("n" + n);
            return;
        }
        words.Add("n" + (n / 10 * 10));
        if (n % 10 != 0) words.Add("n" + (n % 10));
    }

    private static AudioClip Load(string name)
    {
        var resource = ResourcePrefix + name + ".wav";
        using var stream = typeof(QueuePrompts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The prompt {resource} is missing from the build.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var error = AudioClip.TryLoad(bytes, out var clip);
        return error == WavError.None ? clip! : throw new InvalidOperationException($"The prompt {resource} does not load: {error}.");
    }
}
