using ContactCenter.Server.Storage;
using ContactCenter.Storage;
using ContactCenter.Telephony.Cdr;

namespace ContactCenter.Server.SipHosting;

/// <summary>The CDR tables, applied with every other module's migrations at start.</summary>
public sealed class CdrMigrationSource : IMigrationSource
{
    public IEnumerable<Migration> Migrations => CdrStore.Migrations;
}
