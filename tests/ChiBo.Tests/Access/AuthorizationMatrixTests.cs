using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Access;
using ChiBo.Admission;
using ChiBo.Cadres;
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

    /// <summary>
    /// What a sample request acts on; {org}, {member}, {candidate}, {transfer}, {procedure}, {meeting}, {document}, {notice}, {case}, {decision}, {appeal}, {plantask}, {cell}, {committee}, {village}, {pool}, {poolEntry}, {planning}, {planningEntry}, {rotation}, {course}, {period} and {evaluation} are filled per target.
    /// <see cref="Acts"/>: for a workflow step, the roles that act at its level; the others the access
    /// table lets through are refused by the command (403).
    /// </summary>
    private sealed record Sample(string Url, Func<Target, object?>? Body = null, bool Targeted = true, Func<Role, bool>? Acts = null);

    /// <summary>The first cell's own committee (a step of the cell).</summary>
    private static bool AtTheCell(Role r) => r is Role.Admin or Role.CellCommittee;

    /// <summary>The đảng ủy cơ sở above the first cell.</summary>
    private static bool AtTheBase(Role r) => r is Role.Admin or Role.BaseCommittee;

    /// <summary>The committee above the base organization (cấp ủy có thẩm quyền): the commune.</summary>
    private static bool AtTheCompetentCommittee(Role r) => r is Role.Admin or Role.SuperiorCommittee;

    /// <summary>The province's root with Discipline.Write: its inspection commission (and the centre's decisions it records).</summary>
    private static bool AtTheProvince(Role r) => r is Role.Admin or Role.Inspection;

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
        public int Committee { get; init; }
        public int Village { get; init; }
        public int Pool { get; init; }
        public int PoolEntry { get; init; }
        public int Planning { get; init; }
        public int PlanningEntry { get; init; }
        public int Rotation { get; init; }
        public int Course { get; init; }
        public int Period { get; init; }
        public int Evaluation { get; init; }
        public string Plan { get; init; } = "";
        public int PlanTask { get; init; }
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
        ["POST /api/admission/candidates"] = new("/api/admission/candidates", t => new { profile = Profile(), cellId = t.Cell, nominatedOn = Day }, Acts: AtTheCell),
        ["POST /api/admission/candidates/{id:int}/profile"] = new("/api/admission/candidates/{candidate}/profile", _ => new { version = 0, profile = Profile() }, Acts: AtTheCell),
        ["POST /api/admission/candidates/{id:int}/course"] = new("/api/admission/candidates/{candidate}/course", _ => new { version = 0, certificateNumber = "1", date = Day }, Acts: AtTheCell),
        ["POST /api/admission/candidates/{id:int}/application"] = new("/api/admission/candidates/{candidate}/application", _ => new { version = 0, applicationDate = Day, cvDate = Day }, Acts: AtTheCell),
        ["POST /api/admission/candidates/{id:int}/introduction"] = new("/api/admission/candidates/{candidate}/introduction", _ => new { version = 0, kind = 1, date = Day }, Acts: AtTheCell),
        ["POST /api/admission/candidates/{id:int}/verification"] = new("/api/admission/candidates/{candidate}/verification", _ => new { version = 0, date = Day }, Acts: AtTheCell),
        ["POST /api/admission/candidates/{id:int}/cell-resolution"] = new("/api/admission/candidates/{candidate}/cell-resolution", _ => new { version = 0, date = Day, votesFor = 1 }, Acts: AtTheCell),
        ["POST /api/admission/candidates/{id:int}/base-committee"] = new("/api/admission/candidates/{candidate}/base-committee", _ => new { version = 0, date = Day, agreed = true }, Acts: AtTheBase),
        ["POST /api/admission/candidates/{id:int}/decision"] = new("/api/admission/candidates/{candidate}/decision", _ => new { version = 0, number = "1", date = Day }, Acts: AtTheCompetentCommittee),
        ["POST /api/admission/candidates/{id:int}/ceremony"] = new("/api/admission/candidates/{candidate}/ceremony", _ => new { version = 0, date = Day }, Acts: AtTheCell),
        ["POST /api/admission/candidates/{id:int}/new-member-course"] = new("/api/admission/candidates/{candidate}/new-member-course", _ => new { version = 0, certificateNumber = "1", date = Day }, Acts: AtTheCell),
        ["POST /api/admission/candidates/{id:int}/recognition"] = new("/api/admission/candidates/{candidate}/recognition", _ => new { version = 0, date = Day, votesFor = 1, decisionNumber = "1", decisionDate = Day }, Acts: AtTheCompetentCommittee),
        ["POST /api/admission/candidates/{id:int}/stop"] = new("/api/admission/candidates/{candidate}/stop", _ => new { version = 0, date = Day, reason = "thử" }, Acts: AtTheCell),
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
        ["GET /ke-hoach"] = new("/ke-hoach?org={org}&year=2026"),
        ["GET /ke-hoach/chi-tieu/{code}"] = new("/ke-hoach/chi-tieu/A?org={org}&year=2026"),
        ["GET /ke-hoach/nhiem-vu"] = new("/ke-hoach/nhiem-vu?org={org}&year=2026"),
        ["GET /ke-hoach/bao-cao"] = new("/ke-hoach/bao-cao?org={org}&year=2026&ky=q2"),
        ["GET /ke-hoach/nhiem-vu/{id:int}"] = new("/ke-hoach/nhiem-vu/{plantask}?org={org}&year=2026"),
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
        // The case and the decision are "by" the centre, the findings and the answer by the province's inspection commission.
        ["GET /api/discipline/"] = new("/api/discipline/?org={org}"),
        ["GET /api/discipline/appeals/overdue"] = new("/api/discipline/appeals/overdue?org={org}"),
        ["GET /api/discipline/decisions/{id:int}"] = new("/api/discipline/decisions/{decision}"),
        ["GET /api/discipline/cases/{id:int}"] = new("/api/discipline/cases/{case}"),
        ["POST /api/discipline/cases"] = new("/api/discipline/cases", t => new { kind = 1, memberId = t.Member, inspectingBody = 5, decisionNumber = "", openedOn = Day, content = "thử" }, Acts: AtTheProvince),
        ["POST /api/discipline/cases/{id:int}/findings"] = new("/api/discipline/cases/{case}/findings", _ => new { version = 0, concludedOn = Day, conclusion = 3, findings = "thử" }, Acts: AtTheProvince),
        ["POST /api/discipline/decisions"] = new("/api/discipline/decisions", t => new { memberId = t.Member, form = 1, decisionNumber = "", decidedOn = Day, decidingBody = 5, reason = "thử" }, Acts: AtTheProvince),
        ["POST /api/discipline/decisions/{id:int}/appeals"] = new("/api/discipline/decisions/{decision}/appeals", _ => new { filedOn = Day.AddYears(1), resolvingBody = 5 }),
        ["POST /api/discipline/appeals/{id:int}/resolution"] = new("/api/discipline/appeals/{appeal}/resolution", _ => new { version = 0, outcome = 1, resolvedOn = Day, resolutionNumber = "1" }, Acts: AtTheProvince),
        ["POST /api/members/{id:int}/exemption"] = new("/api/members/{member}/exemption", _ => new { version = 0, date = Day, decisionNumber = "1", ground = 1 }, Acts: AtTheCell),
        ["POST /api/members/{id:int}/exemption/end"] = new("/api/members/{member}/exemption/end", _ => new { version = 0, date = Day, decisionNumber = "1" }, Acts: AtTheCell),
        ["POST /api/members/{id:int}/strike-off"] = new("/api/members/{member}/strike-off", _ => new { version = 0, date = Day, decisionNumber = "1" }, Acts: AtTheCompetentCommittee),
        ["POST /api/members/{id:int}/removal"] = new("/api/members/{member}/removal", _ => new { version = 0, date = Day, decisionNumber = "1" }, Acts: AtTheCompetentCommittee),
        ["POST /api/members/{id:int}/death"] = new("/api/members/{member}/death", _ => new { version = 0, date = Day }, Acts: AtTheCell),
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

        // Cadre work: reads, and writes refused by a rule (400) or a stale version (409) unless noted.
        ["GET /api/reports/committees"] = new("/api/reports/committees?org={org}&level=base&asOf=2026-01-01"),
        ["GET /api/committees/"] = new("/api/committees/?org={org}&asOf=2026-06-01"),
        ["GET /api/committees/{id:int}"] = new("/api/committees/{committee}"),
        ["POST /api/committees/"] = new("/api/committees/", t => new { organization = t.Org, term = "2026–2031", congressOn = Day, termEndsOn = Day.AddYears(5), formation = 1, seats = 3, members = Array.Empty<object>() }),
        ["POST /api/committees/{id:int}/members"] = new("/api/committees/{committee}/members", t => new { version = 0, memberId = t.Member, position = 4, on = Day, reason = 3 }),
        ["POST /api/committees/{id:int}/members/{memberId:int}/end"] = new("/api/committees/{committee}/members/{member}/end", _ => new { version = 0, on = Day, reason = 4 }),
        ["POST /api/committees/{id:int}/members/{memberId:int}/position"] = new("/api/committees/{committee}/members/{member}/position", _ => new { version = 0, position = 2, on = Day }),
        ["GET /api/villages/"] = new("/api/villages/?org={org}"),
        ["POST /api/villages/"] = new("/api/villages/", t => new { commune = t.Org, kind = 4, name = "Ấp Thử", establishedOn = Day }),
        ["POST /api/villages/{id:int}/cells"] = new("/api/villages/{village}/cells", t => new { version = 0, cell = t.Org, from = Day }),
        ["POST /api/villages/{id:int}/cells/{cellId:int}/end"] = new("/api/villages/{village}/cells/{cell}/end", _ => new { version = 0, on = Day }),
        ["POST /api/villages/{id:int}/heads"] = new("/api/villages/{village}/heads", _ => new { version = 0, role = 1, fullName = "Trần Văn Trưởng", from = Day }),
        ["POST /api/villages/{id:int}/close"] = new("/api/villages/{village}/close", _ => new { version = 0, on = Day }),
        ["GET /api/cadres/{memberId:int}"] = new("/api/cadres/{member}"),
        ["PUT /api/cadres/{memberId:int}/profile"] = new("/api/cadres/{member}/profile", _ => new { version = 99, it = 1, retiredCadre = false, veteran = false }),
        ["GET /api/cadres/management-pools"] = new("/api/cadres/management-pools?org={org}"),
        ["POST /api/cadres/management-pools"] = new("/api/cadres/management-pools", t => new { organization = t.Org, name = "Diện thử" }),
        ["POST /api/cadres/management-pools/{id:int}/entries"] = new("/api/cadres/management-pools/{pool}/entries", t => new { memberId = t.Member, post = "", from = Day }),
        ["POST /api/cadres/management-pools/{id:int}/entries/{entryId:int}/end"] = new("/api/cadres/management-pools/{pool}/entries/{poolEntry}/end", _ => new { on = Day.AddYears(-30) }),
        ["GET /api/cadres/planning"] = new("/api/cadres/planning?org={org}"),
        ["POST /api/cadres/planning"] = new("/api/cadres/planning", t => new { organization = t.Org, title = 1, termFrom = 2030, termTo = 2020, approvedOn = Day }),
        ["POST /api/cadres/planning/{id:int}/candidates"] = new("/api/cadres/planning/{planning}/candidates", t => new { memberId = t.Member, on = Day }),
        ["POST /api/cadres/planning/{id:int}/candidates/{entryId:int}/remove"] = new("/api/cadres/planning/{planning}/candidates/{planningEntry}/remove", _ => new { on = Day, reason = "" }),
        ["GET /api/cadres/rotations"] = new("/api/cadres/rotations?org={org}"),
        ["POST /api/cadres/rotations"] = new("/api/cadres/rotations", t => new { managingOrg = t.Org, memberId = t.Member, kind = 1, fromOrg = t.Org, fromPost = "Chi ủy viên", toOrg = t.Org, toPost = "Bí thư", startsOn = Day, decisionNumber = "1-QĐ" }),
        ["POST /api/cadres/rotations/{id:int}/end"] = new("/api/cadres/rotations/{rotation}/end", _ => new { version = 0, on = Day }),
        ["GET /api/cadres/courses"] = new("/api/cadres/courses?org={org}"),
        ["POST /api/cadres/courses"] = new("/api/cadres/courses", t => new { organizer = t.Org, kind = 4, name = "", startsOn = Day, endsOn = Day }),
        ["POST /api/cadres/courses/{id:int}/attendance"] = new("/api/cadres/courses/{course}/attendance", _ => new { version = 0, lines = Array.Empty<object>() }),
        ["GET /api/cadres/training-coverage"] = new("/api/cadres/training-coverage?org={org}&asOf=2026-06-01"),
        ["POST /api/evaluations/templates"] = new("/api/evaluations/templates", t => new { poolId = t.Pool, name = "", validFrom = Day }),
        ["POST /api/evaluations/periods"] = new("/api/evaluations/periods", t => new { poolId = t.Pool, year = 2026, quarter = 2 }),
        ["GET /api/evaluations/periods/{id:int}"] = new("/api/evaluations/periods/{period}"),
        ["POST /api/evaluations/periods/{id:int}/state"] = new("/api/evaluations/periods/{period}/state", _ => new { version = 0, state = 2 }),
        ["GET /api/evaluations/{id:int}"] = new("/api/evaluations/{evaluation}"),
        ["PUT /api/evaluations/{id:int}/self"] = new("/api/evaluations/{evaluation}/self", _ => new { version = 0, scores = new Dictionary<string, decimal>(), on = Day }),
        ["PUT /api/evaluations/{id:int}/results"] = new("/api/evaluations/{evaluation}/results", _ => new { version = 0, scores = new Dictionary<string, decimal>(), products = Array.Empty<object>(), trustHigh = 0, trustMedium = 0, trustLow = 0 }),

        // Succeeds (one-time codes are written and audited).
        ["POST /api/evaluations/{id:int}/codes"] = new("/api/evaluations/{evaluation}/codes", _ => new { group = 4, count = 1 }),
        ["POST /api/evaluations/{id:int}/conclusion"] = new("/api/evaluations/{evaluation}/conclusion", _ => new { version = 0, conclusion = "Kết luận", on = Day }),
        ["POST /api/evaluations/feedback"] = new("/api/evaluations/feedback", _ => new { code = "KHONG-CO-MA", answers = new Dictionary<string, int>() }, Targeted: false),
        ["GET /api/evaluations/history/{memberId:int}"] = new("/api/evaluations/history/{member}"),
        ["GET /api/evaluations/behind"] = new("/api/evaluations/behind?org={org}&year=2026&quarter=2"),

        // Plans: a plan of the first cell with a computed and a manual indicator and one task.
        ["GET /api/plans/"] = new("/api/plans/?org={org}&year=2026"),
        ["GET /api/plans/status"] = new("/api/plans/status?org={org}&year=2026"),
        ["GET /api/plans/dashboard"] = new("/api/plans/dashboard?org={org}&year=2026"),
        ["GET /api/plans/tasks"] = new("/api/plans/tasks?org={org}&year=2026"),
        ["GET /api/plans/measures"] = new("/api/plans/measures", Targeted: false),
        ["POST /api/plans/import"] = new("/api/plans/import", t => new
        {
            plan = new { number = t.Plan, title = "Kế hoạch của chi bộ", org = t.Org, from = "2026-01-01", to = "2026-12-31" },
            indicators = new object[]
            {
                new { code = "A", numerator = "admitted", @operator = ">=", target = 1 },
                new { code = "M", manual = true, @operator = ">=", target = 1 },
            },
            tasks = new[] { new { no = 1, content = "Kết nạp đảng viên", lead = "Chi ủy", deadline = "Q4/2026" } },
        }),
        ["PUT /api/plans/allocations"] = new("/api/plans/allocations", t => new { plan = t.Plan, indicator = "A", org = t.Org, year = 2026, target = 2 }),
        ["PUT /api/plans/values"] = new("/api/plans/values", t => new { plan = t.Plan, indicator = "M", org = t.Org, year = 2026, numerator = 1, source = "Sổ của chi bộ" }),
        ["POST /api/plans/tasks/{id:int}/reports"] = new("/api/plans/tasks/{plantask}/reports", _ => new { status = "inProgress", progress = 10 }),

        // Ratings pages.
        ["GET /xep-loai"] = new("/xep-loai?org={org}&year=2026"),
        ["GET /bao-cao/xep-loai"] = new("/bao-cao/xep-loai?org={org}&fromYear=2021&toYear=2025"),
        ["GET /so-tay/xep-loai"] = new("/so-tay/xep-loai", Targeted: false),
        ["GET /xep-loai/bon-tot"] = new("/xep-loai/bon-tot?org={org}&year=2026"),
        ["GET /xep-loai/khen-thuong"] = new("/xep-loai/khen-thuong?org={org}&year=2026"),
        ["GET /xep-loai/tieu-bieu"] = new("/xep-loai/tieu-bieu?org={org}&year=2026"),
        ["GET /xep-loai/theo-doi"] = new("/xep-loai/theo-doi?org={org}&year=2026"),
        ["GET /xep-loai/ban-kiem-diem"] = new("/xep-loai/ban-kiem-diem?member={member}&year=2025"),
        ["GET /xep-loai/danh-sach"] = new("/xep-loai/danh-sach?org={org}&year=2025"),

        // Cadre work pages.
        ["GET /can-bo/cap-uy"] = new("/can-bo/cap-uy?org={org}"),
        ["GET /can-bo/cap-uy/{id:int}"] = new("/can-bo/cap-uy/{committee}"),
        ["GET /can-bo/co-cau"] = new("/can-bo/co-cau?org={org}&level=villageCell"),
        ["GET /can-bo/quy-hoach"] = new("/can-bo/quy-hoach?org={org}"),
        ["GET /can-bo/luan-chuyen"] = new("/can-bo/luan-chuyen?org={org}"),
        ["GET /can-bo/boi-duong"] = new("/can-bo/boi-duong?org={org}"),
        ["GET /can-bo/danh-gia"] = new("/can-bo/danh-gia?org={org}"),
        ["GET /can-bo/danh-gia/ky/{id:int}"] = new("/can-bo/danh-gia/ky/{period}"),
        ["GET /can-bo/danh-gia/{id:int}"] = new("/can-bo/danh-gia/{evaluation}"),
        ["GET /can-bo/danh-gia/can-bo/{memberId:int}"] = new("/can-bo/danh-gia/can-bo/{member}"),
        ["GET /can-bo/ho-so/{memberId:int}"] = new("/can-bo/ho-so/{member}"),
        ["GET /phieu-y-kien"] = new("/phieu-y-kien", Targeted: false),
        ["GET /thon"] = new("/thon?org={org}"),
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

                var expected = allowed && (sample.Acts?.Invoke(role) ?? true) ? "permitted" : "denied";
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

    /// <summary>
    /// Each step of admission, walked through the API on the test tree: the lowest level that acts
    /// there succeeds, and the account one level below — which the access table lets write members —
    /// is refused and leaves the file as it was.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AdmissionSteps_TheLowestLevelThatActsSucceeds_AndTheLevelBelowIsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(database);
        await data.AddMembersAsync(data.CellOne, 3);
        await using var app = new ChiBoApp(database, TestClock.On(TestData.Today));
        var desk = await Desk.OpenAsync(app, data);
        var steps = new Steps(database, "candidate");

        var profile = Profile() with { FullName = "Quần Chúng Ưu Tú" };
        var nominate = new { profile, cellId = data.CellOne.Id, nominatedOn = new DateOnly(2025, 1, 6) };
        await steps.RefusedAsync(desk.Member, "/api/admission/candidates", nominate, HttpStatusCode.Forbidden);
        await steps.RefusedAsync(desk.OtherCell, "/api/admission/candidates", nominate, HttpStatusCode.NotFound);
        await steps.RefusedAsync(desk.Board, "/api/admission/candidates", nominate, HttpStatusCode.Forbidden);
        await steps.DoneAsync(desk.Cell, "/api/admission/candidates", nominate);
        int id;
        await using (var db = database.Context())
        {
            id = db.Candidates.Single(c => c.FullName == "Quần Chúng Ưu Tú").Id;
        }

        steps.Candidate = id;
        var introducers = await OfficialsAsync(database, data.CellOne.Id, 2);
        var url = $"/api/admission/candidates/{id}";
        (string Path, Func<int, object> Body, HttpClient Lowest, HttpClient Below)[] walk =
        [
            ("/course", v => new { version = v, certificateNumber = "12/GCN", date = new DateOnly(2025, 2, 3) }, desk.Cell, desk.Member),
            ("/application", v => new { version = v, applicationDate = new DateOnly(2025, 2, 10), cvDate = new DateOnly(2025, 2, 10) }, desk.Cell, desk.Member),
            ("/introduction", v => new
            {
                version = v, kind = 1, date = new DateOnly(2025, 2, 17),
                introducers = introducers.Select(m => new { memberId = m, knownSince = new DateOnly(2020, 1, 1) }).ToArray(),
            }, desk.Cell, desk.Member),
            ("/verification", v => new { version = v, date = new DateOnly(2025, 3, 3) }, desk.Cell, desk.Member),
            ("/cell-resolution", v => new { version = v, date = new DateOnly(2025, 3, 10), votesFor = 4 }, desk.Cell, desk.Member),
            ("/base-committee", v => new { version = v, date = new DateOnly(2025, 3, 17), agreed = true }, desk.Base, desk.Cell),
            ("/decision", v => new { version = v, number = "9-QĐ/ĐU", date = new DateOnly(2025, 3, 24) }, desk.Superior, desk.Base),
            ("/ceremony", v => new { version = v, date = new DateOnly(2025, 4, 1) }, desk.Cell, desk.Member),
            ("/new-member-course", v => new { version = v, certificateNumber = "40/GCN", date = new DateOnly(2025, 5, 1) }, desk.Cell, desk.Member),
            ("/recognition", v => new
            {
                version = v, date = new DateOnly(2026, 4, 15), votesFor = 4, decisionNumber = "30-QĐ/ĐU", decisionDate = new DateOnly(2026, 4, 20),
            }, desk.Superior, desk.Base),
        ];
        foreach (var (path, body, lowest, below) in walk)
        {
            var version = await steps.VersionAsync();
            await steps.RefusedAsync(below, url + path, body(version), HttpStatusCode.Forbidden);
            await steps.DoneAsync(lowest, url + path, body(version));
        }

        await using (var db = database.Context())
        {
            var c = db.Candidates.Single(x => x.Id == id);
            c.Step.ShouldBe(CandidateStep.Official);
            db.Members.Single(m => m.Id == c.MemberId).Status.ShouldBe(MemberStatus.Official);
        }

        // A file is stopped by the level of its next step: here the cell's.
        await steps.DoneAsync(desk.Cell, "/api/admission/candidates", nominate with { profile = Profile() with { FullName = "Quần Chúng Dừng" } });
        await using (var db = database.Context())
        {
            steps.Candidate = db.Candidates.Single(c => c.FullName == "Quần Chúng Dừng").Id;
        }

        var stop = new { version = await steps.VersionAsync(), date = new DateOnly(2025, 2, 1), reason = "Chuyển công tác" };
        await steps.RefusedAsync(desk.Member, $"/api/admission/candidates/{steps.Candidate}/stop", stop, HttpStatusCode.Forbidden);
        await steps.RefusedAsync(desk.Base, $"/api/admission/candidates/{steps.Candidate}/stop", stop, HttpStatusCode.Forbidden);
        await steps.DoneAsync(desk.Cell, $"/api/admission/candidates/{steps.Candidate}/stop", stop);
    }

    /// <summary>
    /// Miễn, thôi miễn, xóa tên, cho ra khỏi Đảng, từ trần: each by the level <see cref="StandingPolicy"/>
    /// names, recorded "by" that level whatever level the request types; the level below is refused.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MemberLifeDecisions_TheLowestLevelThatActsSucceeds_AndTheLevelBelowIsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(database);
        await data.AddMembersAsync(data.CellOne, 4);
        await using var app = new ChiBoApp(database, TestClock.On(TestData.Today));
        var desk = await Desk.OpenAsync(app, data);
        var steps = new Steps(database, "member");
        var ids = await OfficialsAsync(database, data.CellOne.Id, 5);
        var (exempted, struck, removed, died) = (ids[1], ids[2], ids[3], ids[4]);
        var day = new DateOnly(2026, 6, 1);

        async Task StepAsync(int member, string action, Func<int, object> body, HttpClient lowest, params HttpClient[] refused)
        {
            steps.Member = member;
            foreach (var below in refused)
            {
                await steps.RefusedAsync(below, $"/api/members/{member}/{action}", body(await steps.VersionAsync()), HttpStatusCode.Forbidden);
            }

            await steps.DoneAsync(lowest, $"/api/members/{member}/{action}", body(await steps.VersionAsync()));
        }

        // The cell decides an exemption: neither a member nor the committees above write it in its place.
        await StepAsync(exempted, "exemption", v => new { version = v, date = day, decisionNumber = "3-NQ/CB", ground = 1 }, desk.Cell, desk.Member, desk.Base);
        await StepAsync(exempted, "exemption/end", v => new { version = v, date = day.AddDays(10), decisionNumber = "4-NQ/CB" }, desk.Cell, desk.Member, desk.Base);

        // Xóa tên and cho ra khỏi Đảng: the committee competent to admit (the commune), not the base committee; a typed level is not read.
        await StepAsync(struck, "strike-off", v => new { version = v, date = day, decisionNumber = "15-QĐ/ĐU", level = "Trung ương" }, desk.Superior, desk.Base, desk.Cell);
        await StepAsync(removed, "removal", v => new { version = v, date = day, decisionNumber = "16-QĐ/ĐU" }, desk.Superior, desk.Base, desk.Cell);
        await StepAsync(died, "death", v => new { version = v, date = day }, desk.Cell, desk.Member);

        await using var db = database.Context();
        var by = db.MemberEvents.Where(e => e.MemberId == exempted || e.MemberId == struck || e.MemberId == removed || e.MemberId == died)
            .Where(e => e.Kind != MemberEventKind.Admitted).ToDictionary(e => e.Kind, e => e.DecidedBy);
        by[MemberEventKind.Exempted].ShouldBe("Chi bộ ấp Một");
        by[MemberEventKind.StruckOff].ShouldBe("Ban Thường vụ Đảng ủy xã An Hòa");
        by[MemberEventKind.Removed].ShouldBe("Ban Thường vụ Đảng ủy xã An Hòa");
        by[MemberEventKind.Died].ShouldBeNull();
    }

    /// <summary>
    /// Kiểm tra, kết luận, quyết định kỷ luật at each level (cell, base, commune, province, centre) and
    /// the answer to an appeal: the lowest account that acts there succeeds, the one below is refused;
    /// a dissolution moves members only to a cell of the deciding account's subtree.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DisciplineSteps_TheLowestLevelThatActsSucceeds_AndTheLevelBelowIsRefused(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(database);
        await using var app = new ChiBoApp(database, TestClock.On(TestData.Today));
        var desk = await Desk.OpenAsync(app, data);
        var steps = new Steps(database, "discipline");

        (string Name, string? Org, int Body, HttpClient Lowest, HttpClient Below)[] levels =
        [
            ("cell", data.CellOne.Code, 1, desk.Base, desk.Cell),
            ("base", data.BaseCommittee.Code, 2, desk.Base, desk.Cell),
            ("commune", data.Commune.Code, 3, desk.Superior, desk.Base),
            ("province", data.Province.Code, 4, desk.Inspection, desk.Superior),
            ("centre", null, 5, desk.Inspection, desk.Superior),
        ];
        var decisions = new Dictionary<string, int>();
        foreach (var (name, org, body, lowest, below) in levels)
        {
            var opening = new
            {
                kind = 1, memberId = data.An.Id, inspectingOrg = org, inspectingBody = body, decisionNumber = $"1-QĐ/{name}", openedOn = new DateOnly(2026, 5, 4),
                content = "Kiểm tra khi có dấu hiệu vi phạm",
            };
            await steps.RefusedAsync(below, "/api/discipline/cases", opening, HttpStatusCode.Forbidden);
            var caseId = (await steps.DoneAsync(lowest, "/api/discipline/cases", opening)).GetProperty("id").GetInt32();
            var findings = new { version = 1, concludedOn = new DateOnly(2026, 5, 20), conclusion = 3, findings = "Vi phạm chế độ sinh hoạt" };
            await steps.RefusedAsync(below, $"/api/discipline/cases/{caseId}/findings", findings, HttpStatusCode.Forbidden);
            await steps.DoneAsync(lowest, $"/api/discipline/cases/{caseId}/findings", findings);
            var decision = new
            {
                memberId = data.An.Id, form = 1, decisionNumber = $"2-QĐ/{name}", decidedOn = new DateOnly(2026, 6, 1), decidingOrg = org, decidingBody = body,
                reason = "Vi phạm chế độ sinh hoạt",
            };
            await steps.RefusedAsync(below, "/api/discipline/decisions", decision, HttpStatusCode.Forbidden);
            decisions[name] = (await steps.DoneAsync(lowest, "/api/discipline/decisions", decision)).GetProperty("id").GetInt32();
        }

        // An appeal is answered by the level it went to; the level complained about (or one below) is refused.
        (string Decision, string Org, int Body, HttpClient Lowest, HttpClient Below)[] appeals =
        [
            ("cell", data.BaseCommittee.Code, 2, desk.Base, desk.Cell),
            ("base", data.Commune.Code, 3, desk.Superior, desk.Base),
            ("commune", data.Province.Code, 4, desk.Inspection, desk.Superior),
            ("province", "", 5, desk.Inspection, desk.Superior),
        ];
        foreach (var (decision, org, body, lowest, below) in appeals)
        {
            var filed = await steps.DoneAsync(lowest, $"/api/discipline/decisions/{decisions[decision]}/appeals", new
            {
                filedOn = new DateOnly(2026, 6, 5), resolvingOrg = org.Length == 0 ? null : org, resolvingBody = body, content = "Đề nghị xem xét lại",
            });
            var answer = new { version = 1, outcome = 1, resolvedOn = new DateOnly(2026, 6, 20), resolutionNumber = $"5-QĐ/{decision}" };
            var appeal = filed.GetProperty("id").GetInt32();
            await steps.RefusedAsync(below, $"/api/discipline/appeals/{appeal}/resolution", answer, HttpStatusCode.Forbidden);
            await steps.DoneAsync(lowest, $"/api/discipline/appeals/{appeal}/resolution", answer);
        }

        // Giải tán of the second cell by the commune: its members go to a cell of the commune's subtree, not of another's.
        var dissolve = new
        {
            organization = data.CellTwo.Code, form = 5, decisionNumber = "7-QĐ/ĐU", decidedOn = new DateOnly(2026, 6, 1), decidingOrg = data.Commune.Code,
            decidingBody = 2, reason = "Không còn đủ điều kiện hoạt động", moveMembersToCell = data.SchoolCell.Code,
        };
        var elsewhere = await steps.RefusedAsync(desk.Superior, "/api/discipline/decisions", dissolve, HttpStatusCode.BadRequest);
        elsewhere.GetProperty("field").GetString().ShouldBe("MoveMembersToCellId");
        await steps.DoneAsync(desk.Superior, "/api/discipline/decisions", dissolve with { moveMembersToCell = data.CellOne.Code });
        await using var db = database.Context();
        db.Members.Single(m => m.Id == data.Anh.Id).CellId.ShouldBe(data.CellOne.Id);
    }

    /// <summary>The accounts of the test tree, one per level, signed in once.</summary>
    private sealed record Desk(HttpClient Member, HttpClient Cell, HttpClient OtherCell, HttpClient Base, HttpClient Superior, HttpClient Board, HttpClient Inspection)
    {
        public static async Task<Desk> OpenAsync(ChiBoApp app, TestData data) => new(
            await app.SignedInAsync("member", data.CellOne.Code, data.An.Id),
            await app.SignedInAsync("cell-committee", data.CellOne.Code),
            await app.SignedInAsync("cell-committee", data.CellTwo.Code),
            await app.SignedInAsync("base-committee", data.BaseCommittee.Code),
            await app.SignedInAsync("superior-committee", data.Commune.Code),
            await app.SignedInAsync("province-board", data.Province.Code),
            await app.SignedInAsync("inspection", data.Province.Code));
    }

    /// <summary>
    /// Posts the steps of a workflow: a refusal must answer the expected status and leave the record
    /// and the audit log's count of writes as they were; a step done must answer 200.
    /// </summary>
    private sealed class Steps(TestDatabase database, string what)
    {
        public int Candidate { get; set; }
        public int Member { get; set; }

        public async Task<int> VersionAsync()
        {
            await using var db = database.Context();
            return what == "candidate"
                ? db.Candidates.Single(c => c.Id == Candidate).Version
                : db.Members.Single(m => m.Id == Member).Version;
        }

        public async Task<JsonElement> RefusedAsync(HttpClient client, string url, object body, HttpStatusCode expected)
        {
            var before = await WritesAsync();
            using var response = await client.PostAsJsonAsync(url, body, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            response.StatusCode.ShouldBe(expected, $"{url}: {text}");
            (await WritesAsync()).ShouldBe(before, $"{url} was refused but wrote");
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }

        public async Task<JsonElement> DoneAsync(HttpClient client, string url, object body)
        {
            using var response = await client.PostAsJsonAsync(url, body, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        /// <summary>Audit lines of writes (reads and sign-ins aside): a refused step adds none.</summary>
        private async Task<int> WritesAsync()
        {
            await using var db = database.Context();
            return db.AuditEntries.Count(e => e.Action == "insert" || e.Action == "update" || e.Action == "delete");
        }
    }

    /// <summary>Official members of a cell, by id, the first <paramref name="count"/>.</summary>
    private static async Task<int[]> OfficialsAsync(TestDatabase database, int cellId, int count)
    {
        await using var db = database.Context();
        return db.Members.Where(m => m.CellId == cellId && m.Status == MemberStatus.Official).OrderBy(m => m.Id).Select(m => m.Id).Take(count).ToArray();
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
            .Replace("{task}", t.Task.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{cell}", t.Cell.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{committee}", t.Committee.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{village}", t.Village.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{pool}", t.Pool.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{poolEntry}", t.PoolEntry.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{planning}", t.Planning.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{planningEntry}", t.PlanningEntry.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{rotation}", t.Rotation.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{course}", t.Course.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{period}", t.Period.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{evaluation}", t.Evaluation.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{plantask}", t.PlanTask.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
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
        var candidate = await new AdmissionCommands(db, clock, OrgScope.System, "test").NominateAsync(
            new CandidateNomination(Profile() with { FullName = "Quần Chúng " + data.Province.Code }, data.CellOne.Id, new DateOnly(2026, 1, 5)), Ct);
        var transfer = await new TransferCommands(db, clock, OrgScope.System, "test").IssueAsync(
            new TransferIssue(data.An.Id, TransferKind.Official, data.CellTwo.Id, "1-GGT/" + data.Province.Code, new DateOnly(2026, 6, 1)), Ct);
        await data.AddMembersAsync(data.CellTwo, 1);
        var arriving = db.Members.Where(m => m.CellId == data.CellTwo.Id && m.Status == MemberStatus.Official).OrderByDescending(m => m.Id).First();
        var incoming = await new TransferCommands(db, clock, OrgScope.System, "test").IssueAsync(
            new TransferIssue(arriving.Id, TransferKind.Official, data.CellOne.Id, "2-GGT/" + data.Province.Code, new DateOnly(2026, 6, 1)), Ct);
        // An open case, a decision of the cell and a pending appeal about An, for the discipline routes.
        var discipline = new ChiBo.Discipline.DisciplineCommands(db, clock, OrgScope.System, "test");
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
        var planNumber = "1-KH/" + data.Province.Code;
        await new ChiBo.Plans.PlanCommands(db, clock, OrgScope.System, "test").ImportAsync(ChiBo.Plans.PlanFile.Parse($$"""
            {"plan": {"number": "{{planNumber}}", "org": "{{data.CellOne.Code}}", "from": "2026-01-01", "to": "2026-12-31"},
             "indicators": [{"code": "A", "numerator": "admitted", "operator": ">=", "target": 1}, {"code": "M", "manual": true, "operator": ">=", "target": 1}],
             "tasks": [{"no": 1, "content": "Kết nạp đảng viên", "lead": "Chi ủy", "deadline": "Q4/2026"}]}
            """), Ct);
        var planTask = db.PlanTasks.Single(x => x.No == 1 && db.Plans.Any(p => p.Id == x.PlanId && p.Number == planNumber)).Id;
        var cadres = await CadreTargetAsync(db, data, clock);
        return new Target(data.CellOne.Code, data.An.Id, candidate.Id, transfer.Id, incoming.Id, data.CellOne.Id, version)
        {
            Procedure = procedure.Id, Case = @case.Id, Decision = decision.Id, Appeal = appeal.Id, Document = document.Id, Meeting = meeting.Id, Task = task.Id, Notice = notice.Id,
            Committee = cadres.Committee, Village = cadres.Village, Pool = cadres.Pool, PoolEntry = cadres.PoolEntry, Planning = cadres.Planning,
            PlanningEntry = cadres.PlanningEntry, Rotation = cadres.Rotation, Course = cadres.Course, Period = cadres.Period, Evaluation = cadres.Evaluation,
            Plan = planNumber, PlanTask = planTask,
        };
    }

    /// <summary>
    /// The first cell's committee with An as secretary and a village it covers; the commune's
    /// management pool with An in it, its template and this quarter's evaluation; a planning pool,
    /// a rotation and a course of the commune, so that routes naming them find something.
    /// </summary>
    private static async Task<Target> CadreTargetAsync(ChiBo.Data.ChiBoDb db, TestData data, TimeProvider clock)
    {
        var system = OrgScope.System;
        var committee = await new CommitteeCommands(db, clock, system, "test").FormAsync(new CommitteeForming(
            data.CellOne.Id, "2025–2030", new DateOnly(2025, 4, 1), new DateOnly(2030, 4, 1), CommitteeFormation.Elected, 3, "1-QĐ/ĐU",
            [new CommitteeSeat(data.An.Id, CommitteePosition.Secretary)]), Ct);
        var villages = new ChiBo.Villages.VillageCommands(db, clock, system);
        var village = await villages.AddAsync(new ChiBo.Villages.VillageNew(data.Commune.Id, ChiBo.Villages.VillageKind.Ap, "Ấp Một", new DateOnly(1990, 1, 1)), Ct);
        await villages.CoverAsync(village.Id, village.Version, data.CellOne.Id, new DateOnly(1990, 1, 1), Ct);
        var cadres = new CadreCommands(db, clock, system, "test");
        var pool = await cadres.AddManagementPoolAsync(new ManagementPoolNew(data.Commune.Id, "Diện Ban Thường vụ Đảng ủy xã quản lý"), Ct);
        var entry = await cadres.AddToManagementPoolAsync(pool.Id, new PoolEntryNew(data.An.Id, "Bí thư Chi bộ ấp Một", new DateOnly(2025, 4, 1)), Ct);
        var planning = await cadres.AddPlanningPoolAsync(new PlanningPoolNew(data.CellOne.Id, CommitteePosition.Secretary, 2030, 2035, new DateOnly(2026, 1, 10), "2-QĐ/ĐU"), Ct);
        var candidate = await cadres.AddCandidateAsync(planning.Id, data.An.Id, new DateOnly(2026, 1, 10), Ct);
        var rotation = await cadres.AddRotationAsync(new RotationNew(
            data.Commune.Id, data.An.Id, RotationKind.Transfer, data.CellOne.Id, "Chi ủy viên", data.CellTwo.Id, "Bí thư chi bộ",
            new DateOnly(2026, 2, 1), new DateOnly(2027, 2, 1), "5-QĐ/ĐU"), Ct);
        var course = await cadres.AddCourseAsync(new CourseNew(data.Commune.Id, TrainingKind.PartyWork, "Bồi dưỡng nghiệp vụ công tác Đảng", "Trung tâm Chính trị xã",
            new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 5)), Ct);
        var evaluations = new EvaluationCommands(db, clock, system);
        await evaluations.AddTemplateAsync(pool.Id, new TemplateNew("Bộ tiêu chí quý", new DateOnly(2026, 1, 1),
            [new("ket-qua", "Kết quả thực hiện nhiệm vụ", EvaluationComponent.WorkResults, 60), new("cap-tren", "Ý kiến cấp trên", EvaluationComponent.Superiors, 40)],
            [new(80, "Tốt", "Động viên", false), new(0, "Chưa đạt", "Nhắc nhở", true)]), "test", Ct);
        var period = await evaluations.OpenPeriodAsync(pool.Id, 2026, 2, Ct);
        var evaluation = db.CadreEvaluations.Single(e => e.PeriodId == period.Id);
        return new Target(data.CellOne.Code, data.An.Id, 0, 0, 0, data.CellOne.Id, 0)
        {
            Committee = committee.Id, Village = village.Id, Pool = pool.Id, PoolEntry = entry.Id, Planning = planning.Id, PlanningEntry = candidate.Id,
            Rotation = rotation.Id, Course = course.Id, Period = period.Id, Evaluation = evaluation.Id,
        };
    }
}
