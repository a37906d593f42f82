namespace ContactCenter.Media.Dtmf;

/// <summary>Maps DTMF digits to RFC 4733 §3.2 event codes: 0-9 → 0-9, * → 10, # → 11, A-D → 12-15, flash → 16.</summary>
public static class DtmfDigits
{
    /// <summary>The character used for the hook-flash event (code 16).</summary>
    public const char Flash = '!';

    /// <summary>The highest DTMF event code (16, flash).</summary>
    public const byte MaxEventCode = 16;

    private const string Alphabet = "0123456789*#ABCD!";

    /// <summary>Returns the digit of a DTMF event code; false for codes above 16 (other telephony events).</summary>
    public static bool TryGetDigit(byte eventCode, out char digit)
    {
        if (eventCode > MaxEventCode)
        {
            digit = '\0';
            return false;
        }

        digit = Alphabet[eventCode];
        return true;
    }

    /// <summary>Returns the event code of a digit (case-insensitive for A-D); false for anything else.</summary>
    public static bool TryGetEventCode(char digit, out byte eventCode)
    {
        var index = Alphabet.IndexOf(char.ToUpperInvariant(digit));
        eventCode = (byte)Math.Max(index, 0);
        return index >= 0;
    }
}
