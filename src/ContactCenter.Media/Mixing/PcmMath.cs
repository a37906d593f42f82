using System.Numerics;
using System.Runtime.InteropServices;

namespace ContactCenter.Media.Mixing;

/// <summary>
/// Vectorised sample arithmetic for mixing: sums are kept in 32 bits so any number of 16-bit inputs can be added
/// without wrapping, and only the final result is saturated back to 16 bits.
/// </summary>
internal static class PcmMath
{
    /// <summary>Unity gain in the Q12 fixed-point format <see cref="Scale"/> uses.</summary>
    public const int UnityGainQ12 = 1 << 12;

    /// <summary>Converts a linear gain to Q12, clamped to [0, 8] (+18 dB).</summary>
    public static int ToGainQ12(float gain)
    {
        if (float.IsNaN(gain) || gain <= 0)
        {
            return 0;
        }

        return (int)Math.Round(Math.Min(gain, 8f) * UnityGainQ12);
    }

    /// <summary>destination[i] = source[i] (widened to 32 bits) scaled by a Q12 gain.</summary>
    public static void WidenScaled(ReadOnlySpan<short> source, Span<int> destination, int gainQ12)
    {
        int count = source.Length;
        destination = destination[..count];
        int i = 0;
        if (gainQ12 == UnityGainQ12)
        {
            if (Vector.IsHardwareAccelerated && count >= Vector<short>.Count)
            {
                ReadOnlySpan<Vector<short>> vectors = MemoryMarshal.Cast<short, Vector<short>>(source);
                Span<Vector<int>> outputs = MemoryMarshal.Cast<int, Vector<int>>(destination);
                for (int v = 0; v < vectors.Length; v++)
                {
                    Vector.Widen(vectors[v], out outputs[2 * v], out outputs[2 * v + 1]);
                }

                i = vectors.Length * Vector<short>.Count;
            }

            for (; i < count; i++)
            {
                destination[i] = source[i];
            }

            return;
        }

        for (; i < count; i++)
        {
            destination[i] = source[i] * gainQ12 >> 12;
        }
    }

    /// <summary>total[i] += contribution[i].</summary>
    public static void Accumulate(Span<int> total, ReadOnlySpan<int> contribution)
    {
        int count = total.Length;
        contribution = contribution[..count];
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Span<Vector<int>> totals = MemoryMarshal.Cast<int, Vector<int>>(total);
            ReadOnlySpan<Vector<int>> parts = MemoryMarshal.Cast<int, Vector<int>>(contribution);
            for (int v = 0; v < totals.Length; v++)
            {
                totals[v] += parts[v];
            }

            i = totals.Length * Vector<int>.Count;
        }

        for (; i < count; i++)
        {
            total[i] += contribution[i];
        }
    }

    /// <summary>destination[i] = saturate16(total[i] - own[i]).</summary>
    public static void SubtractSaturate(ReadOnlySpan<int> total, ReadOnlySpan<int> own, Span<short> destination)
    {
        int count = total.Length;
        own = own[..count];
        destination = destination[..count];
        int i = 0;
        if (Vector.IsHardwareAccelerated && count >= Vector<short>.Count)
        {
            ReadOnlySpan<Vector<int>> totals = MemoryMarshal.Cast<int, Vector<int>>(total);
            ReadOnlySpan<Vector<int>> owns = MemoryMarshal.Cast<int, Vector<int>>(own);
            Span<Vector<short>> outputs = MemoryMarshal.Cast<short, Vector<short>>(destination);
            var low = new Vector<int>(short.MinValue);
            var high = new Vector<int>(short.MaxValue);
            for (int v = 0; v < outputs.Length; v++)
            {
                Vector<int> first = Vector.Min(Vector.Max(totals[2 * v] - owns[2 * v], low), high);
                Vector<int> second = Vector.Min(Vector.Max(totals[2 * v + 1] - owns[2 * v + 1], low), high);
                outputs[v] = Vector.Narrow(first, second);
            }

            i = outputs.Length * Vector<short>.Count;
        }

        for (; i < count; i++)
        {
            destination[i] = Saturate(total[i] - own[i]);
        }
    }

    /// <summary>destination[i] = saturate16(total[i]).</summary>
    public static void Saturate(ReadOnlySpan<int> total, Span<short> destination)
    {
        int count = total.Length;
        destination = destination[..count];
        int i = 0;
        if (Vector.IsHardwareAccelerated && count >= Vector<short>.Count)
        {
            ReadOnlySpan<Vector<int>> totals = MemoryMarshal.Cast<int, Vector<int>>(total);
            Span<Vector<short>> outputs = MemoryMarshal.Cast<short, Vector<short>>(destination);
            var low = new Vector<int>(short.MinValue);
            var high = new Vector<int>(short.MaxValue);
            for (int v = 0; v < outputs.Length; v++)
            {
                Vector<int> first = Vector.Min(Vector.Max(totals[2 * v], low), high);
                Vector<int> second = Vector.Min(Vector.Max(totals[2 * v + 1], low), high);
                outputs[v] = Vector.Narrow(first, second);
            }

            i = outputs.Length * Vector<short>.Count;
        }

        for (; i < count; i++)
        {
            destination[i] = Saturate(total[i]);
        }
    }

    /// <summary>destination[i] = saturate16(a[i] - b[i]).</summary>
    public static void SubtractSaturate(ReadOnlySpan<short> a, ReadOnlySpan<short> b, Span<short> destination)
    {
        int count = a.Length;
        b = b[..count];
        destination = destination[..count];
        for (int i = 0; i < count; i++)
        {
            destination[i] = Saturate(a[i] - b[i]);
        }
    }

    /// <summary>destination[i] = a[i] - b[i] (32 bits, no saturation needed).</summary>
    public static void Subtract(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> destination)
    {
        int count = a.Length;
        b = b[..count];
        destination = destination[..count];
        for (int i = 0; i < count; i++)
        {
            destination[i] = a[i] - b[i];
        }
    }

    public static short Saturate(int value) => (short)Math.Clamp(value, short.MinValue, short.MaxValue);
}
