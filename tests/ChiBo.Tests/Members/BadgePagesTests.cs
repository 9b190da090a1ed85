using System.Net;
using ChiBo.Members;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ChiBo.Tests.Infrastructure.PageForm;

namespace ChiBo.Tests.Members;

/// <summary>The badge page and party age on the member page, through HTTP.</summary>
public sealed class BadgePagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DueMembers_AtACeremony_AreAwarded_AndPartyAgeCountsInterruptions(string provider)
    {
        var ceremony = new DateOnly(2025, 9, 2);
        await using var w = await World.CreateAsync(provider, ceremony);
        Member thirty, soon, gap;
        await using (var db = w.Db())
        {
            var members = w.Members(db);
            Task<Member> Veteran(string name, DateOnly admitted) => members.RegisterAsync(
                new MemberRegistration(w.Profile(name, new DateOnly(1955, 4, 30)), w.Cell1.Id, admitted, admitted.AddYears(1)), new Decision("1-QĐ/HU", "Kết nạp"), ct: Ct);
            thirty = await Veteran("Lão Thành Ba Mươi", new DateOnly(1995, 8, 15));
            soon = await Veteran("Sắp Đủ Tuổi Đảng", new DateOnly(1995, 12, 1));
            gap = await Veteran("Võ Văn Gián Đoạn", new DateOnly(1980, 3, 1));
            var late = await Veteran("Đỗ Văn Truy Tặng", new DateOnly(1995, 11, 1));
            await members.DieAsync(late.Id, late.Version, new DateOnly(2025, 5, 10), new Decision(null, "Từ trần"), Ct);
            var tooEarly = await Veteran("Hồ Văn Chưa Đủ", new DateOnly(1996, 9, 1));
            await members.DieAsync(tooEarly.Id, tooEarly.Version, new DateOnly(2025, 5, 10), new Decision(null, "Từ trần"), Ct);
            (await Should.ThrowAsync<RuleViolationException>(() =>
                ChiBo.Members.Badges.AwardPosthumouslyAsync(db, w.Clock, World.Actor, tooEarly.Id, 30, ceremony, null, Ct)))
                .Message.ShouldBe("Chỉ truy tặng Huy hiệu 30 năm tuổi Đảng khi đồng chí từ trần lúc còn thiếu không quá 12 tháng: đồng chí Hồ Văn Chưa Đủ từ trần ngày 10/05/2025, đủ 30 năm tuổi Đảng ngày 01/09/2026.");
            (await Should.ThrowAsync<RuleViolationException>(() =>
                ChiBo.Members.Badges.AwardPosthumouslyAsync(db, w.Clock, World.Actor, thirty.Id, 30, ceremony, null, Ct)))
                .Message.ShouldContain("chưa có sự kiện từ trần");
            var m = await members.StrikeOffAsync(gap.Id, gap.Version, new DateOnly(2000, 3, 1), new Decision("5-QĐ/ĐU", "Bỏ sinh hoạt"), Ct);
            m = await members.ReadmitAsync(m.Id, m.Version, w.Cell1.Id, new DateOnly(2003, 3, 1), new Decision("9-QĐ/ĐU", "Kết nạp lại"), Ct);
            await members.RecognizeOfficialAsync(m.Id, m.Version, new DateOnly(2004, 3, 1), new Decision("11-QĐ/ĐU", "Công nhận"), Ct);
        }

        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var cell = await app.SignedInAsync("cell-committee", "AG.01.01.01");
        var page = "/huy-hieu?org=AG.01.01.01&on=2025-09-02";
        var due = await GetAsync(cell, page);
        due.Status.ShouldBe(HttpStatusCode.OK);
        due.Html.ShouldContain("30 năm (đủ ngày 15/08/2025)");
        due.Html.ShouldContain("30 năm (đủ ngày 01/12/2025)<span class=\"flag\">trao sớm nếu ốm nặng</span>");
        due.Html.ShouldContain("40 năm (đủ ngày 01/03/2023)");
        due.Html.ShouldContain("30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90 năm tuổi Đảng");
        (await GetAsync(cell, "/huy-hieu?org=AG.01.01.01&on=2025-09-03")).Html.ShouldContain("\"2025-09-03\" không phải ngày trao Huy hiệu Đảng");

        due.Html.ShouldContain("Đỗ Văn Truy Tặng");
        due.Html.ShouldContain("30 năm (đủ ngày 01/11/2025)");
        due.Html.ShouldNotContain("Hồ Văn Chưa Đủ");
        var lateId = System.Text.RegularExpressions.Regex.Match(due.Html, "<tr data-member=\"(\\d+)\">\\s*<td class=\"title\"><a href=\"/dang-vien/\\d+\">Đỗ Văn Truy Tặng").Groups[1].Value;
        var posthumous = await PostAsync(cell, page, Fields(("Years", "30"), ("AwardedOn", "2025-09-02"), ("DecisionNumber", "121-QĐ/TU")),
            $"/huy-hieu?org=AG.01.01.01&on=2025-09-02&member={lateId}&handler=Posthumous");
        posthumous.Status.ShouldBe(HttpStatusCode.Redirect);

        string Action(Member m) => $"/huy-hieu?org=AG.01.01.01&on=2025-09-02&member={m.Id}&handler=Award";
        var notEarly = await PostAsync(cell, page, Fields(("Years", "30"), ("DecisionNumber", "")), Action(soon));
        notEarly.Status.ShouldBe(HttpStatusCode.BadRequest);
        notEarly.FieldError("Years").ShouldBe("Đảng viên đủ 30 năm tuổi Đảng ngày 01/12/2025, sau ngày trao 02/09/2025.");
        (await PostAsync(cell, page, Fields(("Years", "30"), ("DecisionNumber", "120-QĐ/TU"), ("Early", "true")), Action(soon))).Status.ShouldBe(HttpStatusCode.Redirect);
        var awarded = await PostAsync(cell, page, Fields(("Years", "30"), ("DecisionNumber", "120-QĐ/TU")), Action(thirty));
        awarded.Status.ShouldBe(HttpStatusCode.Redirect);
        var after = await GetAsync(cell, awarded.Location!);
        after.Html.ShouldContain("Đã ghi nhận trao Huy hiệu 30 năm tuổi Đảng.");
        after.Html.ShouldContain("Lão Thành Ba Mươi</a> · AG.01.01.01 · Huy hiệu 30 năm, quyết định số 120-QĐ/TU");
        after.Html.ShouldContain("Sắp Đủ Tuổi Đảng</a> · AG.01.01.01 · Huy hiệu 30 năm, quyết định số 120-QĐ/TU (trao sớm)");
        after.Html.ShouldNotContain("30 năm (đủ ngày 15/08/2025)");
        using var other = await app.SignedInAsync("cell-committee", "AG.01.01.02");
        (await PostAsync(other, "/huy-hieu?org=AG.01.01.02", Fields(("Years", "40")), $"/huy-hieu?org=AG.01.01.02&on=2025-09-02&member={gap.Id}&handler=Award"))
            .Status.ShouldBe(HttpStatusCode.NotFound);

        var record = await GetAsync(cell, $"/dang-vien/{thirty.Id}");
        record.Html.ShouldContain("Huy hiệu 30 năm tuổi Đảng (02/09/2025, quyết định số 120-QĐ/TU)");
        record.Html.ShouldContain("Huy hiệu tiếp theo</dt><dd>40 năm tuổi Đảng, đủ ngày 15/08/2035");
        var interrupted = await GetAsync(cell, $"/dang-vien/{gap.Id}");
        interrupted.Html.ShouldContain("<b>42 năm</b>, tính từ ngày vào Đảng 01/03/1980, trừ thời gian gián đoạn");
        interrupted.Html.ShouldContain("<dt>Gián đoạn</dt><dd>01/03/2000 – 01/03/2003 (1.095 ngày)</dd>");
        await using var check = w.Db();
        (await check.BadgeAwards.CountAsync(Ct)).ShouldBe(3);
        (await check.BadgeAwards.SingleAsync(a => a.DecisionNumber == "121-QĐ/TU", Ct)).Early.ShouldBeTrue();
    }
}
