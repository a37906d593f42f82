using CsCheck;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Tests.Vectors;

namespace ContactCenter.Sip.Tests.Messages;

/// <summary>
/// Mutations of the torture messages — flipped, inserted, deleted and duplicated bytes, truncations, grammar-significant
/// bytes dropped in — must never make the message layer throw or step outside the message (see
/// <see cref="MessageInvariants"/>). CsCheck shrinks any failure to a small case and prints its seed.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly byte[][] Seeds = TortureVectors.Names("rfc4475").Select(TortureVectors.Rfc4475)
        .Concat(TortureVectors.Names("rfc5118").Select(TortureVectors.Rfc5118)).ToArray();

    /// <summary>Bytes the grammar gives meaning to: the likeliest to reach an unusual path.</summary>
    private static readonly byte[] Significant = "\r\n \t:;,\"<>[]%@=?\\/.0123456789\0\u007f"u8.ToArray().Append((byte)0xFF).Append((byte)0xC3).ToArray();

    private static readonly Gen<byte[]> Mutants =
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.UInt.Array[1, 12], (seed, ops) => Mutate(Seeds[seed], ops));

    internal static byte[] Mutate(byte[] source, uint[] ops)
    {
        var bytes = new List<byte>(source);
        foreach (uint op in ops)
        {
            if (bytes.Count == 0) break;
            int at = (int)((op >> 4) % (uint)bytes.Count);
            byte value = (op >> 24 & 1) == 0 ? Significant[(op >> 25) % (uint)Significant.Length] : (byte)(op >> 16);
            switch (op & 0xF)
            {
                case 0: case 1: case 2: bytes[at] = value; break;
                case 3: case 4: bytes.Insert(at, value); break;
                case 5: bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + (int)(op >> 28))); break;
                case 6: bytes.RemoveRange(at, bytes.Count - at); break;                               // truncate
                case 7: bytes.InsertRange(at, "\r\n "u8.ToArray()); break;                            // fold here
                case 8: bytes.InsertRange(at, "\r\n"u8.ToArray()); break;                             // break a line
                case 9:                                                                               // duplicate a line
                    int lineStart = bytes.LastIndexOf((byte)'\n', at) + 1;
                    int lineEnd = bytes.IndexOf((byte)'\n', at);
                    if (lineEnd > lineStart) bytes.InsertRange(lineStart, bytes.GetRange(lineStart, lineEnd - lineStart + 1));
                    break;
                case 10: bytes.InsertRange(at, System.Text.Encoding.ASCII.GetBytes(((int)(op >> 16)).ToString())); break;
                default: bytes[at] = (byte)(bytes[at] ^ (1 << (int)(op >> 29))); break;               // flip a bit
            }
        }
        return bytes.ToArray();
    }

    [Fact]
    public void Mutated_vectors_never_break_the_invariants() =>
        Mutants.Sample(MessageInvariants.Hold, iter: 30_000, threads: 1);

    [Fact]
    public void Random_bytes_never_break_the_invariants() =>
        Gen.Byte.Array[0, 600].Sample(MessageInvariants.Hold, iter: 5_000, threads: 1);

    [Fact]
    public void Every_truncation_of_every_vector_keeps_the_invariants()
    {
        foreach (var seed in Seeds)
            for (int n = 0; n <= seed.Length; n += 1 + n / 64)
                MessageInvariants.Hold(seed[..n]);
    }

    [Fact]
    public void The_vectors_themselves_keep_the_invariants()
    {
        foreach (var seed in Seeds) MessageInvariants.Hold(seed);
    }

    [Fact]
    public void The_mutator_does_change_messages()
    {
        // A fuzzer whose mutations never reach the parser's error paths would prove nothing.
        int rejected = 0, accepted = 0;
        Mutants.Sample(bytes =>
        {
            if (SipMessageParser.TryParse(bytes, out _, out _)) accepted++;
            else rejected++;
        }, iter: 2_000, threads: 1);
        Assert.True(rejected > 500, $"only {rejected} of 2000 mutants were rejected");
        Assert.True(accepted > 40, $"only {accepted} of 2000 mutants were accepted");
    }
}
