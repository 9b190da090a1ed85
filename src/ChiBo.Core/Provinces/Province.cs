namespace ChiBo.Provinces;

/// <summary>A deployment's shard key: every row of the register carries its province.</summary>
public sealed class Province
{
    public int Id { get; set; }

    /// <summary>Short code, e.g. "AG" (An Giang); prefixes every organization code of the province.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }
}
