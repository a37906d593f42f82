namespace ContactCenter.Storage;

/// <summary>The database and the code disagree about the schema; the server must not start on it.</summary>
public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);
