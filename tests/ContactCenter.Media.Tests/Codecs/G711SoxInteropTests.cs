using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Tests.Codecs;

/// <summary>Checks the G.711 tables against a real independent implementation: SoX's.</summary>
public sealed class G711SoxInteropTests
{
    [Theory]
    [InlineData("mu-law")]
    [InlineData("a-law")]
    public async Task Sox_decodes_all_256_codes_to_the_same_values(string encoding)
    {
        string sox = ExternalTool.Require("sox", "sox");
        using var directory = new TempDirectory();
        byte[] codes = Enumerable.Range(0, 256).Select(c => (byte)c).ToArray();
        await File.WriteAllBytesAsync(directory.File("codes.raw"), codes);

        await ExternalTool.RunAsync(sox, "-t", "raw", "-e", encoding, "-b", "8", "-r", "8000", "-c", "1", directory.File("codes.raw"),
            "-t", "raw", "-e", "signed-integer", "-b", "16", "-L", directory.File("linear.raw"));

        short[] soxLinear = RawPcm.Read(directory.File("linear.raw"));
        Assert.Equal(256, soxLinear.Length);
        for (int code = 0; code < 256; code++)
        {
            short ours = encoding == "mu-law" ? MuLaw.Decode((byte)code) : ALaw.Decode((byte)code);
            Assert.True(soxLinear[code] == ours, $"{encoding} 0x{code:X2}: sox {soxLinear[code]}, ours {ours}");
        }
    }

    /// <summary>
    /// G.711 is defined on 14-bit (µ-law) and 13-bit (A-law) linear input. SoX rounds the 16-bit
    /// sample to that width while the reference truncates (508 µ-law and 1020 A-law inputs just
    /// below a decision level differ), so the comparison runs over every value of the law's own
    /// input grid, where both agree by definition: all 16384 (8192) inputs the law can see.
    /// </summary>
    [Theory]
    [InlineData("mu-law", 2)]
    [InlineData("a-law", 3)]
    public async Task Sox_encodes_every_input_of_the_law_to_the_same_code(string encoding, int droppedBits)
    {
        string sox = ExternalTool.Require("sox", "sox");
        using var directory = new TempDirectory();
        int count = 1 << (16 - droppedBits);
        short[] grid = Enumerable.Range(0, count).Select(i => (short)((i - (count / 2)) << droppedBits)).ToArray();
        RawPcm.Write(directory.File("linear.raw"), grid);

        // -D: no dither, so SoX maps each sample straight through its G.711 encoder.
        await ExternalTool.RunAsync(sox, "-D", "-t", "raw", "-e", "signed-integer", "-b", "16", "-L", "-r", "8000", "-c", "1", directory.File("linear.raw"),
            "-t", "raw", "-e", encoding, "-b", "8", directory.File("codes.raw"));

        byte[] soxCodes = await File.ReadAllBytesAsync(directory.File("codes.raw"));
        Assert.Equal(count, soxCodes.Length);
        int mismatches = 0;
        string firstMismatch = "";
        for (int i = 0; i < grid.Length; i++)
        {
            byte ours = encoding == "mu-law" ? MuLaw.Encode(grid[i]) : ALaw.Encode(grid[i]);
            if (ours != soxCodes[i] && mismatches++ == 0)
            {
                firstMismatch = $"{grid[i]}: sox 0x{soxCodes[i]:X2}, ours 0x{ours:X2}";
            }
        }

        Assert.True(mismatches == 0, $"{mismatches} of {count} {encoding} codes differ from SoX, first {firstMismatch}");
    }
}
