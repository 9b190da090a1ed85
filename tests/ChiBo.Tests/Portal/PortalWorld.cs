using ChiBo.Access;
using ChiBo.Documents;
using ChiBo.Fees;
using ChiBo.Meetings;
using ChiBo.Notices;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Portal;

/// <summary>
/// <see cref="TestData"/> with a month of cell life for the handbook, on <see cref="TestData.Today"/>
/// (30/06/2026), written through the commands:
/// Chi bộ ấp Một — held 20/05/2026 (An present, Bình excused), today's regular meeting, a thematic
/// meeting on 15/07/2026 with documents; Chi bộ ấp Hai — today's meeting (another cell's);
/// An's tasks (one overdue, one open) and one of Bình's; An's fees for January–April; a resolution
/// assigned to the thematic meeting for study; a notice of each cell.
/// </summary>
public sealed class PortalWorld : IAsyncDisposable
{
    public static readonly DateOnly Today = TestData.Today;
    public static readonly DateOnly NextMonth = new(2026, 7, 15);

    private PortalWorld(TestDatabase database, TestData data, TestClock clock)
    {
        Database = database;
        Data = data;
        Clock = clock;
    }

    public TestDatabase Database { get; }
    public TestData Data { get; }
    public TestClock Clock { get; }
    public Meeting Held { get; private set; } = null!;
    public Meeting TodaysMeeting { get; private set; } = null!;
    public Meeting Thematic { get; private set; } = null!;
    public Meeting OtherCellsMeeting { get; private set; } = null!;
    public MemberTask OverdueTask { get; private set; } = null!;
    public MemberTask OpenTask { get; private set; } = null!;
    public MemberTask BinhsTask { get; private set; } = null!;
    public Document Resolution { get; private set; } = null!;

    public static async Task<PortalWorld> CreateAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var data = await TestData.SeedAsync(database);
        var world = new PortalWorld(database, data, TestClock.On(Today));
        await world.FillAsync();
        return world;
    }

    private async Task FillAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = Database.Context();
        var meetings = new MeetingCommands(db, Clock);
        var (one, two) = (Data.CellOne, Data.CellTwo);

        Held = await meetings.ScheduleAsync(new MeetingPlan { CellId = one.Id, Date = new(2026, 5, 20), Title = "Sinh hoạt chi bộ thường kỳ tháng 5/2026", Place = "Nhà văn hóa ấp Một" }, ct);
        Held = await meetings.RecordAttendanceAsync(Held.Id, Held.Version,
            [new(Data.An.Id, Presence.Present), new(Data.Binh.Id, Presence.Excused, "Đi công tác")], ct);
        Held = await meetings.HoldAsync(Held.Id, Held.Version, "Chi bộ họp đủ nội dung.", "Ra quân làm đường giao thông nông thôn.", ct);

        TodaysMeeting = await meetings.ScheduleAsync(new MeetingPlan
        {
            CellId = one.Id, Date = Today, Title = "Sinh hoạt chi bộ thường kỳ tháng 6/2026", Place = "Nhà văn hóa ấp Một",
            Agenda = "Đánh giá nhiệm vụ 6 tháng đầu năm; phương hướng 6 tháng cuối năm.",
        }, ct);
        Thematic = await meetings.ScheduleAsync(new MeetingPlan
        {
            CellId = one.Id, Date = NextMonth, Kind = MeetingKind.Thematic, Title = "Chuyên đề: học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            Agenda = "Liên hệ trách nhiệm nêu gương của đảng viên.", Documents = "Chỉ thị 05-CT/TW; Kết luận 01-KL/TW", Place = "Hội trường xã An Hòa",
        }, ct);
        OtherCellsMeeting = await meetings.ScheduleAsync(new MeetingPlan
        {
            CellId = two.Id, Date = Today, Title = "Sinh hoạt chi bộ ấp Hai tháng 6/2026", Place = "Nhà văn hóa ấp Hai",
        }, ct);

        OverdueTask = await meetings.AssignTaskAsync(new(one.Id, Data.An.Id, 2026, "Vận động hộ dân hiến đất làm đường", new(2026, 1, 10), new(2026, 6, 15)), ct);
        OpenTask = await meetings.AssignTaskAsync(new(one.Id, Data.An.Id, 2026, "Theo dõi, giúp đỡ quần chúng ưu tú Trần Văn Bảy", new(2026, 1, 10), new(2026, 9, 30)), ct);
        BinhsTask = await meetings.AssignTaskAsync(new(one.Id, Data.Binh.Id, 2026, "Phụ trách Chi đoàn ấp Một", new(2026, 1, 10), new(2026, 12, 31)), ct);

        var library = new DocumentCommands(db, Clock, "van.thu");
        Resolution = await library.UploadAsync(new DocumentUpload
        {
            OrganizationId = one.Id, Kind = DocumentKind.Resolution, Number = "12-NQ/CB", IssuedOn = new(2026, 6, 1), Issuer = "Chi bộ ấp Một",
            Title = "Nghị quyết về xây dựng nông thôn mới nâng cao", FileName = "nghi-quyet.txt", ContentType = "text/plain",
            Content = System.Text.Encoding.UTF8.GetBytes("Nghị quyết của chi bộ ấp Một về xây dựng nông thôn mới nâng cao."),
        }, ct);
        await library.AssignToMeetingAsync(Resolution.Id, Thematic.Id, ct);
        var notices = new NoticeCommands(db, Clock, "van.thu");
        await notices.PostAsync(new NoticePost { OrganizationId = one.Id, Title = "Tổng vệ sinh ấp Một", Body = "Sáng Chủ nhật, 05/07/2026." }, ct);
        await notices.PostAsync(new NoticePost { OrganizationId = two.Id, Title = "Họp chi bộ ấp Hai", Body = "Tối thứ Sáu." }, ct);

        for (var month = 1; month <= 4; month++)
        {
            await FeeLedger.RecordAsync(db, Clock, "thu.quy", new FeePaymentInput(Data.An.Id, 2026, month, FeeGroup.Insured, 8_000_000, new DateOnly(2026, month, 5)), ct);
        }
    }

    /// <summary>A member's own account, without a second factor (members sign in with a password alone).</summary>
    public async Task AddMemberAccountAsync(string userName, int memberId, string cellCode)
    {
        await using var db = Database.Context();
        await Accounts.AddAsync(db, userName, ChiBoApp.Password, Role.Member, cellCode, null, memberId, TimeProvider.System, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Data.DisposeAsync();
        await Database.DisposeAsync();
    }
}
