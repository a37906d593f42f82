using Microsoft.Data.Sqlite;

namespace ContactCenter.Telephony.Cdr;

/// <summary>
/// The CDR writes on one connection as prepared statements: each SQL text is parsed and prepared once (the background
/// writer keeps them for its whole life, moving them from one batch's transaction to the next) and re-bound for every
/// record, instead of a new command, a new parse and Dapper's parameter
/// reflection per statement (four statements per call were most of the writer's CPU under call load).
/// </summary>
internal sealed class CdrStatements(SqliteConnection connection, SqliteTransaction? transaction) : IDisposable
{
    /// <summary>The transaction the next statements run in (the background writer keeps one instance across batches).</summary>
    public SqliteTransaction? Transaction
    {
        get => transaction;
        set
        {
            transaction = value;
            foreach (var command in _commands.Values)
            {
                command.Transaction = value;
            }
        }
    }

    // The SQL texts are the store's constants: the same instance every time, so identity is the cheapest key.
    private readonly Dictionary<string, SqliteCommand> _commands = new(ReferenceEqualityComparer.Instance);

    /// <summary>Runs <paramref name="sql"/> with <paramref name="parameters"/>, always given in the same order for one text.</summary>
    public int Execute(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, value ?? DBNull.Value));
            }

            command.Prepare();
            _commands.Add(sql, command);
        }
        else
        {
            var bound = command.Parameters;
            for (var i = 0; i < parameters.Length; i++)
            {
                bound[i].Value = parameters[i].Value ?? DBNull.Value;
            }
        }

        return command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
