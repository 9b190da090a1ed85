using System.Net;
using ChiBo.Fees;
using ChiBo.Members;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChiBo.Tests.Infrastructure.PageForm;

namespace ChiBo.Tests.Fees;

/// <summary>The fee page through HTTP: a cell's month recorded in one form (all or nothing), the collection, shares, arrears and year above it.</summary>
public sealed class FeePagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Policy_LongTermAllowancesPayHalfAPercent_AndTheSharesAlongAChainAddUpToTheAmount()
    {
        FeePolicy.Amount(FeeGroup.LongTermAllowance, 3_000_000).ShouldBe(15_000);
        FeePolicy.UsesBasis(FeeGroup.LongTermAllowance).ShouldBeTrue();
        var chain = new[] { ChiBo.Organizations.OrgKind.Cell, ChiBo.Organizations.OrgKind.BaseCommittee, ChiBo.Organizations.OrgKind.SuperiorToBase, ChiBo.Organizations.OrgKind.Province };
        FeePolicy.Shares(chain, 75_000).Select(s => s.Kept).ShouldBe([22_500L, 26_250L, 13_125L, 13_125L]);
        var baseCell = new[] { ChiBo.Organizations.OrgKind.BaseCell, ChiBo.Organizations.OrgKind.SuperiorToBase, ChiBo.Organizations.OrgKind.Province };
        FeePolicy.Shares(baseCell, 10_001).Select(s => s.Kept).ShouldBe([5_001L, 2_500L, 2_500L]);
        FeePolicy.Shares(baseCell, 10_001).Sum(s => s.Kept).ShouldBe(10_001);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CellMonth_IsRecordedInOneForm_AllOrNothing_AndTheLevelsSeeCollectionSharesAndArrears(string provider)
    {
        await using var w = await World.CreateAsync(provider, new DateOnly(2025, 6, 15));
        var an = await w.RegisterAsync(w.Cell1, "Nguyễn Văn Lương", new DateOnly(2010, 1, 5), new DateOnly(2011, 1, 5));
        var binh = await w.RegisterAsync(w.Cell1, "Lê Thị Sinh Viên", new DateOnly(2010, 1, 5), new DateOnly(2011, 1, 5), Gender.Female);
        var chi = await w.RegisterAsync(w.Cell1, "Trần Văn Hưu", new DateOnly(2010, 1, 5), new DateOnly(2011, 1, 5));
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var cell = await app.SignedInAsync("cell-committee", "AG.01.01.01");
        var page = "/dang-phi?org=AG.01.01.01&year=2025&month=5";

        var month = await GetAsync(cell, page);
        month.Status.ShouldBe(HttpStatusCode.OK);
        month.Html.ShouldContain("<b class=\"num\">0/3</b><span>Đã nộp tháng 5</span>");
        month.Html.ShouldContain($"name=\"Pay\" value=\"{an.Id}\"");
        month.Html.ShouldContain("Hưởng lương, đóng BHXH (1 % tiền lương đóng BHXH tháng trước)");
        month.Html.ShouldContain("Học sinh, sinh viên (5.000 đ/tháng)");

        // One row without its wage: nothing is written, the row says why.
        var refused = await PostAsync(cell, page, Fields(
            ("Pay", $"{an.Id}"), ($"Group_{an.Id}", "insured"), ($"Basis_{an.Id}", "5.000.000"),
            ("Pay", $"{chi.Id}"), ($"Group_{chi.Id}", "pensioner"), ($"Basis_{chi.Id}", ""),
            ("PaidOn", "2025-06-10")));
        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.FieldError($"Basis_{chi.Id}").ShouldBe("Cần nhập mức lương đóng BHXH, trợ cấp hoặc lương hưu (đồng) để tính đảng phí.");
        refused.Html.ShouldContain("value=\"5.000.000\"");
        await using (var db = w.Db())
        {
            (await db.FeePayments.CountAsync(Ct)).ShouldBe(0);
        }

        var saved = await PostAsync(cell, page, Fields(
            ("Pay", $"{an.Id}"), ($"Group_{an.Id}", "insured"), ($"Basis_{an.Id}", "5.000.000"),
            ("Pay", $"{binh.Id}"), ($"Group_{binh.Id}", "student"), ($"Basis_{binh.Id}", ""),
            ("Pay", $"{chi.Id}"), ($"Group_{chi.Id}", "pensioner"), ($"Basis_{chi.Id}", "4000000"),
            ("PaidOn", "2025-06-10")));
        saved.Status.ShouldBe(HttpStatusCode.Redirect);
        var after = await GetAsync(cell, saved.Location!);
        after.Html.ShouldContain("Đã ghi nhận đảng phí tháng 5/2025 của 3 đảng viên.");
        after.Html.ShouldContain("<b class=\"num\">3/3</b>");
        after.Html.ShouldContain("50.000 đ");
        after.Html.ShouldContain("75.000 đ");
        await using (var db = w.Db())
        {
            (await db.FeePayments.OrderBy(p => p.MemberId).Select(p => p.Amount).ToListAsync(Ct)).ShouldBe([50_000L, 5_000L, 20_000L]);
        }

        (await PostAsync(cell, page, Fields(("Pay", $"{an.Id}"), ($"Group_{an.Id}", "insured"), ($"Basis_{an.Id}", "5000000"), ("PaidOn", "2025-06-10"))))
            .Status.ShouldBe(HttpStatusCode.BadRequest);

        // The commune: collection per cell, what each level keeps, arrears flagging xóa tên, the year.
        using var commune = await app.SignedInAsync("superior-committee", "AG.01");
        var above = await GetAsync(commune, "/dang-phi?org=AG.01&year=2025&month=5");
        above.Html.ShouldContain("<b class=\"num\">3/3</b><span>Đảng viên đã nộp tháng 5</span>");
        above.Html.ShouldContain("Chi bộ thôn 1");
        above.Html.ShouldContain("Chi bộ trực thuộc</td><td data-label=\"Tỷ lệ\" class=\"num\">30 %</td><td data-label=\"Số tiền\" class=\"num\">22.500 đ");
        above.Html.ShouldContain("Đảng bộ cơ sở</td><td data-label=\"Tỷ lệ\" class=\"num\">50 %</td><td data-label=\"Số tiền\" class=\"num\">26.250 đ");
        above.Html.ShouldContain("Đảng bộ trực thuộc</td><td data-label=\"Tỷ lệ\" class=\"num\">50 %</td><td data-label=\"Số tiền\" class=\"num\">13.125 đ");
        above.Html.ShouldContain("Đảng bộ tỉnh (Tỉnh ủy)</td><td data-label=\"Tỷ lệ\" class=\"num\">100 %</td><td data-label=\"Số tiền\" class=\"num\">13.125 đ");
        above.Html.ShouldContain("Nợ đảng phí năm 2025 (đến hết tháng 5)");
        above.Html.ShouldContain("<b>3</b> đảng viên không nộp từ 3 tháng trở lên trong năm");
        above.Html.ShouldContain("Xem xét xóa tên");
        above.Html.ShouldContain("Tháng 5</a></td><td data-label=\"Đảng viên\" class=\"num\">3</td><td data-label=\"Lượt nộp\" class=\"num\">3</td><td data-label=\"Số tiền\" class=\"num\">75.000 đ");
        above.Html.ShouldNotContain("name=\"Pay\"");

        using var inspection = await app.SignedInAsync("inspection", "AG");
        var readOnly = await GetAsync(inspection, page);
        readOnly.Html.ShouldContain("50.000 đ");
        readOnly.Html.ShouldNotContain("Ghi nhận đảng phí tháng");
        (await GetAsync(cell, "/dang-phi?org=AG.01.01.02")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync(cell, "/dang-phi?org=AG.01.01.01&month=13")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }
}
