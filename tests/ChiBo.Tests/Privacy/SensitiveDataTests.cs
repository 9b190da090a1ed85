using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Members;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Privacy;

/// <summary>
/// Ethnicity, religion, CCCD and discipline reach a caller only with the operation that allows them
/// (Members.ReadSensitive, Discipline.Read on the member's or candidate's cell), whatever the path:
/// the candidate's file, the introduction letter, the transfer package, the timeline, the audit log,
/// the structure report and the search of the member list. The cell committee of AG.01.01.01 holds
/// neither; the base committee of AG.01.01 holds both.
/// </summary>
public sealed class SensitiveDataTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Tày (code 2), a minority.</summary>
    private const int Tay = 2;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CandidateFile_WithoutReadSensitive_CarriesNoCccdEthnicityOrReligion(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var board = await app.SignedInAsync("province-board");
        using var cell = await app.SignedInAsync("cell-committee", w.Cell1.Code);
        var profile = w.Profile("Hoàng Thị Ưu Tú", new DateOnly(2000, 3, 8), Gender.Female) with { Ethnicity = Tay, Religion = Religion.Buddhism };
        // The cell nominates (the province board does not act at the cell's level); it reads no sensitive data there.
        var nominated = await OkAsync(await cell.PostAsJsonAsync("/api/admission/candidates",
            new { profile, cellId = w.Cell1.Id, nominatedOn = new DateOnly(2025, 1, 6) }, Ct));
        var id = nominated.GetProperty("id").GetInt32();

        var seenByCell = await BodyAsync(await cell.GetAsync($"/api/admission/candidates/{id}", Ct));
        seenByCell.ShouldNotContain(profile.Cccd!);
        var json = JsonDocument.Parse(seenByCell).RootElement;
        json.GetProperty("fullName").GetString().ShouldBe("Hoàng Thị Ưu Tú");
        json.GetProperty("profile").GetProperty("cccd").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("profile").GetProperty("ethnicity").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("profile").GetProperty("religion").ValueKind.ShouldBe(JsonValueKind.Null);

        // A step recorded by the cell answers with the same projection.
        var step = await BodyAsync(await cell.PostAsJsonAsync($"/api/admission/candidates/{id}/course",
            new { version = 1, certificateNumber = "12/GCN", date = new DateOnly(2025, 2, 3) }, Ct));
        step.ShouldNotContain(profile.Cccd!);

        var seenByBoard = JsonDocument.Parse(await BodyAsync(await board.GetAsync($"/api/admission/candidates/{id}", Ct))).RootElement;
        seenByBoard.GetProperty("profile").GetProperty("cccd").GetString().ShouldBe(profile.Cccd);
        seenByBoard.GetProperty("profile").GetProperty("ethnicity").GetInt32().ShouldBe(Tay);
        seenByBoard.GetProperty("profile").GetProperty("religion").GetInt32().ShouldBe((int)Religion.Buddhism);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task IntroductionLetter_WithoutReadSensitive_HasNoCccd(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Lý Văn Chuyển", new DateOnly(2010, 3, 1), new DateOnly(2011, 3, 1));
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var board = await app.SignedInAsync("province-board");
        using var cell = await app.SignedInAsync("cell-committee", w.Cell1.Code);
        var issued = await OkAsync(await board.PostAsJsonAsync("/api/transfers/",
            new { memberId = m.Id, kind = 1, toCellId = w.Cell2.Id, letterNumber = "3-GGT/ĐU", letterDate = new DateOnly(2025, 6, 2) }, Ct));
        var id = issued.GetProperty("id").GetInt32();

        var seenByCell = await BodyAsync(await cell.GetAsync($"/api/transfers/{id}/letter", Ct));
        seenByCell.ShouldNotContain(m.Cccd!);
        JsonDocument.Parse(seenByCell).RootElement.GetProperty("fullName").GetString().ShouldBe("Lý Văn Chuyển");
        var page = await BodyAsync(await cell.GetAsync($"/chuyen-sinh-hoat/{id}/giay-gioi-thieu", Ct));
        page.ShouldNotContain(m.Cccd!);

        (await BodyAsync(await board.GetAsync($"/api/transfers/{id}/letter", Ct))).ShouldContain(m.Cccd!);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TransferPackage_NeedsReadSensitiveAndDisciplineRead_OnTheMembersCell(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Đỗ Văn Đi Xa", new DateOnly(2010, 3, 1), new DateOnly(2011, 3, 1));
        var other = await w.RegisterAsync(w.Cell1, "Mai Văn Ở Lại", new DateOnly(2010, 3, 1), new DateOnly(2011, 3, 1));
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var cell = await app.SignedInAsync("cell-committee", w.Cell1.Code);
        using var committee = await app.SignedInAsync("base-committee", w.BaseA1.Code);

        var refused = await cell.PostAsJsonAsync("/api/transfers/export",
            new { memberId = m.Id, memberVersion = m.Version, destination = "Đảng ủy xã X, tỉnh Y", letterNumber = "7-GGT/ĐU", letterDate = new DateOnly(2025, 6, 2) }, Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await BodyAsync(refused)).ShouldContain("thông tin nhạy cảm");
        await using (var db = w.Db())
        {
            db.Members.Single(x => x.Id == m.Id).Status.ShouldBe(MemberStatus.Official);
        }

        var exported = await committee.PostAsJsonAsync("/api/transfers/export",
            new { memberId = other.Id, memberVersion = other.Version, destination = "Đảng ủy xã X, tỉnh Y", letterNumber = "8-GGT/ĐU", letterDate = new DateOnly(2025, 6, 2) }, Ct);
        exported.StatusCode.ShouldBe(HttpStatusCode.OK);
        int transfer;
        await using (var db = w.Db())
        {
            transfer = db.PartyTransfers.Single(t => t.MemberId == other.Id).Id;
        }

        var download = $"/chuyen-sinh-hoat/{transfer}/giay-gioi-thieu?handler=Package";
        var denied = await cell.GetAsync(download, Ct);
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/khong-co-quyen");
        (await BodyAsync(await committee.GetAsync(download, Ct))).ShouldContain(other.Cccd!);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Timeline_AfterACorrection_CarriesNoSensitiveValues(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Vương Văn Đính", new DateOnly(2010, 3, 1), new DateOnly(2011, 3, 1));
        var newCccd = Cccd.Compose(89, m.BirthDate, m.Gender, 777);
        await using (var db = w.Db())
        {
            await w.Members(db).CorrectFieldsAsync(m.Id, m.Version, MemberProfile.Of(m) with { Cccd = newCccd, Ethnicity = Tay, Religion = Religion.Buddhism },
                new Decision("5-QĐ/ĐU", "Đính chính theo căn cước"), Ct);
        }

        // A correction recorded before the values were kept out of the text.
        var older = await w.RegisterAsync(w.Cell1, "Tôn Văn Cũ", new DateOnly(2010, 3, 1), new DateOnly(2011, 3, 1));
        var olderNew = Cccd.Compose(89, older.BirthDate, older.Gender, 778);
        await using (var db = w.Db())
        {
            db.MemberEvents.Add(new MemberEvent
            {
                ProvinceId = older.ProvinceId, MemberId = older.Id, Kind = MemberEventKind.FieldCorrected, Date = w.Clock.Today,
                CellId = w.Cell1.Id, CellPath = w.Cell1.Path, RecordedBy = "cu", RecordedAt = w.Clock.GetUtcNow(),
                Details = $"Nơi sinh: (trống) → Cần Thơ\nSố CCCD: {older.Cccd} → {olderNew}\nDân tộc: Kinh → Tày\nTôn giáo: Không → Phật giáo",
            });
            await db.SaveChangesAsync(Ct);
        }

        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var cell = await app.SignedInAsync("cell-committee", w.Cell1.Code);
        using var committee = await app.SignedInAsync("base-committee", w.BaseA1.Code);

        (int Id, string Shown, string[] Hidden)[] corrected =
        [
            (m.Id, "Vương Văn Đính", [m.Cccd!, newCccd, "Tày", "Phật giáo"]),
            (older.Id, "Cần Thơ", [older.Cccd!, olderNew, "Tày", "Phật giáo"]),
        ];
        foreach (var (id, shown, hidden) in corrected)
        {
            foreach (var url in new[] { $"/api/members/{id}", $"/dang-vien/{id}" })
            {
                var body = await BodyAsync(await cell.GetAsync(url, Ct));
                body.ShouldContain(shown);
                hidden.ShouldAllBe(value => !body.Contains(value, StringComparison.Ordinal));
            }
        }

        // The text itself keeps no value: the committee reads the record's current CCCD, and in the
        // timeline only that it was corrected (the audit log keeps the values).
        var seen = JsonDocument.Parse(await BodyAsync(await committee.GetAsync($"/api/members/{m.Id}", Ct))).RootElement;
        seen.GetProperty("cccd").GetString().ShouldBe(newCccd);
        var details = seen.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "fieldCorrected").GetProperty("details").GetString()!;
        details.ShouldContain("Số CCCD");
        details.ShouldNotContain(m.Cccd!);
        details.ShouldNotContain(newCccd);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExpelledEvent_WithoutDisciplineRead_CarriesNoViolation(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Trịnh Văn Trừ", new DateOnly(2010, 5, 19), new DateOnly(2011, 5, 19));
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var inspection = await app.SignedInAsync("inspection", w.Root.Code);
        using var cell = await app.SignedInAsync("cell-committee", w.Cell1.Code);
        using var committee = await app.SignedInAsync("base-committee", w.BaseA1.Code);
        const string violation = "Tham ô công quỹ của hợp tác xã";
        await OkAsync(await inspection.PostAsJsonAsync("/api/discipline/decisions", new
        {
            memberId = m.Id, form = 4, decisionNumber = "31-QĐ/UBKT", decidedOn = w.Clock.Today, decidingOrg = "AG.01", decidingBody = 4,
            reason = violation, subjectVersion = m.Version,
        }, Ct));

        foreach (var url in new[] { $"/api/members/{m.Id}", $"/dang-vien/{m.Id}" })
        {
            var body = await BodyAsync(await cell.GetAsync(url, Ct));
            body.ShouldContain("Trịnh Văn Trừ");
            body.ShouldNotContain(violation);
            (await BodyAsync(await committee.GetAsync(url, Ct))).ShouldContain(violation);
        }

        var timeline = JsonDocument.Parse(await BodyAsync(await cell.GetAsync($"/api/members/{m.Id}", Ct))).RootElement.GetProperty("timeline");
        timeline.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldContain("expelled");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AuditLog_WithoutReadSensitiveOnTheMember_MasksTheValues(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Quách Văn Nhật", new DateOnly(2010, 3, 1), new DateOnly(2011, 3, 1));
        var newCccd = Cccd.Compose(89, m.BirthDate, m.Gender, 779);
        await using (var db = w.Db())
        {
            await w.Members(db).CorrectFieldsAsync(m.Id, m.Version, MemberProfile.Of(m) with { Cccd = newCccd, Ethnicity = Tay },
                new Decision("6-QĐ/ĐU", "Đính chính"), Ct);
        }

        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var elsewhere = await app.SignedInAsync("province-board", w.CommuneB.Code);
        using var board = await app.SignedInAsync("province-board", w.Root.Code);

        foreach (var url in new[] { $"/api/audit/?member={m.Id}", $"/nhat-ky?member={m.Id}" })
        {
            var body = await BodyAsync(await elsewhere.GetAsync(url, Ct));
            body.ShouldNotContain(m.Cccd!);
            body.ShouldNotContain(newCccd);
            body.ShouldNotContain("Tày");
            (await BodyAsync(await board.GetAsync(url, Ct))).ShouldContain(newCccd);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StructureReport_WithoutReadSensitive_OmitsEthnicityAndReligion(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await w.RegisterAsync(w.Cell1, "Nông Văn Đếm", new DateOnly(2010, 3, 1), new DateOnly(2011, 3, 1));
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var cell = await app.SignedInAsync("cell-committee", w.Cell1.Code);
        using var committee = await app.SignedInAsync("base-committee", w.BaseA1.Code);
        var url = $"/api/reports/member-structure?org={w.Cell1.Code}&asOf=2025-06-30";

        var seenByCell = JsonDocument.Parse(await BodyAsync(await cell.GetAsync(url, Ct))).RootElement;
        seenByCell.GetProperty("total").GetInt32().ShouldBe(1);
        var cellDimensions = seenByCell.GetProperty("dimensions").EnumerateObject().Select(p => p.Name).ToList();
        cellDimensions.ShouldNotContain("ethnicity");
        cellDimensions.ShouldNotContain("religion");
        cellDimensions.ShouldContain("gender");

        // With the operation the report is what it always was: every dimension of the vocabulary.
        var seenByCommittee = JsonDocument.Parse(await BodyAsync(await committee.GetAsync(url, Ct))).RootElement;
        seenByCommittee.GetProperty("dimensions").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)
            .ShouldBe(ChiBo.Reports.MemberDimensions.Names.Order(StringComparer.Ordinal));
        seenByCommittee.GetProperty("dimensions").GetProperty("ethnicity").GetProperty("kinh").GetInt32().ShouldBe(1);

        var page = await BodyAsync(await cell.GetAsync($"/to-chuc/{w.Cell1.Code}/co-cau", Ct));
        page.ShouldContain("Giới tính");
        page.ShouldNotContain("Dân tộc thiểu số");
        page.ShouldNotContain("Có tôn giáo");
        (await BodyAsync(await committee.GetAsync($"/to-chuc/{w.Cell1.Code}/co-cau", Ct))).ShouldContain("Dân tộc thiểu số");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MemberList_SearchByCccd_NeedsReadSensitive(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Lục Văn Tìm", new DateOnly(2010, 3, 1), new DateOnly(2011, 3, 1));
        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var cell = await app.SignedInAsync("cell-committee", w.Cell1.Code);
        using var committee = await app.SignedInAsync("base-committee", w.BaseA1.Code);

        var refused = await cell.GetAsync($"/api/members/?org={w.Cell1.Code}&q={m.Cccd}", Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await BodyAsync(refused)).RootElement;
        problem.GetProperty("field").GetString().ShouldBe("q");
        problem.GetProperty("detail").GetString()!.ShouldContain("CCCD");
        var page = await cell.GetAsync($"/dang-vien?org={w.Cell1.Code}&q={m.Cccd}", Ct);
        page.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await BodyAsync(page)).ShouldNotContain("Lục Văn Tìm");

        // By name the cell finds the member as before.
        var byName = JsonDocument.Parse(await BodyAsync(await cell.GetAsync($"/api/members/?org={w.Cell1.Code}&q=luc+van", Ct))).RootElement;
        byName.GetProperty("total").GetInt32().ShouldBe(1);
        var found = JsonDocument.Parse(await BodyAsync(await committee.GetAsync($"/api/members/?org={w.Cell1.Code}&q={m.Cccd}", Ct))).RootElement;
        found.GetProperty("items").EnumerateArray().Single().GetProperty("fullName").GetString().ShouldBe("Lục Văn Tìm");
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
}
