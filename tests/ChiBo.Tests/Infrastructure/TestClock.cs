namespace ChiBo.Tests.Infrastructure;

/// <summary>
/// The one clock the tests control: stopped at a moment, moved by the test. The app's local time
/// zone is UTC here, so "today" in the app is <see cref="Today"/>.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    /// <summary>Stopped at 09:00 UTC of a day.</summary>
    public static TestClock On(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

    public DateOnly Today
    {
        get => DateOnly.FromDateTime(Now.UtcDateTime);
        set => Now = new DateTimeOffset(value.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
    }

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by) => Now += by;
}
