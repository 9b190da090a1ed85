using System.Globalization;
using System.Text.Json;

namespace ChiBo.Generation;

/// <summary>
/// A share as the profile states it: "96.58%" is 9658 ten-thousandths, to four decimals of a
/// fraction. Met to that precision means the share both rounds and truncates to it, i.e. it lies
/// in [<see cref="Numerator"/>, <see cref="Numerator"/> + ½) units of the last decimal.
/// </summary>
public sealed record StatedShare(long Numerator, int Decimals)
{
    public long Unit => (long)Math.Pow(10, Decimals);

    public decimal Value => (decimal)Numerator / Unit;

    /// <summary>g of r rounds and truncates to the stated share: g/r ∈ [N/U, (N + ½)/U), in integers.</summary>
    public bool MetBy(long good, long rated) =>
        rated > 0 && good * Unit >= Numerator * rated && 2 * good * Unit < (2 * Numerator + 1) * rated;

    public override string ToString() => (Value * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}

/// <summary>
/// history.ratedGoodOrAbove: per series ("organizations", "cells", "members") the stated share of each
/// year. <see cref="Approximate"/>: a scaled-down province, whose counts may not reach a stated share
/// exactly; the generator then comes as close as they allow.
/// </summary>
public sealed record RatingHistory(IReadOnlyDictionary<string, IReadOnlyDictionary<int, StatedShare>> Series, bool Approximate = false)
{
    public static readonly IReadOnlyList<string> SeriesNames = ["organizations", "cells", "members"];

    public static readonly RatingHistory None = new(new Dictionary<string, IReadOnlyDictionary<int, StatedShare>>());

    public StatedShare? Stated(string series, int year) =>
        Series.TryGetValue(series, out var years) && years.TryGetValue(year, out var share) ? share : null;

    public IEnumerable<int> Years => Series.Values.SelectMany(y => y.Keys).Distinct().Order();
}

internal sealed partial class ProfileParser
{
    /// <summary>
    /// history.ratedGoodOrAbove.{organizations|cells|members}.{year}: "96.58%" (a percentage with
    /// its decimals; the seeds' decimal comma is accepted too). A year must have had its review by
    /// <c>asOf</c> (held in December: the year of asOf counts from 1 December).
    /// </summary>
    private static RatingHistory ReadRatings(JsonElement root, DateOnly asOf)
    {
        if (!root.TryGetProperty("history", out var h) || !h.TryGetProperty("ratedGoodOrAbove", out var r))
        {
            return RatingHistory.None;
        }

        const string field = "history.ratedGoodOrAbove";
        RequireObject(r, field);
        CheckNames(r, field + ".", RatingHistory.SeriesNames.ToList());
        var lastReviewed = asOf >= new DateOnly(asOf.Year, 12, 1) ? asOf.Year : asOf.Year - 1;
        var series = new Dictionary<string, IReadOnlyDictionary<int, StatedShare>>();
        foreach (var s in r.EnumerateObject())
        {
            RequireObject(s.Value, field + "." + s.Name);
            var years = new SortedDictionary<int, StatedShare>();
            foreach (var y in s.Value.EnumerateObject())
            {
                var at = field + "." + s.Name + "." + y.Name;
                if (y.Name.Length != 4 || !int.TryParse(y.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1930)
                {
                    throw new ProfileException(at, "năm phải viết bằng 4 chữ số, từ 1930.");
                }

                if (year > lastReviewed)
                {
                    throw new ProfileException(at, $"năm {year} chưa đánh giá, xếp loại vào ngày số liệu asOf ({asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}).");
                }

                years[year] = ParseShare(y.Value, at);
            }

            series[s.Name] = years;
        }

        return new RatingHistory(series);
    }

    private static StatedShare ParseShare(JsonElement v, string field)
    {
        var text = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()!.Trim(),
            JsonValueKind.Number => v.GetRawText() + "%",
            _ => "",
        };
        var number = text.EndsWith('%') ? text[..^1].Trim().Replace(',', '.') : null;
        if (number is null || number.Length == 0 || number.Count(c => c == '.') > 1 || !number.All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            throw new ProfileException(field, $"\"{text}\" không phải tỉ lệ phần trăm (ví dụ \"96.58%\").");
        }

        var dot = number.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : number.Length - dot - 1;
        if (decimals > 4)
        {
            throw new ProfileException(field, "tỉ lệ ghi tối đa 4 chữ số thập phân.");
        }

        var numerator = long.Parse(number.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var share = new StatedShare(numerator, decimals + 2);
        if (share.Value > 1)
        {
            throw new ProfileException(field, $"tỉ lệ {text} vượt quá 100%.");
        }

        return share;
    }
}
