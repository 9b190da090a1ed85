namespace ChiBo.Generation;

/// <summary>A set of days as ordered, disjoint, inclusive intervals: where an event may fall without touching a counted window.</summary>
internal sealed class DateSet
{
    private readonly List<(DateOnly Lo, DateOnly Hi)> _parts = [];

    public DateSet()
    {
    }

    public DateSet(DateOnly lo, DateOnly hi)
    {
        if (lo <= hi)
        {
            _parts.Add((lo, hi));
        }
    }

    public IReadOnlyList<(DateOnly Lo, DateOnly Hi)> Parts => _parts;

    public int Days => _parts.Sum(p => p.Hi.DayNumber - p.Lo.DayNumber + 1);

    public bool IsEmpty => _parts.Count == 0;

    public DateOnly Last => _parts[^1].Hi;

    public DateSet Minus(DateOnly lo, DateOnly hi)
    {
        var result = new DateSet();
        foreach (var (a, b) in _parts)
        {
            if (hi < a || lo > b)
            {
                result._parts.Add((a, b));
                continue;
            }

            if (a < lo)
            {
                result._parts.Add((a, lo.AddDays(-1)));
            }

            if (b > hi)
            {
                result._parts.Add((hi.AddDays(1), b));
            }
        }

        return result;
    }

    public DateSet Within(DateOnly lo, DateOnly hi)
    {
        var result = new DateSet();
        foreach (var (a, b) in _parts)
        {
            var x = a > lo ? a : lo;
            var y = b < hi ? b : hi;
            if (x <= y)
            {
                result._parts.Add((x, y));
            }
        }

        return result;
    }

    /// <summary>A day drawn uniformly from the set.</summary>
    public DateOnly Random(Random random)
    {
        var k = random.Next(Days);
        foreach (var (a, b) in _parts)
        {
            var len = b.DayNumber - a.DayNumber + 1;
            if (k < len)
            {
                return a.AddDays(k);
            }

            k -= len;
        }

        throw new InvalidOperationException("Empty date set.");
    }

    /// <summary>The day of the set nearest to <paramref name="target"/>.</summary>
    public DateOnly Nearest(DateOnly target)
    {
        var best = _parts[0].Lo;
        var bestDistance = int.MaxValue;
        foreach (var (a, b) in _parts)
        {
            var clamped = target < a ? a : target > b ? b : target;
            var distance = Math.Abs(clamped.DayNumber - target.DayNumber);
            if (distance < bestDistance)
            {
                best = clamped;
                bestDistance = distance;
            }
        }

        return best;
    }
}
