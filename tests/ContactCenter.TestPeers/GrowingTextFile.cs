using System.Text;

namespace ContactCenter.TestPeers;

/// <summary>
/// A log file another process appends to, searched without re-reading it: each search first reads what was added
/// since the last one. Positions are in characters of the text read so far.
/// </summary>
internal sealed class GrowingTextFile(string path)
{
    private readonly object _gate = new();
    private readonly StringBuilder _text = new();
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private long _bytesRead;

    /// <summary>The index of <paramref name="value"/> at or after <paramref name="start"/>, or -1.</summary>
    public long IndexOf(string value, long start)
    {
        lock (_gate)
        {
            ReadNew();
            if (start >= _text.Length) return -1;
            // Only the new part and a value's length before it can hold a new match; a linear scan is fine for a test log.
            var text = _text.ToString((int)start, _text.Length - (int)start);
            var index = text.IndexOf(value, StringComparison.Ordinal);
            return index < 0 ? -1 : start + index;
        }
    }

    private void ReadNew()
    {
        if (!File.Exists(path)) return;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length <= _bytesRead) return;
        stream.Seek(_bytesRead, SeekOrigin.Begin);
        var bytes = new byte[stream.Length - _bytesRead];
        int read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        _bytesRead += read;
        var chars = new char[_decoder.GetCharCount(bytes, 0, read)];
        _decoder.GetChars(bytes, 0, read, chars, 0);
        _text.Append(chars);
    }
}
