using ChiBo.Notices;
using ChiBo.Tests.Infrastructure;
using static ChiBo.Tests.Documents.Library;

namespace ChiBo.Tests.Notices;

/// <summary>Notices from a cell or the organizations above it to their members, through HTTP on both databases.</summary>
public sealed class NoticesApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AMemberSeesTheNoticesOfTheirChain_WhileActive(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        var d = s.Data;
        var clock = (TestClock)s.App.Clock;
        using var board = await s.App.SignedInAsync("province-board", "T");
        using var communeA = await s.App.SignedInAsync("superior-committee", d.Commune.Code);
        using var cellOne = await s.App.SignedInAsync("cell-committee", d.CellOne.Code);
        using var cellTwo = await s.App.SignedInAsync("cell-committee", d.CellTwo.Code);
        using var an = await s.App.SignedInAsync("member", d.CellOne.Code, d.An.Id);
        using var dat = await s.App.SignedInAsync("member", d.SchoolCell.Code, d.Dat.Id);

        var province = await PostAsync(board, new { org = "T", title = "Lịch nghỉ Tết", body = "Các cơ quan Đảng nghỉ Tết theo quy định." });
        var commune = await PostAsync(communeA, new
        {
            org = d.Commune.Code, title = "Học tập Chỉ thị 50", body = "Đảng ủy xã **yêu cầu** các chi bộ:\n- họp đủ\n- báo cáo <script>alert(1)</script>",
            expiresOn = "2026-07-05",
        });
        var cell = await PostAsync(cellOne, new { org = d.CellOne.Code, title = "Thu đảng phí tháng 6", body = "Đồng chí bí thư thu vào ngày 5." });
        var sibling = await PostAsync(cellTwo, new { org = d.CellTwo.Code, title = "Ấp Hai họp sớm", body = "Họp lúc 7 giờ." });
        var later = await PostAsync(communeA, new { org = d.Commune.Code, title = "Hội nghị tháng 8", body = "Chuẩn bị.", publishedOn = "2026-08-01" });

        // An (cell one, commune A): his cell, his commune, his province; newest first; not a sibling cell's, not a scheduled one.
        (await ListAsync(an)).ShouldBe([cell, commune, province], ignoreOrder: true);
        (await ListAsync(dat)).ShouldBe([province]);
        (await GetAsync(dat, $"/api/notices/{commune}")).Status.ShouldBe(404);
        (await GetAsync(an, $"/api/notices/{sibling}")).Status.ShouldBe(404);
        (await GetAsync(an, $"/api/notices/{later}")).Status.ShouldBe(404);

        // Simple Markdown, sanitized: emphasis and lists stay, script does not.
        var (_, one) = await GetAsync(an, $"/api/notices/{commune}");
        var html = one.GetProperty("bodyHtml").GetString()!;
        html.ShouldContain("<strong>yêu cầu</strong>");
        html.ShouldContain("<li>họp đủ</li>");
        html.ShouldNotContain("<script");
        one.GetProperty("orgName").GetString().ShouldBe("Đảng bộ xã An Hòa");

        // The portal's query gives the member the same notices.
        await using (var db = s.Database.Context())
        {
            (await NoticeQueries.ForMemberAsync(db, d.An.Id, TestData.Today, ct: Ct)).Select(n => n.Id).ShouldBe([cell, commune, province], ignoreOrder: true);
            (await NoticeQueries.ForMemberAsync(db, d.Dat.Id, TestData.Today, ct: Ct)).Select(n => n.Id).ShouldBe([province]);
        }

        // After its last day a notice leaves the member's list; the committee still finds it with ?all=true.
        // (Moving the clock by days ends sessions: each check signs in anew.)
        clock.Today = new DateOnly(2026, 7, 6);
        using (var an6 = await s.App.SignedInAsync("member", d.CellOne.Code, d.An.Id))
        using (var communeA6 = await s.App.SignedInAsync("superior-committee", d.Commune.Code))
        {
            (await ListAsync(an6)).ShouldBe([cell, province], ignoreOrder: true);
            (await ListAsync(communeA6, "?all=true")).ShouldContain(commune);
            (await ListAsync(communeA6)).ShouldNotContain(commune);
        }

        clock.Today = new DateOnly(2026, 8, 1);
        using var anLater = await s.App.SignedInAsync("member", d.CellOne.Code, d.An.Id);
        using var cellOneLater = await s.App.SignedInAsync("cell-committee", d.CellOne.Code);
        using var cellTwoLater = await s.App.SignedInAsync("cell-committee", d.CellTwo.Code);
        (await ListAsync(anLater)).ShouldContain(later);

        // Withdrawn: the version read is required; then members no longer see it.
        (await SendAsync(cellOneLater, HttpMethod.Delete, $"/api/notices/{cell}?version=5")).Status.ShouldBe(409);
        (await SendAsync(cellOneLater, HttpMethod.Delete, $"/api/notices/{cell}?version=0")).Status.ShouldBe(200);
        (await ListAsync(anLater)).ShouldNotContain(cell);
        (await SendAsync(cellTwoLater, HttpMethod.Delete, $"/api/notices/{commune}?version=0")).Status.ShouldBe(404);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Posting_OnlyForOnesOwnSubtree_WithVietnameseErrors(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        var d = s.Data;
        using var cellOne = await s.App.SignedInAsync("cell-committee", d.CellOne.Code);
        using var an = await s.App.SignedInAsync("member", d.CellOne.Code, d.An.Id);

        (await SendAsync(cellOne, HttpMethod.Post, "/api/notices", new { org = d.Commune.Code, title = "Vượt cấp", body = "x" })).Status.ShouldBe(404);
        (await SendAsync(an, HttpMethod.Post, "/api/notices", new { org = d.CellOne.Code, title = "Đảng viên", body = "x" })).Status.ShouldBe(403);
        var (status, problem) = await SendAsync(cellOne, HttpMethod.Post, "/api/notices", new { org = d.CellOne.Code, title = "", body = "x" });
        status.ShouldBe(400);
        problem.GetProperty("field").GetString().ShouldBe("Title");
        problem.GetProperty("detail").GetString().ShouldBe("Cần tiêu đề thông báo, tối đa 300 ký tự.");
        (await SendAsync(cellOne, HttpMethod.Post, "/api/notices", new { org = d.CellOne.Code, title = "T", body = "x", expiresOn = "2026-06-01" }))
            .Json.GetProperty("field").GetString().ShouldBe("ExpiresOn");

        // Without an org: the top of the caller's own subtree.
        var (_, posted) = await SendAsync(cellOne, HttpMethod.Post, "/api/notices", new { title = "Họp chi bộ", body = "Tối thứ Sáu." });
        posted.GetProperty("orgCode").GetString().ShouldBe(d.CellOne.Code);
    }

    private static async Task<long> PostAsync(HttpClient client, object body)
    {
        var (status, json) = await SendAsync(client, HttpMethod.Post, "/api/notices", body);
        status.ShouldBe(200, json.ToString());
        return json.GetProperty("id").GetInt64();
    }

    private static async Task<long[]> ListAsync(HttpClient client, string query = "")
    {
        var (status, json) = await GetAsync(client, "/api/notices" + query);
        status.ShouldBe(200, json.ToString());
        return json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();
    }
}
