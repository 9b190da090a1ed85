using System.Net;
using System.Net.Http.Json;
using ChiBo.Access;
using ChiBo.Admission;
using ChiBo.Documents;
using ChiBo.Meetings;
using ChiBo.Notices;
using ChiBo.Members;
using ChiBo.Tests.Infrastructure;
using ChiBo.Transfers;
using ChiBo.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChiBo.Tests.Access;

/// <summary>
/// Every endpoint of the route table × every role × a target inside and outside the role's
/// subtree, checked against <see cref="AccessTable"/>. An endpoint that declares no operation,
/// or has no sample request below, fails the first test: a new endpoint is covered or refused.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What a sample request acts on; {org}, {member}, {candidate}, {transfer}, {procedure}, {meeting}, {document}, {notice}, {case}, {decision}, {appeal} and {cell} are filled per target.</summary>
    private sealed record Sample(string Url, Func<Target, object?>? Body = null, bool Targeted = true);

    /// <summary>The things a request may name, all in one province.</summary>
    private sealed record Target(string Org, int Member, int Candidate, int Transfer, int IncomingTransfer, int Cell, int MemberVersion)
    {
        public int Procedure { get; init; }
        public long Document { get; init; }
        public long Meeting { get; init; }
        public long Notice { get; init; }
        public long Task { get; init; }
        public int Case { get; init; }
        public int Decision { get; init; }
        public int Appeal { get; init; }
    }

    private static readonly DateOnly Day = new(2026, 6, 1);

    private static int _serial = 500;

    /// <summary>Each scheduling of a year is for a year not yet planned, so that it writes (and is audited).</summary>
    private static int _year = 2030;

    private static MemberProfile Profile()
    {
        var born = new DateOnly(1995, 4, 2);
        return new() { FullName = "Lý Thị Mẫu", Gender = Gender.Female, BirthDate = born, Cccd = Cccd.Compose(89, born, Gender.Female, Interlocked.Increment(ref _serial)) };
    }

    /// <summary>Keyed by "METHOD route pattern" as the route table spells it.</summary>
    private static readonly Dictionary<string, Sample> Samples = new(StringComparer.Ordinal)
    {
        ["POST /api/auth/login"] = new("/api/auth/login", _ => new { username = "x", password = "y" }, Targeted: false),
        ["POST /api/auth/logout"] = new("/api/auth/logout", Targeted: false),
        ["GET /api/auth/me"] = new("/api/auth/me", Targeted: false),
        ["GET /api/reports/member-structure"] = new("/api/reports/member-structure?org={org}&asOf=2026-01-01"),
        ["GET /api/reports/org-structure"] = new("/api/reports/org-structure?org={org}&asOf=2026-01-01"),
        ["GET /api/reports/movements"] = new("/api/reports/movements?org={org}&from=2025-01-01&to=2025-12-31"),
        ["GET /api/reports/meetings"] = new("/api/reports/meetings?org={org}&year=2025"),
        ["GET /api/audit/"] = new("/api/audit/?org={org}"),
        ["GET /api/members/template.xlsx"] = new("/api/members/template.xlsx", Targeted: false),
        ["GET /api/members/export.xlsx"] = new("/api/members/export.xlsx?org={org}"),
        ["POST /api/members/import"] = new("/api/members/import?org={org}"),
        ["GET /api/orgs/{code}"] = new("/api/orgs/{org}"),
        ["GET /api/members/"] = new("/api/members/?org={org}"),
        ["GET /api/members/{id:int}"] = new("/api/members/{member}"),
        ["GET /api/members/badges/due"] = new("/api/members/badges/due?org={org}"),
        ["POST /api/members/{id:int}/badges"] = new("/api/members/{member}/badges", _ => new { years = 30, awardedOn = Day, early = false }),
        ["GET /api/admission/candidates"] = new("/api/admission/candidates?org={org}"),
        ["GET /api/admission/candidates/{id:int}"] = new("/api/admission/candidates/{candidate}"),
        ["GET /api/admission/overdue"] = new("/api/admission/overdue?org={org}"),
        ["GET /api/admission/pipeline"] = new("/api/admission/pipeline?org={org}"),
        ["POST /api/admission/candidates"] = new("/api/admission/candidates", t => new { profile = Profile(), cellId = t.Cell, nominatedOn = Day }),
        ["POST /api/admission/candidates/{id:int}/profile"] = new("/api/admission/candidates/{candidate}/profile", _ => new { version = 0, profile = Profile() }),
        ["POST /api/admission/candidates/{id:int}/course"] = new("/api/admission/candidates/{candidate}/course", _ => new { version = 0, certificateNumber = "1", date = Day }),
        ["POST /api/admission/candidates/{id:int}/application"] = new("/api/admission/candidates/{candidate}/application", _ => new { version = 0, applicationDate = Day, cvDate = Day }),
        ["POST /api/admission/candidates/{id:int}/introduction"] = new("/api/admission/candidates/{candidate}/introduction", _ => new { version = 0, kind = 1, date = Day }),
        ["POST /api/admission/candidates/{id:int}/verification"] = new("/api/admission/candidates/{candidate}/verification", _ => new { version = 0, date = Day }),
        ["POST /api/admission/candidates/{id:int}/cell-resolution"] = new("/api/admission/candidates/{candidate}/cell-resolution", _ => new { version = 0, date = Day, votesFor = 1 }),
        ["POST /api/admission/candidates/{id:int}/base-committee"] = new("/api/admission/candidates/{candidate}/base-committee", _ => new { version = 0, date = Day, agreed = true }),
        ["POST /api/admission/candidates/{id:int}/decision"] = new("/api/admission/candidates/{candidate}/decision", _ => new { version = 0, number = "1", date = Day }),
        ["POST /api/admission/candidates/{id:int}/ceremony"] = new("/api/admission/candidates/{candidate}/ceremony", _ => new { version = 0, date = Day }),
        ["POST /api/admission/candidates/{id:int}/new-member-course"] = new("/api/admission/candidates/{candidate}/new-member-course", _ => new { version = 0, certificateNumber = "1", date = Day }),
        ["POST /api/admission/candidates/{id:int}/recognition"] = new("/api/admission/candidates/{candidate}/recognition", _ => new { version = 0, date = Day, votesFor = 1, decisionNumber = "1", decisionDate = Day }),
        ["POST /api/admission/candidates/{id:int}/stop"] = new("/api/admission/candidates/{candidate}/stop", _ => new { version = 0, date = Day, reason = "thử" }),
        ["PUT /api/admission/targets/{org}/{year:int}"] = new("/api/admission/targets/{org}/2026", _ => new { target = Interlocked.Increment(ref _serial) }),
        ["POST /api/fees/payments"] = new("/api/fees/payments", t => new { memberId = t.Member, year = 2026, month = 5, group = 1, basis = 5_000_000, paidOn = Day }),
        ["GET /api/fees/arrears"] = new("/api/fees/arrears?org={org}&year=2026"),
        ["GET /api/fees/collection"] = new("/api/fees/collection?org={org}&year=2026&month=5"),
        ["POST /api/transfers/"] = new("/api/transfers/", t => new { memberId = t.Member, kind = 1, toCellId = t.Cell, letterNumber = "9", letterDate = Day }),
        ["POST /api/transfers/{id:int}/confirm"] = new("/api/transfers/{incoming}/confirm", _ => new { version = 0, date = Day }),
        ["POST /api/transfers/{id:int}/cancel"] = new("/api/transfers/{transfer}/cancel", _ => new { version = 0, date = Day, reason = "thử" }),
        ["GET /api/transfers/{id:int}/letter"] = new("/api/transfers/{transfer}/letter"),
        ["GET /api/transfers/overdue"] = new("/api/transfers/overdue?org={org}"),
        ["POST /api/transfers/export"] = new("/api/transfers/export", t => new { memberId = t.Member, memberVersion = t.MemberVersion, destination = "Tỉnh khác", letterNumber = "9", letterDate = Day }),
        ["POST /api/transfers/import"] = new("/api/transfers/import?cell={org}"),
        ["GET /api/procedures/kinds"] = new("/api/procedures/kinds", Targeted: false),
        ["POST /api/procedures/"] = new("/api/procedures/", _ => new { kind = "correction", corrections = new[] { new { field = "birthPlace", value = "Cần Thơ" } } }, Targeted: false),
        ["GET /api/procedures/mine"] = new("/api/procedures/mine", Targeted: false),
        ["GET /api/procedures/queue"] = new("/api/procedures/queue?org={org}"),
        ["GET /api/procedures/overdue"] = new("/api/procedures/overdue?org={org}"),
        ["GET /api/procedures/{id:int}"] = new("/api/procedures/{procedure}"),
        ["POST /api/procedures/{id:int}/approve"] = new("/api/procedures/{procedure}/approve", _ => new { version = 0 }),
        ["POST /api/procedures/{id:int}/reject"] = new("/api/procedures/{procedure}/reject", _ => new { version = 0, reason = "thử" }),
        ["POST /api/procedures/{id:int}/withdraw"] = new("/api/procedures/{procedure}/withdraw", _ => new { version = 0 }),
        ["GET /api/notifications/"] = new("/api/notifications/", Targeted: false),
        ["POST /api/notifications/read"] = new("/api/notifications/read", _ => new { }, Targeted: false),
        ["GET /thu-tuc"] = new("/thu-tuc", Targeted: false),
        ["GET /thu-tuc/{id:int}"] = new("/thu-tuc/{procedure}"),
        ["GET /thong-bao-ca-nhan"] = new("/thong-bao-ca-nhan", Targeted: false),
        ["GET /"] = new("/", Targeted: false),
        ["GET /Index"] = new("/Index", Targeted: false),
        ["GET /dang-vien"] = new("/dang-vien?org={org}"),
        ["GET /dang-vien/{id:int}"] = new("/dang-vien/{member}"),
        ["GET /Members/Import"] = new("/Members/Import?org={org}"),
        ["GET /nhat-ky"] = new("/nhat-ky?org={org}"),
        ["GET /tai-khoan"] = new("/tai-khoan", Targeted: false),
        ["GET /dang-xuat"] = new("/dang-xuat", Targeted: false),
        ["GET /khong-co-quyen"] = new("/khong-co-quyen", Targeted: false),
        ["GET /dang-nhap"] = new("/dang-nhap", Targeted: false),
        ["GET /to-chuc/{code?}"] = new("/to-chuc/{org}"),
        ["GET /to-chuc/{code}/co-cau"] = new("/to-chuc/{org}/co-cau"),
        ["GET /so-tay"] = new("/so-tay", Targeted: false),
        ["GET /so-tay/ho-so"] = new("/so-tay/ho-so", Targeted: false),
        ["GET /so-tay/tai-lieu"] = new("/so-tay/tai-lieu", Targeted: false),
        ["GET /so-tay/thong-bao"] = new("/so-tay/thong-bao", Targeted: false),
        ["GET /so-tay/sinh-hoat"] = new("/so-tay/sinh-hoat", Targeted: false),
        ["GET /so-tay/sinh-hoat/{id:long}"] = new("/so-tay/sinh-hoat/{meeting}"),
        ["GET /so-tay/sinh-hoat/lich-su"] = new("/so-tay/sinh-hoat/lich-su", Targeted: false),
        ["GET /so-tay/nhiem-vu"] = new("/so-tay/nhiem-vu", Targeted: false),
        ["GET /so-tay/dang-phi"] = new("/so-tay/dang-phi", Targeted: false),
        ["GET /api/documents/"] = new("/api/documents/?q=ke+hoach", Targeted: false),
        ["GET /api/documents/to-study"] = new("/api/documents/to-study", Targeted: false),
        ["GET /api/documents/{id:long}"] = new("/api/documents/{document}"),
        ["GET /api/documents/{id:long}/file"] = new("/api/documents/{document}/file"),
        ["GET /api/documents/{id:long}/studies"] = new("/api/documents/{document}/studies"),
        ["POST /api/documents/{id:long}/studied"] = new("/api/documents/{document}/studied", _ => new { }),
        ["POST /api/documents/"] = new("/api/documents/?org={org}"),
        ["DELETE /api/documents/{id:long}"] = new("/api/documents/{document}?version=99"),
        ["POST /api/documents/{id:long}/meetings"] = new("/api/documents/{document}/meetings", t => new { meetingId = t.Meeting }),
        ["DELETE /api/documents/{id:long}/meetings/{meetingId:long}"] = new("/api/documents/{document}/meetings/{meeting}"),
        ["GET /api/notices/"] = new("/api/notices/", Targeted: false),
        ["GET /api/notices/{id:long}"] = new("/api/notices/{notice}"),
        ["POST /api/notices/"] = new("/api/notices/", t => new { org = t.Org, title = "Thông báo thử", body = "Nội dung thử." }),
        ["DELETE /api/notices/{id:long}"] = new("/api/notices/{notice}?version=99"),
        ["GET /tai-lieu"] = new("/tai-lieu?q=ke+hoach", Targeted: false),
        ["GET /tai-lieu/{id:long}"] = new("/tai-lieu/{document}"),
        ["GET /tai-lieu/them"] = new("/tai-lieu/them?org={org}"),
        ["GET /thong-bao"] = new("/thong-bao", Targeted: false),

        // Discipline: bodies that bind and are then refused by a rule (400) or a stale version (409), so nothing changes.
        ["GET /api/discipline/"] = new("/api/discipline/?org={org}"),
        ["GET /api/discipline/appeals/overdue"] = new("/api/discipline/appeals/overdue?org={org}"),
        ["GET /api/discipline/decisions/{id:int}"] = new("/api/discipline/decisions/{decision}"),
        ["GET /api/discipline/cases/{id:int}"] = new("/api/discipline/cases/{case}"),
        ["POST /api/discipline/cases"] = new("/api/discipline/cases", t => new { kind = 1, memberId = t.Member, inspectingBody = 5, decisionNumber = "", openedOn = Day, content = "thử" }),
        ["POST /api/discipline/cases/{id:int}/findings"] = new("/api/discipline/cases/{case}/findings", _ => new { version = 0, concludedOn = Day, conclusion = 3, findings = "thử" }),
        ["POST /api/discipline/decisions"] = new("/api/discipline/decisions", t => new { memberId = t.Member, form = 1, decisionNumber = "", decidedOn = Day, decidingBody = 5, reason = "thử" }),
        ["POST /api/discipline/decisions/{id:int}/appeals"] = new("/api/discipline/decisions/{decision}/appeals", _ => new { filedOn = Day.AddYears(1), resolvingBody = 5 }),
        ["POST /api/discipline/appeals/{id:int}/resolution"] = new("/api/discipline/appeals/{appeal}/resolution", _ => new { version = 0, outcome = 1, resolvedOn = Day, resolutionNumber = "1" }),
        ["POST /api/members/{id:int}/exemption"] = new("/api/members/{member}/exemption", _ => new { version = 0, date = Day, decisionNumber = "1", level = "Chi bộ", ground = 1 }),
        ["POST /api/members/{id:int}/exemption/end"] = new("/api/members/{member}/exemption/end", _ => new { version = 0, date = Day, decisionNumber = "1", level = "Chi bộ" }),
        ["POST /api/members/{id:int}/strike-off"] = new("/api/members/{member}/strike-off", _ => new { version = 0, date = Day, decisionNumber = "1", level = "Đảng ủy" }),
        ["POST /api/members/{id:int}/removal"] = new("/api/members/{member}/removal", _ => new { version = 0, date = Day, decisionNumber = "1", level = "Đảng ủy" }),
        ["POST /api/members/{id:int}/death"] = new("/api/members/{member}/death", _ => new { version = 0, date = Day }),
        ["GET /api/members/exemptions/due"] = new("/api/members/exemptions/due?org={org}"),
        ["GET /api/members/strike-off-suggestions"] = new("/api/members/strike-off-suggestions?org={org}&year=2026"),
        ["GET /ky-luat"] = new("/ky-luat?org={org}"),
        ["GET /ky-luat/{id:int}"] = new("/ky-luat/{decision}"),
        ["GET /ky-luat/kiem-tra/{id:int}"] = new("/ky-luat/kiem-tra/{case}"),
        ["GET /ky-luat/kiem-tra/mo"] = new("/ky-luat/kiem-tra/mo?member={member}"),
        ["GET /ky-luat/kiem-tra/{id:int}/ket-luan"] = new("/ky-luat/kiem-tra/{case}/ket-luan"),
        ["GET /ky-luat/quyet-dinh/moi"] = new("/ky-luat/quyet-dinh/moi?member={member}"),
        ["GET /ky-luat/{id:int}/khieu-nai"] = new("/ky-luat/{decision}/khieu-nai"),
        ["GET /ky-luat/khieu-nai/{id:int}/giai-quyet"] = new("/ky-luat/khieu-nai/{appeal}/giai-quyet"),
        ["GET /dang-vien/{id:int}/quyet-dinh/{what}"] = new("/dang-vien/{member}/quyet-dinh/xoa-ten"),
        ["GET /de-nghi-xoa-ten"] = new("/de-nghi-xoa-ten?org={org}"),
        ["GET /mien-sinh-hoat"] = new("/mien-sinh-hoat?org={org}"),
        ["GET /ket-nap"] = new("/ket-nap?org={org}"),
        ["GET /ket-nap/gioi-thieu"] = new("/ket-nap/gioi-thieu?cell={org}"),
        ["GET /ket-nap/{id:int}"] = new("/ket-nap/{candidate}"),
        ["GET /chuyen-sinh-hoat"] = new("/chuyen-sinh-hoat?org={org}"),
        ["GET /chuyen-sinh-hoat/cap-giay"] = new("/chuyen-sinh-hoat/cap-giay?member={member}"),
        ["GET /chuyen-sinh-hoat/{id:int}/giay-gioi-thieu"] = new("/chuyen-sinh-hoat/{transfer}/giay-gioi-thieu"),
        ["GET /chuyen-sinh-hoat/nhan-goi"] = new("/chuyen-sinh-hoat/nhan-goi?cell={org}"),
        ["GET /dang-phi"] = new("/dang-phi?org={org}&year=2026&month=5"),
        ["GET /huy-hieu"] = new("/huy-hieu?org={org}"),
        ["GET /api/meetings/"] = new("/api/meetings/?cell={org}&year=2026"),
        ["GET /api/meetings/criteria"] = new("/api/meetings/criteria", Targeted: false),
        ["GET /api/meetings/{id:long}"] = new("/api/meetings/{meeting}"),
        ["POST /api/meetings/"] = new("/api/meetings/", t => new { cellId = t.Cell, date = Day, kind = 2, title = "Chuyên đề", agenda = "Chuyển đổi số", place = "Hội trường" }),
        ["POST /api/meetings/year"] = new("/api/meetings/year", t => new { cellId = t.Cell, year = Interlocked.Increment(ref _year), dayOfMonth = 5, place = "Nhà văn hóa" }),
        ["PUT /api/meetings/{id:long}/attendance"] = new("/api/meetings/{meeting}/attendance", _ => new { version = 0, entries = Array.Empty<object>() }),
        ["POST /api/meetings/{id:long}/hold"] = new("/api/meetings/{meeting}/hold", _ => new { version = 0, minutes = "Biên bản" }),
        ["POST /api/meetings/{id:long}/rating"] = new("/api/meetings/{meeting}/rating", _ => new { version = 0, scores = new Dictionary<string, int>() }),
        ["POST /api/meetings/{id:long}/cancel"] = new("/api/meetings/{meeting}/cancel", _ => new { version = 0, reason = "thử" }),
        ["GET /api/meetings/tasks"] = new("/api/meetings/tasks?cell={org}&year=2026"),
        ["POST /api/meetings/tasks"] = new("/api/meetings/tasks", t => new { cellId = t.Cell, memberId = t.Member, year = 2026, title = "Tuyên truyền", assignedOn = Day }),
        ["POST /api/meetings/tasks/{id:long}/result"] = new("/api/meetings/tasks/{task}/result", _ => new { version = 0, result = "Hoàn thành", completed = true, on = Day }),
        ["PUT /api/meetings/commitments"] = new("/api/meetings/commitments", t => new { entry = new { cellId = t.Cell, memberId = t.Member, year = 2026, actionProgramme = "Chương trình", commitment = "Cam kết", submittedOn = Day } }),
        ["PUT /api/meetings/residence-confirmations"] = new("/api/meetings/residence-confirmations", t => new { entry = new { cellId = t.Cell, memberId = t.Member, year = 2026, confirmedBy = "Chi bộ khu phố 3", confirmedOn = Day } }),
        ["GET /chi-bo/{code}/sinh-hoat"] = new("/chi-bo/{org}/sinh-hoat?year=2026"),
        ["GET /sinh-hoat/{id:long}"] = new("/sinh-hoat/{meeting}"),
        ["GET /chi-bo/{code}/nhiem-vu"] = new("/chi-bo/{org}/nhiem-vu?year=2026"),
        ["GET /chi-bo/{code}/nhiem-vu/{memberId:int}"] = new("/chi-bo/{org}/nhiem-vu/{member}?year=2026"),
        ["GET /bao-cao/sinh-hoat"] = new("/bao-cao/sinh-hoat?org={org}&year=2026"),

        // Ratings: no round is open in the samples' province, so each step is refused by a rule (400) or a stale version (409) before any level's act.
        ["GET /api/reports/ratings"] = new("/api/reports/ratings?org={org}&fromYear=2021&toYear=2025"),
        ["GET /api/reports/ratings/summary"] = new("/api/reports/ratings/summary?org={org}&fromYear=2021&toYear=2025"),
        ["GET /api/ratings/rounds"] = new("/api/ratings/rounds?org={org}&year=2026"),
        ["POST /api/ratings/rounds"] = new("/api/ratings/rounds", t => new { org = t.Org, year = 2026, reviewDate = new DateOnly(2025, 12, 15), deadline = Day }),
        ["POST /api/ratings/rounds/close"] = new("/api/ratings/rounds/close", t => new { org = t.Org, year = 2026, version = 99 }),
        ["GET /api/ratings/board"] = new("/api/ratings/board?org={org}&year=2026"),
        ["GET /api/ratings/members/{id:int}"] = new("/api/ratings/members/{member}?year=2026"),
        ["GET /api/ratings/orgs/{code}"] = new("/api/ratings/orgs/{org}?year=2026"),
        ["POST /api/ratings/members/{id:int}/proposal"] = new("/api/ratings/members/{member}/proposal", _ => new { year = 2026, version = 99, level = "HTTNV" }),
        ["POST /api/ratings/members/{id:int}/decision"] = new("/api/ratings/members/{member}/decision", _ => new { year = 2026, version = 99, level = "HTTNV", decisionNumber = "1", decidedOn = Day }),
        ["POST /api/ratings/members/{id:int}/return"] = new("/api/ratings/members/{member}/return", _ => new { year = 2026, version = 99, reason = "thử" }),
        ["POST /api/ratings/members/{id:int}/correction"] = new("/api/ratings/members/{member}/correction", _ => new { year = 2026, version = 99, level = "HTNV", decisionNumber = "1", decidedOn = Day, reason = "thử" }),
        ["POST /api/ratings/members/decisions"] = new("/api/ratings/members/decisions", t => new { cell = t.Org, year = 2026, decisionNumber = "", decidedOn = Day, lines = Array.Empty<object>() }),
        ["POST /api/ratings/orgs/{code}/proposal"] = new("/api/ratings/orgs/{org}/proposal", _ => new { year = 2026, version = 99, level = "HTTNV" }),
        ["POST /api/ratings/orgs/{code}/decision"] = new("/api/ratings/orgs/{org}/decision", _ => new { year = 2026, version = 99, level = "HTTNV", decisionNumber = "1", decidedOn = Day }),
        ["POST /api/ratings/orgs/{code}/return"] = new("/api/ratings/orgs/{org}/return", _ => new { year = 2026, version = 99, reason = "thử" }),
        ["POST /api/ratings/orgs/{code}/correction"] = new("/api/ratings/orgs/{org}/correction", _ => new { year = 2026, version = 99, level = "HTNV", decisionNumber = "1", decidedOn = Day, reason = "thử" }),
        ["POST /api/ratings/publication"] = new("/api/ratings/publication", t => new { org = t.Org, year = 2026, publishedOn = Day.AddYears(1) }),
        ["GET /api/ratings/mine"] = new("/api/ratings/mine", Targeted: false),
        ["POST /api/ratings/mine/self-assessment"] = new("/api/ratings/mine/self-assessment", _ => new { year = 2026, version = 0, text = "Tự kiểm điểm" }, Targeted: false),
        ["GET /api/ratings/follow-up"] = new("/api/ratings/follow-up?org={org}&year=2025"),
        ["GET /api/ratings/outstanding"] = new("/api/ratings/outstanding?org={org}&year=2025"),
        ["GET /api/ratings/four-good"] = new("/api/ratings/four-good?org={org}&year=2025"),
        ["POST /api/ratings/four-good/{code}"] = new("/api/ratings/four-good/{org}", _ => new { year = 2025, version = 99 }),
        ["POST /api/ratings/four-good/{code}/recognition"] = new("/api/ratings/four-good/{org}/recognition", _ => new { year = 2025, version = 99, decisionNumber = "1", recognizedOn = Day }),
        ["GET /api/ratings/rewards"] = new("/api/ratings/rewards?org={org}&year=2026"),
        ["POST /api/ratings/rewards"] = new("/api/ratings/rewards", t => new { memberId = t.Member, year = 2026, form = 1, title = "", decidingOrg = t.Org, decisionNumber = "1", decidedOn = Day }),
        ["GET /api/ratings/template.xlsx"] = new("/api/ratings/template.xlsx", Targeted: false),
        ["POST /api/ratings/import"] = new("/api/ratings/import?org={org}"),
        ["GET /xep-loai"] = new("/xep-loai?org={org}&year=2026"),
        ["GET /bao-cao/xep-loai"] = new("/bao-cao/xep-loai?org={org}&fromYear=2021&toYear=2025"),
        ["GET /so-tay/xep-loai"] = new("/so-tay/xep-loai", Targeted: false),
    };

    private sealed record Endpoint(string Key, string? Operation, bool Public);

    private static List<Endpoint> RouteTable(ChiBoApp app)
    {
        var list = new List<Endpoint>();
        foreach (var e in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var requires = e.Metadata.GetOrderedMetadata<RequiresAttribute>().LastOrDefault();
            var isPublic = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var method in methods)
            {
                list.Add(new Endpoint($"{method} /{e.RoutePattern.RawText!.TrimStart('/')}", requires?.Operation, isPublic));
            }
        }

        return list;
    }

    [Fact]
    public async Task EveryEndpoint_DeclaresAnOperationOrIsPublic_AndHasASample()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var app = new ChiBoApp(db);
        _ = app.Server;
        var endpoints = RouteTable(app);
        endpoints.Count.ShouldBeGreaterThan(40);
        endpoints.Where(e => e.Operation is null && !e.Public).Select(e => e.Key).ShouldBeEmpty("endpoints that declare no operation");
        endpoints.Select(e => e.Key).Where(k => !Samples.ContainsKey(k)).ShouldBeEmpty("endpoints without a sample request in this test");
        Samples.Keys.Where(k => endpoints.All(e => e.Key != k)).ShouldBeEmpty("samples of endpoints that no longer exist");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryRole_GetsWhatTheAccessTableSays_InsideItsSubtree_AndNotFoundOutside(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var mine = await TestData.SeedAsync(db, "T");
        await using var other = await TestData.SeedAsync(db, "U", "Khác");
        var clock = TestClock.On(TestData.Today);
        var inside = await TargetAsync(db, mine, clock);
        var outside = await TargetAsync(db, other, clock);
        await using var app = new ChiBoApp(db, clock);
        _ = app.Server;
        var endpoints = RouteTable(app).Where(e => !e.Public && e.Operation is not null).ToList();

        (Role Role, string Org, int? Member)[] accounts =
        [
            (Role.Admin, "root", null),
            (Role.ProvinceBoard, mine.Province.Code, null),
            (Role.Inspection, mine.Province.Code, null),
            (Role.SuperiorCommittee, mine.Commune.Code, null),
            (Role.BaseCommittee, mine.BaseCommittee.Code, null),
            (Role.CellCommittee, mine.CellOne.Code, null),
            (Role.Member, mine.CellOne.Code, mine.An.Id),
        ];
        var wrong = new List<string>();
        var writesAudited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (role, org, member) in accounts)
        {
            using var client = await app.SignedInAsync(Roles.NameOf(role), org, member);
            foreach (var endpoint in endpoints)
            {
                if (endpoint.Key is "POST /api/auth/logout")
                {
                    continue; // ends the session the rest of the loop needs; covered by SignInTests
                }

                var sample = Samples[endpoint.Key];
                var allowed = AccessTable.Allows(role, endpoint.Operation!);
                var isWrite = !endpoint.Key.StartsWith("GET ", StringComparison.Ordinal);
                var linesBefore = isWrite ? await AuditLinesAsync(db) : 0;
                var status = await SendAsync(client, endpoint.Key, sample, inside);
                if (isWrite && (int)status.Item1 is >= 200 and < 300)
                {
                    // Audit completeness: a write that succeeded left its lines.
                    writesAudited.Add(endpoint.Key);
                    if (await AuditLinesAsync(db) <= linesBefore)
                    {
                        wrong.Add($"{Roles.NameOf(role)} {endpoint.Key}: succeeded without an audit line");
                    }
                }

                var expected = allowed ? "permitted" : "denied";
                if (Outcome(status) != expected)
                {
                    wrong.Add($"{Roles.NameOf(role)} {endpoint.Key} inside: {status}, expected {expected}");
                }

                if (sample.Targeted && role != Role.Admin)
                {
                    var outStatus = await SendAsync(client, endpoint.Key, sample, outside);
                    var outExpected = allowed ? "not found" : "denied";
                    if (Outcome(outStatus) != outExpected)
                    {
                        wrong.Add($"{Roles.NameOf(role)} {endpoint.Key} outside: {outStatus}, expected {outExpected}");
                    }
                }
            }
        }

        wrong.ShouldBeEmpty();
        writesAudited.ShouldNotBeEmpty();
        TestContext.Current.SendDiagnosticMessage("Writes that succeeded and were audited: " + string.Join(", ", writesAudited.Order(StringComparer.Ordinal)));
    }

    private static async Task<int> AuditLinesAsync(TestDatabase database)
    {
        await using var db = database.Context();
        return db.AuditEntries.Count();
    }

    /// <summary>A page denied redirects to /khong-co-quyen; an API answers 403. Any other answer but 404 means the check let it through.</summary>
    private static string Outcome((HttpStatusCode Code, string? Location) r) => r switch
    {
        (HttpStatusCode.Forbidden, _) => "denied",
        (HttpStatusCode.Redirect, { } l) when l.Contains("/khong-co-quyen", StringComparison.Ordinal) => "denied",
        (HttpStatusCode.Unauthorized, _) => "signed out",
        (HttpStatusCode.Redirect, { } l) when l.Contains("/dang-nhap", StringComparison.Ordinal) => "signed out",
        (HttpStatusCode.NotFound, _) => "not found",
        ({ } c, _) when (int)c >= 500 => "error",
        _ => "permitted",
    };

    private static async Task<(HttpStatusCode, string?)> SendAsync(HttpClient client, string key, Sample sample, Target t)
    {
        var url = sample.Url.Replace("{org}", t.Org, StringComparison.Ordinal)
            .Replace("{member}", t.Member.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{candidate}", t.Candidate.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{transfer}", t.Transfer.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{incoming}", t.IncomingTransfer.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{procedure}", t.Procedure.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{document}", t.Document.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{meeting}", t.Meeting.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{notice}", t.Notice.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{case}", t.Case.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{decision}", t.Decision.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{appeal}", t.Appeal.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{task}", t.Task.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var method = new HttpMethod(key[..key.IndexOf(' ', StringComparison.Ordinal)]);
        using var request = new HttpRequestMessage(method, url);
        if (sample.Body?.Invoke(t) is { } body)
        {
            request.Content = JsonContent.Create(body);
        }
        else if (method != HttpMethod.Get)
        {
            request.Content = new MultipartFormDataContent();
        }

        using var response = await client.SendAsync(request, Ct);
        return (response.StatusCode, response.Headers.Location?.ToString());
    }

    /// <summary>
    /// A candidate in the province's first cell, two pending transfers, one out of it and one
    /// into it (confirming is the receiving cell's act), and a member's online procedure waiting at
    /// the cell, so that routes naming them find something.
    /// </summary>
    private static async Task<Target> TargetAsync(TestDatabase database, TestData data, TimeProvider clock)
    {
        await using var db = database.Context();
        var candidate = await new AdmissionCommands(db, clock, "test").NominateAsync(
            new CandidateNomination(Profile() with { FullName = "Quần Chúng " + data.Province.Code }, data.CellOne.Id, new DateOnly(2026, 1, 5)), Ct);
        var transfer = await new TransferCommands(db, clock, "test").IssueAsync(
            new TransferIssue(data.An.Id, TransferKind.Official, data.CellTwo.Id, "1-GGT/" + data.Province.Code, new DateOnly(2026, 6, 1)), Ct);
        await data.AddMembersAsync(data.CellTwo, 1);
        var arriving = db.Members.Where(m => m.CellId == data.CellTwo.Id && m.Status == MemberStatus.Official).OrderByDescending(m => m.Id).First();
        var incoming = await new TransferCommands(db, clock, "test").IssueAsync(
            new TransferIssue(arriving.Id, TransferKind.Official, data.CellOne.Id, "2-GGT/" + data.Province.Code, new DateOnly(2026, 6, 1)), Ct);
        // An open case, a decision of the cell and a pending appeal about An, for the discipline routes.
        var discipline = new ChiBo.Discipline.DisciplineCommands(db, clock, "test");
        var @case = await discipline.OpenCaseAsync(new ChiBo.Discipline.CaseOpening(
            ChiBo.Discipline.InspectionKind.ViolationSigns, data.An.Id, null, data.Province.Id, ChiBo.Discipline.DecidingBody.InspectionCommission,
            "1-QĐ/UBKT", new DateOnly(2026, 5, 4), null, "Kiểm tra khi có dấu hiệu vi phạm"), Ct);
        var decision = await discipline.DecideAsync(new ChiBo.Discipline.DecisionInput(
            data.An.Id, null, ChiBo.Discipline.DisciplineForm.Reprimand, "2-QĐ/CB", new DateOnly(2026, 6, 1), data.CellOne.Id,
            ChiBo.Discipline.DecidingBody.Cell, "Vi phạm chế độ sinh hoạt"), Ct);
        var appeal = await discipline.AppealAsync(decision.Id, new ChiBo.Discipline.AppealFiling(
            new DateOnly(2026, 6, 5), data.Province.Id, ChiBo.Discipline.DecidingBody.InspectionCommission, "Đề nghị xem xét lại"), Ct);
        var version = db.Members.Single(m => m.Id == data.An.Id).Version;
        var asAn = new OrgScope(0, "test", data.An.Id, [new ScopedRole(Role.Member, ChiBo.Organizations.Subtree.Of(data.CellOne), data.CellOne.Id)]);
        var procedure = await new ChiBo.Procedures.ProcedureCommands(db, clock, asAn, "test").StartAsync(
            new ChiBo.Procedures.ProcedureStart { Kind = ChiBo.Procedures.ProcedureKind.CardReissue, CardLoss = ChiBo.Procedures.CardLoss.Lost }, Ct);

        // A meeting of the cell this month (past, so its roll may be called), a task of An, a document and a notice of the first cell.
        var meetings = new MeetingCommands(db, clock);
        var meeting = await meetings.ScheduleAsync(new MeetingPlan { CellId = data.CellOne.Id, Date = new DateOnly(2026, 6, 10), Title = "Tháng 6", Place = "Ấp Một" }, Ct);
        var task = await meetings.AssignTaskAsync(new TaskAssignment(data.CellOne.Id, data.An.Id, 2026, "Phụ trách hộ", new DateOnly(2026, 1, 10), null), Ct);
        var document = await new DocumentCommands(db, clock, "test").UploadAsync(new DocumentUpload
        {
            OrganizationId = data.CellOne.Id, Kind = DocumentKind.Plan, Number = "1-KH/CB", IssuedOn = new DateOnly(2026, 6, 1),
            Issuer = "Chi bộ ấp Một", Title = "Kế hoạch học tập quý III", FileName = "ke-hoach.txt", ContentType = "text/plain",
            Content = System.Text.Encoding.UTF8.GetBytes("Kế hoạch học tập nghị quyết của chi bộ " + data.Province.Code),
        }, Ct);
        var notice = await new NoticeCommands(db, clock, "test").PostAsync(new NoticePost
        {
            OrganizationId = data.CellOne.Id, Title = "Họp chi bộ", Body = "Họp vào tối thứ Sáu.",
        }, Ct);
        return new Target(data.CellOne.Code, data.An.Id, candidate.Id, transfer.Id, incoming.Id, data.CellOne.Id, version)
        {
            Procedure = procedure.Id, Case = @case.Id, Decision = decision.Id, Appeal = appeal.Id, Document = document.Id, Meeting = meeting.Id, Task = task.Id, Notice = notice.Id,
        };
    }
}
