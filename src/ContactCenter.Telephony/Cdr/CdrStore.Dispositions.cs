namespace ContactCenter.Telephony.Cdr;

public sealed partial class CdrStore
{
    private const string UpdateDispositionSql = "UPDATE cdr_calls SET disposition = @disposition WHERE id = @callId";

    /// <summary>
    /// Records the disposition of an ACD call (ACD-06). Classification ends after the call, so this comes after
    /// <see cref="Complete"/>; queued behind it on the background writer, it updates the row Complete wrote.
    /// </summary>
    public void SetDisposition(string callId, string disposition)
    {
        if (TryQueue(statements => UpdateDisposition(statements, callId, disposition))) return;
        using var connection = connections.Open();
        using var statements = new CdrStatements(connection, null);
        UpdateDisposition(statements, callId, disposition);
    }

    private static void UpdateDisposition(CdrStatements statements, string callId, string disposition) =>
        statements.Execute(UpdateDispositionSql, ("@disposition", disposition), ("@callId", callId));
}
