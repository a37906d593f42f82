using Dapper;
using Microsoft.Data.Sqlite;

namespace ContactCenter.Telephony.Cdr;

public sealed partial class CdrStore
{
    /// <summary>
    /// Records the disposition of an ACD call (ACD-06). Classification ends after the call, so this comes after
    /// <see cref="Complete"/>; queued behind it on the background writer, it updates the row Complete wrote.
    /// </summary>
    public void SetDisposition(string callId, string disposition)
    {
        if (TryQueue((connection, transaction) => UpdateDisposition(connection, transaction, callId, disposition))) return;
        using var connection = connections.Open();
        UpdateDisposition(connection, null, callId, disposition);
    }

    private static void UpdateDisposition(SqliteConnection connection, SqliteTransaction? transaction, string callId, string disposition) =>
        connection.Execute("UPDATE cdr_calls SET disposition = @disposition WHERE id = @callId", new { callId, disposition }, transaction);
}
