namespace ChiBo.Web;

public static class Clocks
{
    /// <summary>Today in the server's time zone (the province's), from the injectable clock.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
