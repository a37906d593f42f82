using ContactCenter.Server.Storage;
using ContactCenter.Storage;
using ContactCenter.Telephony.Recordings;

namespace ContactCenter.Server.SipHosting;

/// <summary>The recordings table (metadata of call recordings), applied with every other module's migrations at start.</summary>
public sealed class RecordingMigrationSource : IMigrationSource
{
    public IEnumerable<Migration> Migrations => RecordingStore.Migrations;
}
