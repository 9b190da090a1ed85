using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Organizations;

public sealed class OrganizationPagesTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OrganizationPage_ShowsKindHistoryChildrenAndBreadcrumb_InVietnamese(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);

        var (status, html) = await s.GetHtmlAsync("/to-chuc/T.01.01");

        status.ShouldBe(200);
        html.ShouldContain("<html lang=\"vi\">");
        html.ShouldContain("Đảng bộ cơ sở xã An Hòa");
        html.ShouldContain("Đảng bộ cơ sở");
        html.ShouldContain("Xã, phường, thôn, tổ dân phố");
        html.ShouldContain("30/04/1975");
        html.ShouldContain("Thành lập");
        html.ShouldContain("href=\"/to-chuc/T.01\"");
        html.ShouldContain("href=\"/to-chuc/T.01.01.01\"");
        html.ShouldContain("href=\"/dang-vien?org=T.01.01\"");
        html.ShouldContain("href=\"/to-chuc/T.01.01/co-cau\"");
        html.ShouldNotContain("<script>");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StructurePage_ShowsSharesInVietnameseFormat(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);

        var (status, html) = await s.GetHtmlAsync("/to-chuc/T.01/co-cau");

        status.ShouldBe(200);
        html.ShouldContain("Cơ cấu đảng viên");
        html.ShouldContain("30/06/2026");
        // T.01 today: An, Anh (men), Bình, Hoa (women).
        html.ShouldContain("50,00 %");
        html.ShouldContain("Giới tính");
        html.ShouldContain("Lý luận chính trị");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TreePage_FormatsLargeCountsWithDots(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        await s.Data.AddMembersAsync(s.Data.SchoolCell, 1_000);

        var (status, html) = await s.GetHtmlAsync("/to-chuc");

        status.ShouldBe(200);
        html.ShouldContain("Đảng bộ tỉnh Thử nghiệm");
        html.ShouldContain("1.005");
        html.ShouldContain("1.001 đảng viên");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UnknownOrganization_Page_Is404InVietnamese(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);

        var (status, html) = await s.GetHtmlAsync("/to-chuc/KHONG.CO");

        status.ShouldBe(404);
        html.ShouldContain("Không tìm thấy tổ chức");
    }
}
