namespace ContactCenter.Storage.Tests;

public sealed class EmbeddedMigrationsTests
{
    [Fact]
    public void Reads_numbered_sql_files_embedded_in_an_assembly()
    {
        var migrations = EmbeddedMigrations.FromAssembly(typeof(EmbeddedMigrationsTests).Assembly, "sample");
        Assert.Equal([(1, "create_samples"), (2, "add_label")], migrations.Select(m => (m.Version, m.Name)));
        Assert.Contains("CREATE TABLE samples", migrations[0].Sql);
    }
}
