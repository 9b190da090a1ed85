namespace ChiBo.Data;

/// <summary>
/// Where a deployment keeps its keys: the ASP.NET data-protection keys (session cookies) and the
/// transfer-package signing key (<see cref="Transfers.PackageKeys"/>). <c>CHIBO_KEYS</c>, else
/// <c>data/keys</c> beside the default SQLite file. Back it up with the database, apart from it.
/// </summary>
public static class KeyFolder
{
    public const string EnvironmentVariable = "CHIBO_KEYS";

    public static string Resolve(string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? Path.Combine(Path.GetDirectoryName(DatabaseTarget.DefaultSqlitePath())!, "keys") : configured;
}
