using System.Globalization;
using System.Text.RegularExpressions;
using ChiBo.Reports;

namespace ChiBo.Plans;

/// <summary>
/// <c>members</c> and <c>members.&lt;dimension&gt;.&lt;category&gt;</c>: members of the subtree as of
/// the window's last day, in the province-profile vocabulary (<see cref="MemberDimensions"/>), by
/// the member-structure report's own pass (<see cref="MemberStructureReport.CountByPathAsync"/>).
/// Age bands are spelled <c>members.ageBand.18to35</c> and <c>members.ageBand.61plus</c> (a "-"
/// would read as a minus in an expression).
/// </summary>
public sealed partial class MemberMeasures : IMeasureFamily
{
    public const string Total = "members";
    private const string Prefix = "members.";

    [GeneratedRegex(@"^(\d{1,3})(?:to(\d{1,3})|plus)$")]
    private static partial Regex Band();

    public bool Owns(string name) => name == Total || name.StartsWith(Prefix, StringComparison.Ordinal);

    public string? Check(string name)
    {
        if (name == Total)
        {
            return null;
        }

        var parts = name[Prefix.Length..].Split('.');
        if (parts.Length != 2)
        {
            return $"số đo đảng viên có dạng \"members\" hoặc \"members.<chiều>.<nhóm>\", không phải \"{name}\".";
        }

        if (parts[0] == MemberDimensions.AgeBand)
        {
            return BandOf(parts[1]) is null ? $"nhóm tuổi \"{parts[1]}\" cần dạng \"18to35\" hoặc \"61plus\"." : null;
        }

        if (MemberDimensions.Find(parts[0]) is not { } dimension)
        {
            return $"không có chiều \"{parts[0]}\"; các chiều: {string.Join(", ", MemberDimensions.Names.Order(StringComparer.Ordinal))}.";
        }

        return dimension.CategoryNames.Contains(parts[1])
            ? null
            : $"chiều \"{dimension.Name}\" không có nhóm \"{parts[1]}\"; các nhóm: {string.Join(", ", dimension.CategoryNames)}.";
    }

    public MeasureTiming TimingOf(string name) => MeasureTiming.AsOf;

    public string? Missing(string name) => null;

    public IEnumerable<MeasureDoc> Documentation =>
        new[] { new MeasureDoc(Total, "Đảng viên của tổ chức (cả dự bị, miễn sinh hoạt)", MeasureTiming.AsOf) }
            .Concat(MemberDimensions.Fixed.SelectMany(d => d.Categories.Select(c =>
                new MeasureDoc($"{Prefix}{d.Name}.{c.Name}", $"Đảng viên thuộc nhóm \"{c.Name}\" của chiều \"{d.Name}\"", MeasureTiming.AsOf))))
            .Append(new MeasureDoc($"{Prefix}ageBand.<A>to<B>", "Đảng viên từ A đến B tuổi tròn", MeasureTiming.AsOf))
            .Append(new MeasureDoc($"{Prefix}ageBand.<A>plus", "Đảng viên từ A tuổi trở lên", MeasureTiming.AsOf));

    public async Task<MeasureCounts> CountAsync(MeasureQuery query, IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var bands = names.Where(n => n.StartsWith(Prefix + MemberDimensions.AgeBand + ".", StringComparison.Ordinal))
            .Select(n => (Name: n, Band: BandOf(n[(Prefix.Length + MemberDimensions.AgeBand.Length + 1)..])!))
            .ToList();
        var rows = await MemberStructureReport.CountByPathAsync(query.Db, query.Subtree, query.To, bands.Select(b => b.Band).ToList(), ct);
        var counts = new MeasureCounts();
        foreach (var (path, c) in rows)
        {
            var unit = query.ByUnit ? query.UnitOf(path) : null;
            foreach (var name in names)
            {
                if (name == Total)
                {
                    counts.Add(name, unit, c.Total);
                    continue;
                }

                var parts = name[Prefix.Length..].Split('.');
                var category = parts[0] == MemberDimensions.AgeBand ? bands.First(b => b.Name == name).Band.Label : parts[1];
                counts.Add(name, unit, c.Dimensions[parts[0]][category]);
            }
        }

        return counts;
    }

    private static AgeBand? BandOf(string text)
    {
        if (Band().Match(text) is not { Success: true } m)
        {
            return null;
        }

        var from = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (!m.Groups[2].Success)
        {
            return new AgeBand(from, null);
        }

        var to = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return to >= from ? new AgeBand(from, to) : null;
    }
}
