using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Members;

public sealed class MemberPagesTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListPage_SearchesAndFormatsInVietnamese(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);

        var (status, html) = await s.GetHtmlAsync("/dang-vien?org=T.01&q=nguyen+van+an");

        status.ShouldBe(200);
        html.ShouldContain("Nguyễn Văn An");
        html.ShouldContain("01/05/1980");
        html.ShouldContain("01/03/2005");
        html.ShouldContain("Chi bộ ấp Một");
        html.ShouldContain("Chính thức");
        html.ShouldContain("Nguyễn Văn Anh");
        html.ShouldContain($"href=\"/dang-vien/{s.Data.An.Id}\"");
        html.ShouldNotContain("Lê Thị Hoa");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListPage_BadFilter_Is400WithAMessage(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);

        var (status, html) = await s.GetHtmlAsync("/dang-vien?gender=x");

        status.ShouldBe(400);
        html.ShouldContain("Giới tính");
        html.ShouldContain("không hợp lệ");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecordPage_ShowsSectionsAndTimeline(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);

        var (status, html) = await s.GetHtmlAsync($"/dang-vien/{s.Data.Dung.Id}");

        status.ShouldBe(200);
        html.ShouldContain("Trần Văn Dũng");
        html.ShouldContain("Thông tin cá nhân");
        html.ShouldContain("Quá trình sinh hoạt đảng");
        html.ShouldContain("15/01/1945");
        html.ShouldContain("Từ trần");
        html.ShouldContain("08/03/2024");
        html.ShouldContain("Kết nạp");
        html.ShouldContain(s.Data.Dung.Cccd!);

        var (missing, notFound) = await s.GetHtmlAsync("/dang-vien/999999");
        missing.ShouldBe(404);
        notFound.ShouldContain("Không tìm thấy đảng viên");
    }
}
