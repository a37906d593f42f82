using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ContactCenter.Telephony.Cdr;

/// <summary>
/// The CDR writes on one connection as prepared statements: each SQL text is prepared once (the background writer keeps
/// them for its whole life, across its batches' transactions) and re-bound for every record. Binding goes straight to
/// SQLite (<c>sqlite3_bind_*</c>, strings encoded into a reused buffer): Microsoft.Data.Sqlite's command path made a
/// binder object and a UTF-8 array per parameter and a reader per statement, ≈ 6 KB per call and the largest allocation
/// left on the call path. The statements run in whatever transaction the connection has open, as commands would.
/// </summary>
internal sealed class CdrStatements(SqliteConnection connection, SqliteTransaction? transaction) : IDisposable
{
    private sealed record Prepared(sqlite3_stmt Statement, int[] Indexes);

    // The SQL texts are the store's constants: the same instance every time, so identity is the cheapest key.
    private readonly Dictionary<string, Prepared> _statements = new(ReferenceEqualityComparer.Instance);
    private byte[] _text = new byte[256];

    /// <summary>The transaction the next statements run in; kept for the callers' bookkeeping (SQLite runs every
    /// statement on the connection in the transaction it has open).</summary>
    public SqliteTransaction? Transaction
    {
        get => transaction;
        set => transaction = value;
    }

    /// <summary>
    /// Set by the background writer while it writes the completion of a call whose start is in the same batch: the call
    /// has no row yet, so there are no earlier legs to delete.
    /// </summary>
    public bool CallRowIsNew { get; set; }

    /// <summary>Runs <paramref name="sql"/> with <paramref name="parameters"/>, always given in the same order for one text; returns the rows changed.</summary>
    /// <exception cref="SqliteException">SQLite refused the statement (constraint, I/O, busy past the timeout).</exception>
    public int Execute(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        if (!_statements.TryGetValue(sql, out var prepared))
        {
            prepared = Prepare(db, sql, parameters);
            _statements.Add(sql, prepared);
        }

        var statement = prepared.Statement;
        try
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                Check(db, Bind(statement, prepared.Indexes[i], parameters[i].Value));
            }

            var result = raw.sqlite3_step(statement);
            if (result != raw.SQLITE_DONE && result != raw.SQLITE_ROW)
            {
                Check(db, result);
            }

            return raw.sqlite3_changes(db);
        }
        finally
        {
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    public void Dispose()
    {
        foreach (var prepared in _statements.Values)
        {
            prepared.Statement.Dispose();
        }

        _statements.Clear();
    }

    private static Prepared Prepare(sqlite3 db, string sql, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        var indexes = new int[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            indexes[i] = raw.sqlite3_bind_parameter_index(statement, parameters[i].Name);
            if (indexes[i] == 0)
            {
                statement.Dispose();
                throw new ArgumentException($"The statement has no parameter {parameters[i].Name}.", nameof(parameters));
            }
        }

        return new Prepared(statement, indexes);
    }

    private int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(statement, index),
        string text => BindText(statement, index, text),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        double real => raw.sqlite3_bind_double(statement, index, real),
        byte[] blob => raw.sqlite3_bind_blob(statement, index, blob),
        _ => throw new ArgumentException($"A CDR value of type {value.GetType().Name} has no SQLite binding.", nameof(value)),
    };

    private int BindText(sqlite3_stmt statement, int index, string text)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (needed > _text.Length)
        {
            _text = new byte[Math.Max(needed, _text.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(text, _text);
        // SQLitePCL binds a span with SQLITE_TRANSIENT: SQLite copies the bytes, so the buffer is free again at once.
        return raw.sqlite3_bind_text(statement, index, _text.AsSpan(0, length));
    }

    private static void Check(sqlite3 db, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), result, raw.sqlite3_extended_errcode(db));
        }
    }
}
