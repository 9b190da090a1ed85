using System.Net;
using ChiBo.Members;
using ChiBo.Tests.Infrastructure;
using ChiBo.Transfers;
using Microsoft.EntityFrameworkCore;
using static ChiBo.Tests.Infrastructure.PageForm;

namespace ChiBo.Tests.Transfers;

/// <summary>The transfer pages through HTTP: issuing, the letter, late letters flagged, confirming, cancelling, packages out and in.</summary>
public sealed class TransferPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Version(PageAnswer page, int transfer) =>
        System.Text.RegularExpressions.Regex.Match(page.Html, $"transfer={transfer}[^>]*>\\s*<input type=\"hidden\" name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Letter_IsIssuedFlaggedWhenLate_AndTheMemberMovesOnlyWhenTheReceiverConfirms(string provider)
    {
        var issued = new DateOnly(2025, 10, 6);
        await using var w = await World.CreateAsync(provider, issued);
        var m = await w.RegisterAsync(w.Cell1, "Huỳnh Văn Chuyển", new DateOnly(2012, 2, 3), new DateOnly(2013, 2, 3));
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var sender = await app.SignedInAsync("cell-committee", "AG.01.01.01");
        var form = $"/chuyen-sinh-hoat/cap-giay?member={m.Id}";

        var search = await GetAsync(sender, form + "&q=thon+2");
        search.Status.ShouldBe(HttpStatusCode.OK);
        search.Html.ShouldContain($"name=\"ToCell\" value=\"{w.Cell2.Id}\"");
        search.Html.ShouldContain("Chi bộ thôn 2");
        search.Html.ShouldNotContain($"name=\"ToCell\" value=\"{w.Cell1.Id}\"");
        (await GetAsync(sender, form + "&q=AG.02")).Html.ShouldContain("Chi bộ cơ sở B1");

        var noCell = await PostAsync(sender, form, Fields(("Kind", "official"), ("Destination", "province"), ("LetterNumber", "15-GGT/ĐU"), ("LetterDate", "2025-10-06")));
        noCell.Status.ShouldBe(HttpStatusCode.BadRequest);
        noCell.FieldError("ToCell").ShouldNotBeNull().ShouldContain("Chưa chọn chi bộ nơi đến");
        var noNumber = await PostAsync(sender, form, Fields(("Kind", "official"), ("Destination", "province"), ("ToCell", $"{w.Cell2.Id}"), ("LetterNumber", ""), ("LetterDate", "2025-10-06")));
        noNumber.FieldError("LetterNumber").ShouldBe("Số giấy giới thiệu không được để trống.");
        var noEnd = await PostAsync(sender, form, Fields(("Kind", "temporary"), ("Destination", "province"), ("ToCell", $"{w.Cell2.Id}"), ("LetterNumber", "16-GGT/ĐU"), ("LetterDate", "2025-10-06")));
        noEnd.FieldError("Until").ShouldBe("Ngày kết thúc sinh hoạt tạm thời không được để trống.");

        var ok = await PostAsync(sender, form, Fields(("Kind", "official"), ("Destination", "province"), ("ToCell", $"{w.Cell2.Id}"), ("LetterNumber", "15-GGT/ĐU"), ("LetterDate", "2025-10-06")));
        ok.Status.ShouldBe(HttpStatusCode.Redirect);
        ok.Location!.ShouldEndWith("/giay-gioi-thieu?da=issued");
        var letter = await GetAsync(sender, ok.Location);
        letter.Status.ShouldBe(HttpStatusCode.OK);
        foreach (var part in new[]
        {
            "<div class=\"party-name\">ĐẢNG CỘNG SẢN VIỆT NAM</div>", "<div class=\"superior\">ĐẢNG BỘ XÃ A</div>", "<div class=\"body-name\">ĐẢNG ỦY CƠ SỞ A1</div>",
            "<div class=\"star\">*</div>", "<div class=\"number\">Số 15-GGT/ĐU</div>", "<div class=\"place-date\">An Giang, ngày 06 tháng 10 năm 2025</div>",
            "GIẤY GIỚI THIỆU<br>SINH HOẠT ĐẢNG", "Kính gửi: Chi bộ thôn 2", "Nơi nhận:", "<div class=\"on-behalf\">T/M ĐẢNG ỦY</div>", "<div class=\"role\">BÍ THƯ</div>",
            "chậm nhất ngày 17/11/2025 (30 ngày làm việc", "css/letter.css",
        })
        {
            letter.Html.ShouldContain(part);
        }

        var twice = await PostAsync(sender, form, Fields(("Kind", "official"), ("Destination", "province"), ("ToCell", $"{w.Cell2.Id}"), ("LetterNumber", "17-GGT/ĐU"), ("LetterDate", "2025-10-06")));
        twice.FieldError("Kind").ShouldNotBeNull().ShouldContain("đang có giấy giới thiệu số 15-GGT/ĐU chưa được xác nhận");

        // Forty-five days on, the letter is late and flagged; the member is still in the sending cell.
        w.Clock.Today = issued.AddDays(45);
        using var commune = await app.SignedInAsync("superior-committee", "AG.01");
        var list = await GetAsync(commune, "/chuyen-sinh-hoat?org=AG.01");
        list.Html.ShouldContain("<span class=\"flag late\">Quá hạn</span>");
        list.Html.ShouldContain("<b class=\"num\">1</b><span>Quá hạn, chưa báo cáo đến</span>");
        (await w.MembersAsOf(w.Cell1, w.Clock.Today)).Total.ShouldBe(1);

        // Only the receiving cell confirms; a date before the letter is refused next to the field.
        var transfer = int.Parse(System.Text.RegularExpressions.Regex.Match(ok.Location, @"/chuyen-sinh-hoat/(\d+)/").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        using var stranger = await app.SignedInAsync("cell-committee", "AG.02.01");
        (await PostAsync(stranger, "/dang-xuat", Fields(("Version", "1"), ("Date", "2025-11-20")), $"/chuyen-sinh-hoat?org=AG.02.01&transfer={transfer}&handler=Confirm"))
            .Status.ShouldBe(HttpStatusCode.NotFound);
        using var receiver = await app.SignedInAsync("cell-committee", "AG.01.01.02");
        var incoming = await GetAsync(receiver, "/chuyen-sinh-hoat?org=AG.01.01.02");
        incoming.Html.ShouldContain("Xác nhận tiếp nhận");
        var version = Version(incoming, transfer);
        var early = await PostAsync(receiver, "/chuyen-sinh-hoat?org=AG.01.01.02", Fields(("Version", version), ("Date", "2025-10-01")),
            $"/chuyen-sinh-hoat?org=AG.01.01.02&transfer={transfer}&handler=Confirm");
        early.Status.ShouldBe(HttpStatusCode.BadRequest);
        early.FieldError("Date").ShouldBe("Ngày xác nhận (01/10/2025) trước ngày cấp giấy giới thiệu (06/10/2025).");
        var confirmed = await PostAsync(receiver, "/chuyen-sinh-hoat?org=AG.01.01.02", Fields(("Version", version), ("Date", "2025-11-20")),
            $"/chuyen-sinh-hoat?org=AG.01.01.02&transfer={transfer}&handler=Confirm");
        confirmed.Status.ShouldBe(HttpStatusCode.Redirect);
        (await GetAsync(receiver, confirmed.Location!)).Html.ShouldContain("Đã xác nhận đảng viên đến sinh hoạt.");
        await using var db = w.Db();
        (await db.Members.SingleAsync(x => x.Id == m.Id, Ct)).CellId.ShouldBe(w.Cell2.Id);
        (await w.MembersAsOf(w.Cell2, new DateOnly(2025, 11, 20))).Total.ShouldBe(1);
        (await w.MembersAsOf(w.Cell1, new DateOnly(2025, 11, 19))).Total.ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cancel_BySender_ClosesTheLetter(string provider)
    {
        await using var w = await World.CreateAsync(provider, new DateOnly(2025, 10, 6));
        var m = await w.RegisterAsync(w.Cell1, "Phan Thị Ở Lại", new DateOnly(2012, 2, 3), new DateOnly(2013, 2, 3), Gender.Female);
        int id;
        await using (var db = w.Db())
        {
            id = (await new TransferCommands(db, w.Clock, ChiBo.Access.OrgScope.System, World.Actor).IssueAsync(new TransferIssue(m.Id, TransferKind.Temporary, w.Cell2.Id, "3-GGT/ĐU", new DateOnly(2025, 10, 1), new DateOnly(2026, 4, 1)), Ct)).Id;
        }

        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var sender = await app.SignedInAsync("cell-committee", "AG.01.01.01");
        var list = await GetAsync(sender, "/chuyen-sinh-hoat?org=AG.01.01.01");
        list.Html.ShouldContain("Hủy giấy giới thiệu số 3-GGT/ĐU");
        list.Html.ShouldContain("Tạm thời đến 01/04/2026");
        var action = $"/chuyen-sinh-hoat?org=AG.01.01.01&transfer={id}&handler=Cancel";
        (await PostAsync(sender, "/chuyen-sinh-hoat?org=AG.01.01.01", Fields(("Version", "1"), ("Date", "2025-10-06"), ("Reason", "")), action))
            .FieldError("Reason").ShouldBe("Lý do hủy không được để trống.");
        var done = await PostAsync(sender, "/chuyen-sinh-hoat?org=AG.01.01.01", Fields(("Version", "1"), ("Date", "2025-10-06"), ("Reason", "Đồng chí không đi học nữa")), action);
        done.Status.ShouldBe(HttpStatusCode.Redirect);
        (await GetAsync(sender, done.Location!)).Html.ShouldContain("Đã hủy");
        (await PostAsync(sender, "/chuyen-sinh-hoat?org=AG.01.01.01", Fields(("Version", "1"), ("Date", "2025-10-06"), ("Reason", "lần nữa")), action))
            .Status.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Package_LeavesWithTheLetter_AndIsImportedIntoAnotherRegister_Checked(string provider)
    {
        await using var from = await World.CreateAsync(provider, new DateOnly(2025, 6, 2));
        await using var to = await World.CreateAsync(provider, new DateOnly(2025, 6, 20));
        var m = await from.RegisterAsync(from.Cell1, "Tạ Văn Qua Tỉnh", new DateOnly(2012, 3, 1), new DateOnly(2013, 3, 1));
        await using var sender = new ChiBoApp(from.Database, from.Clock);
        await using var receiver = new ChiBoApp(to.Database, to.Clock);
        using var out_ = await sender.SignedInAsync("base-committee", "AG.01.01");
        using var in_ = await receiver.SignedInAsync("cell-committee", "AG.02.01");

        var form = $"/chuyen-sinh-hoat/cap-giay?member={m.Id}";
        var page = await GetAsync(out_, form);
        var memberVersion = System.Text.RegularExpressions.Regex.Match(page.Html, "name=\"MemberVersion\" value=\"(\\d+)\"").Groups[1].Value;
        (await PostAsync(out_, form, Fields(("Kind", "temporary"), ("Destination", "other"), ("OtherDestination", "Đảng ủy phường X, tỉnh Y"), ("Until", "2025-12-01"),
            ("LetterNumber", "7-GGT/ĐU"), ("LetterDate", "2025-06-02"), ("MemberVersion", memberVersion)))).FieldError("Kind").ShouldNotBeNull().ShouldContain("chỉ cấp đến chi bộ trong tỉnh");
        var sent = await PostAsync(out_, form, Fields(("Kind", "official"), ("Destination", "other"), ("OtherDestination", "Đảng ủy phường X, tỉnh Y"),
            ("LetterNumber", "7-GGT/ĐU"), ("LetterDate", "2025-06-02"), ("MemberVersion", memberVersion)));
        sent.Status.ShouldBe(HttpStatusCode.Redirect);
        var letter = await GetAsync(out_, sent.Location!);
        letter.Html.ShouldContain("Kính gửi: Đảng ủy phường X, tỉnh Y");
        letter.Html.ShouldContain("Tải gói hồ sơ đảng viên (.json)");
        using var download = await out_.GetAsync(new Uri(sent.Location!.Replace("?da=issued", "?handler=Package", StringComparison.Ordinal), UriKind.Relative), Ct);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var package = await download.Content.ReadAsByteArrayAsync(Ct);
        System.Text.Encoding.UTF8.GetString(package).ShouldContain("\"schema\": \"chibo.transfer/1\"");
        await using (var db = from.Db())
        {
            (await db.Members.SingleAsync(x => x.Id == m.Id, Ct)).Status.ShouldBe(MemberStatus.TransferredOut);
        }

        (await GetAsync(in_, "/chuyen-sinh-hoat/nhan-goi?cell=AG.02.01")).Status.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(in_, "/chuyen-sinh-hoat/nhan-goi?cell=AG.01.01.01")).Status.ShouldBe(HttpStatusCode.NotFound);
        var garbage = await UploadAsync(in_, "AG.02.01", "2025-06-20", "không phải json"u8.ToArray());
        garbage.Status.ShouldBe(HttpStatusCode.BadRequest);
        garbage.FieldError("Package").ShouldNotBeNull().ShouldStartWith("Gói chuyển sinh hoạt không đúng định dạng JSON của ChiBo");
        (await UploadAsync(in_, "AG.02.01", "2025-06-20", null)).FieldError("Package").ShouldBe("Chưa chọn tệp gói hồ sơ (.json) do tỉnh nơi đi xuất.");
        (await UploadAsync(in_, "AG.01.01.01", "2025-06-20", package)).FieldError("Cell").ShouldNotBeNull().ShouldContain("AG.01.01.01");
        var imported = await UploadAsync(in_, "AG.02.01", "2025-06-20", package);
        imported.Status.ShouldBe(HttpStatusCode.OK);
        imported.Html.ShouldContain("Đã tiếp nhận đồng chí");
        imported.Html.ShouldContain("Tạ Văn Qua Tỉnh");
        imported.Html.ShouldContain("từ ngày 20/06/2025");
        // The cell committee reads no CCCD: the number it met is not named back to it.
        (await UploadAsync(in_, "AG.02.01", "2025-06-20", package)).FieldError("Package").ShouldNotBeNull().ShouldContain("không dùng được cho hồ sơ này; liên hệ Ban Tổ chức Tỉnh ủy");
        (await to.CountAsOf(to.CellB1, new DateOnly(2025, 6, 20))).ShouldBe(1);
        var arrived = await GetAsync(in_, "/chuyen-sinh-hoat?org=AG.02.01");
        arrived.Html.ShouldContain("Chi bộ thôn 1 (An Giang)");
        arrived.Html.ShouldContain("Đã xác nhận ngày 20/06/2025");
    }

    /// <summary>Posts the import form as a browser does (multipart, with the file when given).</summary>
    private static async Task<PageAnswer> UploadAsync(HttpClient client, string cell, string date, byte[]? file)
    {
        var html = await client.GetStringAsync(new Uri("/chuyen-sinh-hoat/nhan-goi", UriKind.Relative), Ct);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent(cell), "Cell" },
            { new StringContent(date), "Date" },
        };
        if (file is not null)
        {
            form.Add(new ByteArrayContent(file), "Package", "goi.json");
        }

        using var response = await client.PostAsync(new Uri("/chuyen-sinh-hoat/nhan-goi", UriKind.Relative), form, Ct);
        return new PageAnswer(response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), response.Headers.Location?.ToString());
    }
}
