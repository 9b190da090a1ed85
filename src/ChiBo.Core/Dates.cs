namespace ChiBo;

public static class Dates
{
    /// <summary>Today in the server's time zone (the province's), from the injectable clock: the one way "today" is computed.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The exclusive end of a period that has not ended. A real date keeps "as of" predicates index-friendly.</summary>
    public static readonly DateOnly OpenEnd = new(9999, 12, 31);

    /// <summary>Age in completed years (tuổi tròn) on a date.</summary>
    public static int AgeOn(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day))
        {
            age--;
        }

        return age;
    }
}
