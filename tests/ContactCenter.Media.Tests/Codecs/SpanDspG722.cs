using System.Runtime.InteropServices;

namespace ContactCenter.Media.Tests.Codecs;

/// <summary>
/// The G.722 of SpanDSP (libspandsp2), which baresip's g722 module runs, called directly so the
/// tests can compare against the codec of a real softphone without a SIP call.
/// </summary>
internal static partial class SpanDspG722
{
    private const string Library = "libspandsp.so.2";

    /// <summary>Fails the test with the install hint when the library cannot be loaded.</summary>
    public static void Require()
    {
        if (!NativeLibrary.TryLoad(Library, out IntPtr handle))
        {
            Assert.Fail($"{Library} is not installed; apt-get install libspandsp2 (baresip-core depends on it).");
        }

        NativeLibrary.Free(handle);
    }

    public static byte[] Encode(short[] pcm)
    {
        IntPtr state = g722_encode_init(IntPtr.Zero, 64000, 0);
        Assert.NotEqual(IntPtr.Zero, state);
        try
        {
            var payload = new byte[pcm.Length / 2];
            Assert.Equal(payload.Length, g722_encode(state, payload, pcm, pcm.Length));
            return payload;
        }
        finally
        {
            g722_encode_free(state);
        }
    }

    public static short[] Decode(byte[] payload)
    {
        IntPtr state = g722_decode_init(IntPtr.Zero, 64000, 0);
        Assert.NotEqual(IntPtr.Zero, state);
        try
        {
            var pcm = new short[payload.Length * 2];
            Assert.Equal(pcm.Length, g722_decode(state, pcm, payload, payload.Length));
            return pcm;
        }
        finally
        {
            g722_decode_free(state);
        }
    }

    [LibraryImport(Library)]
    private static partial IntPtr g722_encode_init(IntPtr state, int rate, int options);

    [LibraryImport(Library)]
    private static partial int g722_encode(IntPtr state, [Out] byte[] g722Data, short[] amp, int length);

    [LibraryImport(Library)]
    private static partial int g722_encode_free(IntPtr state);

    [LibraryImport(Library)]
    private static partial IntPtr g722_decode_init(IntPtr state, int rate, int options);

    [LibraryImport(Library)]
    private static partial int g722_decode(IntPtr state, [Out] short[] amp, byte[] g722Data, int length);

    [LibraryImport(Library)]
    private static partial int g722_decode_free(IntPtr state);
}
