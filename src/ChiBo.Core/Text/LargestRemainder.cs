namespace ChiBo.Text;

/// <summary>
/// Turns shares of a base into whole counts that add up: the floors first, then the units left
/// over go to the largest fractional parts (Hamilton's method), ties to the earlier entry.
/// </summary>
public static class LargestRemainder
{
    /// <param name="total">The base.</param>
    /// <param name="shares">Fractions of the base (0–1), in order.</param>
    /// <returns>Counts whose sum is the rounded sum of the exact quotas.</returns>
    public static int[] Apportion(int total, IReadOnlyList<decimal> shares)
    {
        var quotas = shares.Select(s => s * total).ToArray();
        var counts = quotas.Select(q => (int)decimal.Floor(q)).ToArray();
        var target = (int)decimal.Round(quotas.Sum(), MidpointRounding.AwayFromZero);
        var left = target - counts.Sum();
        var order = Enumerable.Range(0, quotas.Length)
            .OrderByDescending(i => quotas[i] - decimal.Floor(quotas[i]))
            .ThenBy(i => i)
            .ToArray();
        for (var k = 0; k < left && k < order.Length; k++)
        {
            counts[order[k]]++;
        }

        return counts;
    }
}
