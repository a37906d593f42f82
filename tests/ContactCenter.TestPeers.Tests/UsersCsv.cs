namespace ContactCenter.TestPeers.Tests;

/// <summary>Writes the injection file the REGISTER scenarios in tests/load read (see lib.sh).</summary>
internal static class UsersCsv
{
    public static void Write(string path, IEnumerable<(string User, string Password)> users) =>
        File.WriteAllLines(path, users
            .Select(u => $"{u.User};{u.Password};[authentication username={u.User} password={u.Password}];" +
                         $"[authentication username={u.User} password={u.Password}-wrong]")
            .Prepend("SEQUENTIAL"));
}
