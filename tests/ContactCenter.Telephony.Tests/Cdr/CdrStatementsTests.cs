using ContactCenter.Telephony.Cdr;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Telephony.Tests.Cdr;

/// <summary>The prepared statements bind straight to SQLite: every value type the store writes must land as it was given.</summary>
public sealed class CdrStatementsTests : IDisposable
{
    private const string InsertSql = "INSERT INTO t (id, text, number, small, flag, real, blob) VALUES (@id, @text, @number, @small, @flag, @real, @blob)";
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public CdrStatementsTests()
    {
        _connection.Open();
        _connection.Execute("CREATE TABLE t (id TEXT PRIMARY KEY, text TEXT, number INTEGER, small INTEGER, flag INTEGER, real REAL, blob BLOB)");
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Every_value_type_is_bound_and_a_reused_statement_takes_the_new_values()
    {
        using var statements = new CdrStatements(_connection, null);
        var long_text = new string('é', 500); // wider than the first encoding buffer, and not ASCII
        Assert.Equal(1, statements.Execute(InsertSql, ("@id", "a"), ("@text", "Zoë ☎"), ("@number", 9_000_000_000L), ("@small", 42),
            ("@flag", true), ("@real", 4.25), ("@blob", new byte[] { 1, 2, 3 })));
        Assert.Equal(1, statements.Execute(InsertSql, ("@id", "b"), ("@text", long_text), ("@number", null), ("@small", null),
            ("@flag", false), ("@real", null), ("@blob", null)));

        var rows = _connection.Query<(string Id, string Text, long? Number, long? Small, long Flag, double? Real, byte[]? Blob)>(
            "SELECT id, text, number, small, flag, real, blob FROM t ORDER BY id").ToList();
        Assert.Equal(("a", "Zoë ☎", 9_000_000_000L, 42L, 1L, 4.25), (rows[0].Id, rows[0].Text, rows[0].Number, rows[0].Small, rows[0].Flag, rows[0].Real));
        Assert.Equal([1, 2, 3], rows[0].Blob);
        Assert.Equal(("b", long_text, null, null, 0L, null, null), (rows[1].Id, rows[1].Text, rows[1].Number, rows[1].Small, rows[1].Flag, rows[1].Real, rows[1].Blob));
    }

    [Fact]
    public void A_constraint_violation_throws_and_the_statement_still_works_afterwards()
    {
        using var statements = new CdrStatements(_connection, null);
        statements.Execute(InsertSql, ("@id", "a"), ("@text", "x"), ("@number", 1L), ("@small", 1), ("@flag", true), ("@real", 1.0), ("@blob", null));

        var error = Assert.Throws<SqliteException>(() =>
            statements.Execute(InsertSql, ("@id", "a"), ("@text", "y"), ("@number", 2L), ("@small", 2), ("@flag", true), ("@real", 2.0), ("@blob", null)));
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains("UNIQUE", error.Message);

        Assert.Equal(1, statements.Execute(InsertSql, ("@id", "b"), ("@text", "z"), ("@number", 3L), ("@small", 3), ("@flag", false), ("@real", 3.0), ("@blob", null)));
        Assert.Equal(2, _connection.ExecuteScalar<long>("SELECT COUNT(*) FROM t"));
    }

    [Fact]
    public void An_unknown_parameter_name_or_value_type_is_refused_before_anything_is_written()
    {
        using var statements = new CdrStatements(_connection, null);
        Assert.Throws<ArgumentException>(() => statements.Execute("INSERT INTO t (id) VALUES (@id)", ("@nope", "a")));
        Assert.Throws<ArgumentException>(() => statements.Execute("INSERT INTO t (id, real) VALUES (@id, @real)", ("@id", "a"), ("@real", 1.5m)));
        Assert.Equal(0, _connection.ExecuteScalar<long>("SELECT COUNT(*) FROM t"));
    }
}
