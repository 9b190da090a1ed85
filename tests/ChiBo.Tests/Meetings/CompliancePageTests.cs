using ChiBo.Meetings;
using ChiBo.Organizations;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Meetings;

/// <summary>
/// The compliance page over the three cells of <see cref="ComplianceWorlds"/> (A meets every month
/// and quarter, B misses March, C has no thematic meeting in Q2; a member of A absent without
/// reason three times): figures, chart, drill-down from the province to the cells.
/// </summary>
public sealed class CompliancePageTests(ComplianceWorlds worlds) : IClassFixture<ComplianceWorlds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Page_ShowsTheContractFigures_TheMonthlyChart_AndAgreesWithTheApi(string provider)
    {
        var (database, world) = await worlds.GetAsync(provider);
        await using var app = new ChiBoApp(database);
        using var admin = await app.SignedInAsync("admin");

        var (status, html) = await admin.HtmlAsync("/bao-cao/sinh-hoat?org=root&year=2025");

        status.ShouldBe(200);
        PageForms.Figure(html, "cells").ShouldBe("3");
        PageForms.Figure(html, "cellsMeetingEveryMonth").ShouldBe("2");
        PageForms.Figure(html, "meetings").ShouldBe("46");
        PageForms.Figure(html, "attendanceRate").ShouldBe("97,12 %");
        PageForms.Figure(html, "meetingsRatedGoodShare").ShouldBe("4,35 %");
        PageForms.Figure(html, "membersAssignedShare").ShouldBe("55,56 %");
        await CellLifePagesTests.PageAgreesWithApiAsync(admin, "root", 2025);

        // The chart: inline SVG with a title and description, a titled bar per month, no script.
        html.ShouldContain("<svg class=\"chart\"");
        html.ShouldContain("role=\"img\"");
        html.ShouldContain("Số buổi sinh hoạt và tỷ lệ đảng viên dự họp theo tháng, năm 2025</title>");
        html.ShouldContain("<title>Tháng 3/2025: 2 buổi (thường kỳ 2, chuyên đề 0)</title>");
        html.ShouldContain("<title>Tháng 5/2025: 5 buổi (thường kỳ 3, chuyên đề 2)</title>");
        html.ShouldNotContain("<script");

        // The months add up to the year.
        await using var db = database.Context();
        var report = await ComplianceReport.RunAsync(db, new OrgLookup(true, world.Province), 2025, ComplianceWorlds.AfterTheYear, byMonth: true, ct: Ct);
        report.ByMonth!.Sum(m => m.Meetings).ShouldBe(report.Meetings);
        ComplianceReport.Share(report.ByMonth!.Sum(m => m.MembersPresent), report.ByMonth!.Sum(m => m.MembersOnRoll)).ShouldBe(report.AttendanceRate);
        report.ByMonth![0].AttendanceRate.ShouldBe(ComplianceReport.Share(8, 9));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DrillDown_FromTheProvince_ReachesTheCellsThatFallShort_WorstFirst(string provider)
    {
        var (database, world) = await worlds.GetAsync(provider);
        await using var app = new ChiBoApp(database);
        using var admin = await app.SignedInAsync("admin");

        var (_, province) = await admin.HtmlAsync("/bao-cao/sinh-hoat?year=2025");
        province.ShouldContain($"href=\"/bao-cao/sinh-hoat?org={world.Commune.Code}&amp;year=2025\">Đảng bộ xã Mỹ Hòa</a>");
        var (_, commune) = await admin.HtmlAsync($"/bao-cao/sinh-hoat?org={world.Commune.Code}&year=2025");
        commune.ShouldContain($"href=\"/bao-cao/sinh-hoat?org={world.BaseCommittee.Code}&amp;year=2025\">Đảng bộ cơ sở xã Mỹ Hòa</a>");
        commune.ShouldContain(">Đảng bộ tỉnh Thử nghiệm</a>"); // the way back up

        var (status, baseOrg) = await admin.HtmlAsync($"/bao-cao/sinh-hoat?org={world.BaseCommittee.Code}&year=2025");
        status.ShouldBe(200);
        var table = baseOrg[baseOrg.IndexOf("id=\"cap-duoi\"", StringComparison.Ordinal)..baseOrg.IndexOf("id=\"chi-bo-chua-dat\"", StringComparison.Ordinal)];
        var (a, b, c) = (table.IndexOf(">Chi bộ ấp 1<", StringComparison.Ordinal), table.IndexOf(">Chi bộ ấp 2<", StringComparison.Ordinal), table.IndexOf(">Chi bộ ấp 3<", StringComparison.Ordinal));
        (b < c && c < a && b > 0).ShouldBeTrue("the two cells short of a rule come first, the compliant one last");
        baseOrg.ShouldContain("Chi bộ chưa sinh hoạt đủ (2)");
        baseOrg.ShouldContain(">tháng 3<");
        baseOrg.ShouldContain(">quý 2<");
        baseOrg.ShouldContain("Đảng viên vắng không lý do nhiều lần (1)");
        baseOrg.ShouldContain(">Trần Thị A1</a>");

        // Down to the cell: its missed month and the links to its own pages.
        var (_, cell) = await admin.HtmlAsync($"/bao-cao/sinh-hoat?org={world.Cells[1].Code}&year=2025");
        cell.ShouldContain("<dt>Tháng chưa sinh hoạt</dt><dd>tháng 3</dd>");
        cell.ShouldContain($"href=\"/chi-bo/{world.Cells[1].Code}/sinh-hoat?year=2025\"");
        await CellLifePagesTests.PageAgreesWithApiAsync(admin, world.Cells[1].Code, 2025);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Page_BadYearOrUnknownOrg_AnswersInVietnamese(string provider)
    {
        var (database, _) = await worlds.GetAsync(provider);
        await using var app = new ChiBoApp(database);
        using var admin = await app.SignedInAsync("admin");

        var (status, html) = await admin.HtmlAsync("/bao-cao/sinh-hoat?year=20x5");
        (status, html.Contains("Năm &quot;20x5&quot; không hợp lệ.", StringComparison.Ordinal)).ShouldBe((400, true));
        (status, html) = await admin.HtmlAsync("/bao-cao/sinh-hoat?org=XX.9&year=2025");
        (status, html.Contains("Không có tổ chức đảng mã &quot;XX.9&quot;", StringComparison.Ordinal)).ShouldBe((404, true));
    }
}
