namespace ChiBo.Plans;

/// <summary>The plan files of the repository's <c>plans/</c> folder, embedded: the seeds' plans in the import format.</summary>
public static class PlanFiles
{
    /// <summary>Đề án 02-ĐA/TU of An Giang (seed 000): its targets and its 10 tasks. The demo province carries it.</summary>
    public const string AnGiang = "000-02-DA-TU.json";

    /// <summary>The targets of Đức Phổ's đề án on Nghị quyết 21-NQ/TW (seed 002).</summary>
    public const string DucPho = "002-duc-pho.json";

    /// <summary>Chương trình 30-CTr/TU of Hà Giang (seed 003).</summary>
    public const string HaGiang = "003-30-CTr-TU.json";

    public static string Read(string file)
    {
        using var stream = typeof(PlanFiles).Assembly.GetManifestResourceStream("ChiBo.Plans.Files." + file)
            ?? throw new ArgumentException($"No embedded plan file {file}.", nameof(file));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
