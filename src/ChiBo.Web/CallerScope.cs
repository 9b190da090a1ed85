using ChiBo.Organizations;

namespace ChiBo.Web;

/// <summary>
/// The subtree a caller may see. Every query of the pages and the API takes it as a parameter,
/// and a record outside it is "not found". Sign-in is the next issue: until it lands, every
/// caller sees the whole register, and this is the one place that changes.
/// </summary>
public static class CallerScope
{
    public static Subtree Of(HttpContext http) => Subtree.Everything;
}

public static class ClockExtensions
{
    /// <summary>Today in the server's time zone (the province's), from the injectable clock (tests stop it).</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
