using System.Text;

namespace ContactCenter.TestPeers;

/// <summary>
/// Collects a peer's output lines without unbounded memory: keeps the first lines and the most
/// recent ones (final statistics and errors come last), and says how many were dropped between.
/// </summary>
internal sealed class BoundedText(int headCharacters = 16 * 1024, int tailCharacters = 240 * 1024)
{
    private readonly object _gate = new();
    private readonly StringBuilder _head = new();
    private readonly Queue<string> _tail = new();
    private long _tailLength;
    private long _droppedLines;

    public void AppendLine(string line)
    {
        lock (_gate)
        {
            if (_tail.Count == 0 && _head.Length + line.Length < headCharacters)
            {
                _head.Append(line).Append('\n');
                return;
            }
            _tail.Enqueue(line);
            _tailLength += line.Length + 1;
            while (_tailLength > tailCharacters && _tail.Count > 1)
            {
                _tailLength -= _tail.Dequeue().Length + 1;
                _droppedLines++;
            }
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            var text = new StringBuilder(_head.Length + (int)_tailLength + 64).Append(_head);
            if (_droppedLines > 0)
            {
                text.Append("[… ").Append(_droppedLines).Append(" lines dropped …]\n");
            }
            foreach (var line in _tail)
            {
                text.Append(line).Append('\n');
            }
            return text.ToString();
        }
    }
}
