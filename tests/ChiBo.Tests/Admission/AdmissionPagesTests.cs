using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ChiBo.Admission;
using ChiBo.Members;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChiBo.Tests.Infrastructure.PageForm;

namespace ChiBo.Tests.Admission;

/// <summary>
/// The admission pages through HTTP, each level with its own account: the cell nominates and
/// records its acts, the base committee and the competent committee act at theirs, each refused
/// elsewhere; refused rules come back next to their inputs.
/// </summary>
public sealed partial class AdmissionPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Version(PageAnswer page) => VersionField().Match(page.Html).Groups[1].Value;

    private static async Task<List<Member>> OfficialsAsync(World w, int count = 3)
    {
        var list = new List<Member>();
        for (var i = 0; i < count; i++)
        {
            list.Add(await w.RegisterAsync(w.Cell1, $"Đảng Viên Số {i + 1}", new DateOnly(2010, 1, 5), new DateOnly(2011, 1, 5)));
        }

        return list;
    }

    /// <summary>Posts the next act's form of a file, with the version the page shows.</summary>
    private static async Task<PageAnswer> ActAsync(HttpClient client, int id, string handler, params (string, string)[] fields)
    {
        var page = await GetAsync(client, $"/ket-nap/{id}");
        var all = Fields(fields);
        all.Add(new("Version", Version(page)));
        return await PostAsync(client, $"/ket-nap/{id}", all, $"/ket-nap/{id}?handler={handler}");
    }

    /// <summary>
    /// One account per level, signed in on the day the clock shows: sessions end after two idle
    /// hours of the app's clock, so a test that moves the clock by days signs in again.
    /// </summary>
    private sealed class Levels(ChiBoApp app) : IDisposable
    {
        public HttpClient Cell { get; private set; } = null!;
        public HttpClient Base { get; private set; } = null!;
        public HttpClient Superior { get; private set; } = null!;

        public async Task OnAsync(TestClock clock, DateOnly day)
        {
            Dispose();
            clock.Today = day;
            Cell = await app.SignedInAsync("cell-committee", "AG.01.01.01");
            Base = await app.SignedInAsync("base-committee", "AG.01.01");
            Superior = await app.SignedInAsync("superior-committee", "AG.01");
        }

        public void Dispose()
        {
            Cell?.Dispose();
            Base?.Dispose();
            Superior?.Dispose();
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Candidate_IsCarriedToOfficialMembership_ThroughTheForms_EachLevelAtItsOwnStep(string provider)
    {
        var start = new DateOnly(2025, 3, 3);
        await using var w = await World.CreateAsync(provider, start);
        var officials = await OfficialsAsync(w);
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var at = new Levels(app);
        await at.OnAsync(w.Clock, start);

        (await GetAsync(at.Cell, "/to-chuc/AG.01.01.01")).Html.ShouldContain("/ket-nap/gioi-thieu?cell=AG.01.01.01");
        var birth = new DateOnly(2001, 4, 12);
        (string, string)[] profile = [("FullName", "Trần  Thị Ưu Tú"), ("Gender", "female"), ("BirthDate", Iso(birth)), ("YouthUnion", "true"), ("NominatedOn", Iso(start))];
        var refused = await PostAsync(at.Cell, "/ket-nap/gioi-thieu?cell=AG.01.01.01", Fields([.. profile, ("Cccd", "123")]));
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.FieldError("Cccd").ShouldBe("Số CCCD phải gồm đúng 12 chữ số.");
        refused.Html.ShouldContain("value=\"Trần  Thị Ưu Tú\"");

        var opened = await PostAsync(at.Cell, "/ket-nap/gioi-thieu?cell=AG.01.01.01", Fields([.. profile, ("Cccd", Cccd.Compose(89, birth, Gender.Female, 71))]));
        opened.Status.ShouldBe(HttpStatusCode.Redirect);
        var id = int.Parse(Regex.Match(opened.Location!, @"/ket-nap/(\d+)\?da=nominate").Groups[1].Value, CultureInfo.InvariantCulture);

        var file = await GetAsync(at.Cell, $"/ket-nap/{id}?da=nominate");
        file.Status.ShouldBe(HttpStatusCode.OK);
        file.Html.ShouldContain("Đã ghi: Giới thiệu quần chúng ưu tú.");
        file.Html.ShouldContain("Trần Thị Ưu Tú");
        file.Html.ShouldContain("Bước tiếp theo: Học lớp bồi dưỡng nhận thức về Đảng");

        // The cell's acts, on later days.
        await at.OnAsync(w.Clock, start.AddDays(14));
        (await ActAsync(at.Cell, id, "Course", ("CertificateNumber", ""), ("Date", Iso(w.Clock.Today)))).FieldError("CertificateNumber").ShouldBe("Số giấy chứng nhận không được để trống.");
        (await ActAsync(at.Cell, id, "Course", ("CertificateNumber", "123/GCN-TTCT"), ("Date", Iso(w.Clock.Today)))).Status.ShouldBe(HttpStatusCode.Redirect);
        await at.OnAsync(w.Clock, start.AddDays(21));
        (await ActAsync(at.Cell, id, "Application", ("ApplicationDate", Iso(w.Clock.Today)), ("CvDate", Iso(w.Clock.Today)))).Status.ShouldBe(HttpStatusCode.Redirect);
        await at.OnAsync(w.Clock, start.AddDays(28));
        var probationer = await w.RegisterAsync(w.Cell1, "Dự Bị Trong Chi Bộ", new DateOnly(2025, 1, 6));
        var notOfficial = await ActAsync(at.Cell, id, "Introduction", ("Kind", "twoMembers"), ("Introducer1", $"{officials[0].Id}"), ("KnownSince1", "2020-01-01"),
            ("Introducer2", $"{probationer.Id}"), ("KnownSince2", "2020-01-01"), ("Date", Iso(w.Clock.Today)));
        notOfficial.Status.ShouldBe(HttpStatusCode.BadRequest);
        notOfficial.FieldError("Introducers").ShouldNotBeNull().ShouldContain("phải là đảng viên chính thức");
        (await ActAsync(at.Cell, id, "Introduction", ("Kind", "twoMembers"), ("Introducer1", $"{officials[0].Id}"), ("KnownSince1", "2020-01-01"),
            ("Introducer2", $"{officials[1].Id}"), ("KnownSince2", "2022-06-01"), ("Date", Iso(w.Clock.Today)))).Status.ShouldBe(HttpStatusCode.Redirect);
        await at.OnAsync(w.Clock, start.AddDays(49));
        (await ActAsync(at.Cell, id, "Verification", ("Date", Iso(w.Clock.Today)))).Status.ShouldBe(HttpStatusCode.Redirect);
        await at.OnAsync(w.Clock, start.AddDays(63));
        var page = await GetAsync(at.Cell, $"/ket-nap/{id}");
        page.Html.ShouldContain("Chi bộ hiện có <b>3</b> đảng viên chính thức");
        page.Html.ShouldContain("cần ít nhất <b>2</b> phiếu tán thành");
        var tooFew = await ActAsync(at.Cell, id, "CellResolution", ("Date", Iso(w.Clock.Today)), ("VotesFor", "1"));
        tooFew.Status.ShouldBe(HttpStatusCode.BadRequest);
        tooFew.FieldError("VotesFor").ShouldBe("Nghị quyết kết nạp cần ít nhất hai phần ba số đảng viên chính thức tán thành: 1/3 tán thành, cần ít nhất 2.");
        (await ActAsync(at.Cell, id, "CellResolution", ("Date", Iso(w.Clock.Today)), ("VotesFor", "3"))).Status.ShouldBe(HttpStatusCode.Redirect);

        // The base committee's step: the cell sees it waiting, and is refused if it posts it.
        var waiting = await GetAsync(at.Cell, $"/ket-nap/{id}");
        waiting.Html.ShouldContain("Bước tiếp theo: Đảng ủy cơ sở xét, đề nghị");
        waiting.Html.ShouldContain("Vai trò của bạn không thực hiện bước này");
        waiting.Html.ShouldContain("3/3</b> đảng viên chính thức tán thành · cần ít nhất 2 (hai phần ba) ·");
        var byCell = await ActAsync(at.Cell, id, "BaseCommittee", ("Date", Iso(w.Clock.Today)), ("Agreed", "yes"));
        byCell.Status.ShouldBe(HttpStatusCode.Redirect);
        byCell.Location!.ShouldContain("/khong-co-quyen");
        await at.OnAsync(w.Clock, start.AddDays(77));
        (await GetAsync(at.Base, $"/ket-nap/{id}")).Html.ShouldContain("handler=BaseCommittee");
        (await ActAsync(at.Base, id, "BaseCommittee", ("Date", Iso(w.Clock.Today)), ("Agreed", "yes"))).Status.ShouldBe(HttpStatusCode.Redirect);

        // The competent committee decides; the base committee cannot.
        await at.OnAsync(w.Clock, start.AddDays(91));
        (await ActAsync(at.Base, id, "Decision", ("Number", "215-QĐ/ĐU"), ("Date", Iso(w.Clock.Today)))).Location!.ShouldContain("/khong-co-quyen");
        (await ActAsync(at.Superior, id, "Decision", ("Number", ""), ("Date", Iso(w.Clock.Today)))).FieldError("Number").ShouldBe("Số quyết định kết nạp không được để trống.");
        (await ActAsync(at.Superior, id, "Decision", ("Number", "215-QĐ/ĐU"), ("Date", Iso(w.Clock.Today)))).Status.ShouldBe(HttpStatusCode.Redirect);

        // Ceremony and the new members' course at the cell.
        var ceremony = start.AddDays(105);
        await at.OnAsync(w.Clock, ceremony);
        (await ActAsync(at.Cell, id, "Ceremony", ("Date", Iso(ceremony.AddDays(1))))).FieldError("Date").ShouldNotBeNull().ShouldContain("không được sau ngày hôm nay");
        (await ActAsync(at.Cell, id, "Ceremony", ("Date", Iso(ceremony)))).Status.ShouldBe(HttpStatusCode.Redirect);
        await at.OnAsync(w.Clock, ceremony.AddMonths(3));
        (await ActAsync(at.Cell, id, "NewMemberCourse", ("CertificateNumber", "77/GCN"), ("Date", Iso(w.Clock.Today)))).Status.ShouldBe(HttpStatusCode.Redirect);
        var early = await ActAsync(at.Cell, id, "RecognitionVote", ("Date", Iso(w.Clock.Today)), ("VotesFor", "3"));
        early.Status.ShouldBe(HttpStatusCode.BadRequest);
        early.FieldError("Date").ShouldNotBeNull().ShouldContain("khi đã hết 12 tháng dự bị");

        // Twelve months later: the cell votes, the competent committee decides.
        var vote = AdmissionPolicy.ProbationEnds(ceremony).AddDays(7);
        await at.OnAsync(w.Clock, vote);
        (await ActAsync(at.Cell, id, "RecognitionVote", ("Date", Iso(vote)), ("VotesFor", "3"))).Status.ShouldBe(HttpStatusCode.Redirect);
        (await ActAsync(at.Cell, id, "RecognitionDecision", ("Number", "88-QĐ/ĐU"), ("Date", Iso(vote)))).Location!.ShouldContain("/khong-co-quyen");
        await at.OnAsync(w.Clock, vote.AddDays(10));
        (await ActAsync(at.Superior, id, "RecognitionDecision", ("Number", "88-QĐ/ĐU"), ("Date", Iso(w.Clock.Today)))).Status.ShouldBe(HttpStatusCode.Redirect);

        var done = await GetAsync(at.Superior, $"/ket-nap/{id}");
        done.Html.ShouldContain("<b>Đảng viên chính thức</b>");
        done.Html.ShouldContain($"chính thức từ {AdmissionPolicy.ProbationEnds(ceremony).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
        done.Html.ShouldNotContain("Bước tiếp theo");
        await using var db = w.Db();
        var c = await db.Candidates.SingleAsync(x => x.Id == id, Ct);
        var m = await db.Members.SingleAsync(x => x.Id == c.MemberId, Ct);
        (m.Status, m.AdmittedOn, m.OfficialOn, m.FullName).ShouldBe((MemberStatus.Official, ceremony, AdmissionPolicy.ProbationEnds(ceremony), "Trần Thị Ưu Tú"));
        (c.CellVotesFor, c.CellOfficialMembers, c.RecognitionVotesFor, c.RecognitionOfficialMembers).ShouldBe((3, 3, 3, 3));
        var movements = await w.MovementsIn(w.Root, start, w.Clock.Today);
        (movements.Counts["admitted"], movements.Counts["recognizedOfficial"]).ShouldBe((1, 1));
        (await GetAsync(at.Superior, $"/dang-vien/{m.Id}")).Html.ShouldContain($"href=\"/ket-nap/{id}\"");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pipeline_CountsStepsAndOverdue_AndTheTargetIsSetOnlyByThoseWhoWrite(string provider)
    {
        var today = new DateOnly(2025, 9, 15);
        await using var w = await World.CreateAsync(provider, today);
        await OfficialsAsync(w);
        await using (var db = w.Db())
        {
            var a = new AdmissionCommands(db, w.Clock, ChiBo.Access.OrgScope.System, World.Actor);
            var late = await a.NominateAsync(new CandidateNomination(w.Profile("Lê Văn Chờ Lâu", new DateOnly(1998, 2, 2)), w.Cell1.Id, new DateOnly(2025, 1, 6)), Ct);
            late = await a.RecordCourseAsync(late.Id, late.Version, "9/GCN", new DateOnly(2025, 1, 20), Ct);
            late = await a.RecordApplicationAsync(late.Id, late.Version, new DateOnly(2025, 2, 3), new DateOnly(2025, 2, 3), Ct);
            late = await a.RecordIntroductionAsync(late.Id, late.Version, new Introduction(IntroductionKind.TradeUnion, new DateOnly(2025, 2, 10), [], "3-NQ/CĐ"), Ct);
            late = await a.RecordVerificationAsync(late.Id, late.Version, new DateOnly(2025, 3, 3), Ct);
            await a.RecordCellResolutionAsync(late.Id, late.Version, new CellVote(new DateOnly(2025, 3, 10), 3), ct: Ct);
            await a.NominateAsync(new CandidateNomination(w.Profile("Phạm Thị Mới", new DateOnly(2002, 3, 3), Gender.Female), w.Cell2.Id, new DateOnly(2025, 9, 1)), Ct);
        }

        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var superior = await app.SignedInAsync("superior-committee", "AG.01");
        var page = await GetAsync(superior, "/ket-nap?org=AG.01");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Html.ShouldContain("Lê Văn Chờ Lâu");
        page.Html.ShouldContain("Phạm Thị Mới");
        page.Html.ShouldContain("Quá hạn: Đảng ủy cơ sở xem xét nghị quyết của chi bộ trước ngày 21/04/2025.");
        Regex.IsMatch(page.Html, "step=cellResolved\">Chi bộ đề nghị kết nạp</a></td>\\s*<td data-label=\"Số hồ sơ\" class=\"num\">1</td>\\s*<td data-label=\"Quá hạn\" class=\"num\">1</td>").ShouldBeTrue();
        page.Html.ShouldContain("(chưa đặt chỉ tiêu)");

        var saved = await PostAsync(superior, "/ket-nap?org=AG.01", Fields(("Target", "40")), "/ket-nap?org=AG.01&handler=Target");
        saved.Status.ShouldBe(HttpStatusCode.Redirect);
        var after = await GetAsync(superior, saved.Location!);
        after.Html.ShouldContain("Đã lưu chỉ tiêu kết nạp năm 2025.");
        after.Html.ShouldContain("0 / 40");
        (await PostAsync(superior, "/ket-nap?org=AG.01", Fields(("Target", "-3")), "/ket-nap?org=AG.01&handler=Target")).FieldError("Target").ShouldBe("Chỉ tiêu kết nạp không được âm.");

        using var inspection = await app.SignedInAsync("inspection", "AG");
        var readOnly = await GetAsync(inspection, "/ket-nap?org=AG.01");
        readOnly.Html.ShouldContain("Lê Văn Chờ Lâu");
        readOnly.Html.ShouldNotContain("name=\"Target\"");
        (await PostAsync(inspection, "/dang-xuat", Fields(("Target", "1")), "/ket-nap?org=AG.01&handler=Target")).Location!.ShouldContain("/khong-co-quyen");
        using var cell = await app.SignedInAsync("cell-committee", "AG.01.01.01");
        (await GetAsync(cell, "/ket-nap?org=AG.01")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync(cell, "/ket-nap?org=AG.01.01.01")).Html.ShouldNotContain("Phạm Thị Mới");
        await using var db2 = w.Db();
        (await db2.AdmissionTargets.SingleAsync(Ct)).Target.ShouldBe(40);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stop_ByTheCellBeforeTheResolution_ClosesTheFile_AndANominationNeedsTheCell(string provider)
    {
        await using var w = await World.CreateAsync(provider, new DateOnly(2025, 6, 2));
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var cell = await app.SignedInAsync("cell-committee", "AG.01.01.01");
        using var board = await app.SignedInAsync("province-board", "AG");
        int id;
        await using (var db = w.Db())
        {
            id = (await new AdmissionCommands(db, w.Clock, ChiBo.Access.OrgScope.System, World.Actor).NominateAsync(
                new CandidateNomination(w.Profile("Võ Văn Dừng", new DateOnly(1995, 5, 5)), w.Cell1.Id, new DateOnly(2025, 5, 5)), Ct)).Id;
        }

        (await GetAsync(board, $"/ket-nap/{id}")).Html.ShouldNotContain("handler=Stop");
        var nominate = await GetAsync(board, "/ket-nap/gioi-thieu?cell=AG.01.01.01");
        nominate.Status.ShouldBe(HttpStatusCode.OK);
        nominate.Html.ShouldContain("Chi ủy, bí thư chi bộ giới thiệu quần chúng ưu tú");
        nominate.Html.ShouldNotContain("name=\"FullName\"");
        (await GetAsync(cell, "/ket-nap/gioi-thieu?cell=AG.01.01")).Status.ShouldBe(HttpStatusCode.NotFound);

        (await ActAsync(cell, id, "Stop", ("Date", "2025-06-02"), ("Reason", " "))).FieldError("Reason").ShouldBe("Lý do không được để trống.");
        (await ActAsync(cell, id, "Stop", ("Date", "2025-06-02"), ("Reason", "Chuyển đi nơi khác làm việc"))).Status.ShouldBe(HttpStatusCode.Redirect);
        var closed = await GetAsync(cell, $"/ket-nap/{id}");
        closed.Html.ShouldContain("Dừng xem xét kết nạp");
        closed.Html.ShouldContain("Lý do: Chuyển đi nơi khác làm việc");
        closed.Html.ShouldNotContain("Bước tiếp theo");
        (await GetAsync(cell, "/ket-nap/999999")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
