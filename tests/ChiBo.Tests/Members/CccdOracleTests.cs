using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Access;
using ChiBo.Members;
using ChiBo.Members.Excel;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Members;

/// <summary>
/// A CCCD already in the register, met by a caller who may not see the record that holds it: the
/// answer names nothing and sends the caller to the province board, the attempt is audited, and an
/// account that meets too many in a day is stopped — in every path that takes a CCCD (nomination,
/// a candidate's correction, a member's correction request, the Excel import of the superior
/// committees).
/// </summary>
public sealed class CccdOracleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Refused = "cccd-refused";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TakenCccd_OutsideTheCallersScope_IsAnsweredWithoutNamingTheRecord_AndAudited(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(database);
        await using var other = await TestData.SeedAsync(database, "U", "Khác");
        await using var app = new ChiBoApp(database, TestClock.On(TestData.Today));
        await app.AddAccountAsync("chiuy.mot", "cell-committee", data.CellOne.Code);
        using var cell = await LoginAsync(app, "chiuy.mot");

        // Nominating with the number of a member of another subtree, then of another province.
        foreach (var holder in new[] { data.Dat, other.An })
        {
            var response = await cell.PostAsJsonAsync("/api/admission/candidates", new
            {
                profile = ProfileOf(holder, "Ứng Viên Thử"), cellId = data.CellOne.Id, nominatedOn = new DateOnly(2026, 6, 1),
            }, Ct);
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            problem.GetProperty("field").GetString().ShouldBe("Cccd");
            problem.GetProperty("detail").GetString().ShouldBe(CccdRegister.Unusable(holder.Cccd!));
        }

        // A candidate's correction with such a number.
        var fresh = new MemberProfile { FullName = "Ứng Viên Mới", Gender = Gender.Female, BirthDate = new DateOnly(1996, 3, 3), Cccd = Cccd.Compose(89, new DateOnly(1996, 3, 3), Gender.Female, 4242) };
        (await cell.PostAsJsonAsync("/api/admission/candidates", new { profile = fresh, cellId = data.CellOne.Id, nominatedOn = new DateOnly(2026, 6, 1) }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        int candidate;
        await using (var db = database.Context())
        {
            candidate = db.Candidates.Single(c => c.FullName == "Ứng Viên Mới").Id;
        }

        var corrected = await cell.PostAsJsonAsync($"/api/admission/candidates/{candidate}/profile", new { version = 1, profile = ProfileOf(data.Hoa, "Ứng Viên Mới") }, Ct);
        (await ProblemAsync(corrected, HttpStatusCode.BadRequest)).GetProperty("detail").GetString().ShouldBe(CccdRegister.Unusable(data.Hoa.Cccd!));

        // A member asks to correct their own record to the number of a member of another province (born the same day, so the number fits).
        await app.AddAccountAsync("dangvien.an", "member", data.CellOne.Code, data.An.Id);
        using var member = await LoginAsync(app, "dangvien.an");
        var request = await member.PostAsJsonAsync("/api/procedures/", new { kind = "correction", corrections = new[] { new { field = "cccd", value = other.An.Cccd } } }, Ct);
        (await ProblemAsync(request, HttpStatusCode.BadRequest)).GetProperty("detail").GetString().ShouldBe(CccdRegister.Unusable(other.An.Cccd!));

        await using (var db = database.Context())
        {
            db.Candidates.Count(c => c.FullName == "Ứng Viên Thử").ShouldBe(0);
            db.ProcedureRequests.Count().ShouldBe(0);
            var lines = db.AuditEntries.Where(e => e.Action == Refused).OrderBy(e => e.Id).ToList();
            lines.Select(e => e.Actor).ShouldBe(["chiuy.mot", "chiuy.mot", "chiuy.mot", "dangvien.an"]);
            lines.Select(e => e.Changes!).Zip(new[] { data.Dat.Cccd, other.An.Cccd, data.Hoa.Cccd, other.An.Cccd }).ShouldAllBe(x => x.First.Contains(x.Second!));
            lines.ShouldAllBe(e => !e.Changes!.Contains("Phạm Văn Đạt") && !e.Changes.Contains("Lê Thị Hoa") && !e.Changes.Contains("Trường Tiểu học"));
        }

        // The legacy import is the superior committee's: inside its subtree it reads the CCCD and the record is named; outside it is not.
        await app.AddAccountAsync("dangbo.xa", "superior-committee", data.Commune.Code);
        using var commune = await LoginAsync(app, "dangbo.xa");
        var import = await ImportAsync(commune, data.Commune.Code, Row(data.An, data.CellTwo.Code), Row(data.Dat, data.CellTwo.Code));
        var errors = await ErrorsAsync(import);
        errors.Single(e => e.Row == 2 && e.Column == MemberSheet.Cccd).Message.ShouldBe($"Số CCCD {data.An.Cccd} đã có trong hồ sơ của đảng viên Nguyễn Văn An (Chi bộ ấp Một).");
        errors.Single(e => e.Row == 3 && e.Column == MemberSheet.Cccd).Message.ShouldBe(CccdRegister.Unusable(data.Dat.Cccd!));
        await using (var db = database.Context())
        {
            db.AuditEntries.Where(e => e.Action == Refused && e.Actor == "dangbo.xa").Select(e => e.Changes!).ToList()
                .ShouldHaveSingleItem().ShouldContain(data.Dat.Cccd!);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TakenCccds_PastTheDailyLimit_RefuseTheWholeFile_AndStopTheAccountsChecksUntilTomorrow(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(database);
        await using var other = await TestData.SeedAsync(database, "U", "Khác");
        await other.AddMembersAsync(other.CellOne, CccdPolicy.Default.RefusalsPerDay + 5);
        var clock = TestClock.On(TestData.Today);
        await using var app = new ChiBoApp(database, clock);
        await app.AddAccountAsync("dangbo.xa", "superior-committee", data.Commune.Code);
        using var commune = await LoginAsync(app, "dangbo.xa");

        // Twenty-five made-up records carrying numbers of another province's members.
        List<Member> theirs;
        await using (var db = database.Context())
        {
            theirs = db.Members.Where(m => m.CellId == other.CellOne.Id && m.FullName.StartsWith("Võ Văn Khang")).OrderBy(m => m.Id).ToList();
        }

        theirs.Count.ShouldBe(CccdPolicy.Default.RefusalsPerDay + 5);
        var errors = await ErrorsAsync(await ImportAsync(commune, data.Commune.Code, [.. theirs.Select(m => Row(m, data.CellOne.Code))]));
        var cccd = errors.Where(e => e.Column == MemberSheet.Cccd).ToList();
        cccd.ShouldHaveSingleItem().Row.ShouldBe(1);
        cccd[0].Message.ShouldContain("tạm dừng đến hết ngày");
        errors.ShouldAllBe(e => theirs.All(m => !e.Message.Contains(m.Cccd!)));
        await using (var db = database.Context())
        {
            db.AuditEntries.Count(e => e.Action == Refused && e.Actor == "dangbo.xa").ShouldBe(CccdPolicy.Default.RefusalsPerDay + 1);
            db.Members.Count(m => m.CellId == data.CellOne.Id).ShouldBe(2);
        }

        // Stopped: even a number nobody holds is not checked today, and the attempt is audited.
        var unused = new MemberProfile { FullName = "Người Mới Nhập", Gender = Gender.Male, BirthDate = new DateOnly(1990, 7, 7), Cccd = Cccd.Compose(89, new DateOnly(1990, 7, 7), Gender.Male, 777) };
        var stopped = await ErrorsAsync(await ImportAsync(commune, data.Commune.Code, Row(unused, data.CellOne.Code)));
        stopped.ShouldHaveSingleItem().Message.ShouldContain("Liên hệ Ban Tổ chức Tỉnh ủy");
        await using (var db = database.Context())
        {
            db.AuditEntries.Count(e => e.Action == Refused && e.Actor == "dangbo.xa").ShouldBe(CccdPolicy.Default.RefusalsPerDay + 2);
            db.Members.Count(m => m.CellId == data.CellOne.Id).ShouldBe(2);
        }

        // Another account is not stopped; the same account is, until the next day.
        await app.AddAccountAsync("chiuy.hai", "cell-committee", data.CellTwo.Code);
        using (var second = await LoginAsync(app, "chiuy.hai"))
        {
            var nominate = new
            {
                profile = unused with { FullName = "Ứng Viên Chi Bộ Hai", Cccd = Cccd.Compose(89, unused.BirthDate, Gender.Male, 779) },
                cellId = data.CellTwo.Id, nominatedOn = new DateOnly(2026, 6, 1),
            };
            (await second.PostAsJsonAsync("/api/admission/candidates", nominate, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        clock.Now = clock.Now.AddDays(1);
        using var tomorrow = await LoginAsync(app, "dangbo.xa");
        var again = await ImportAsync(tomorrow, data.Commune.Code, Row(unused, data.CellOne.Code));
        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync(Ct));
        await using (var db = database.Context())
        {
            db.Members.Count(m => m.CellId == data.CellOne.Id).ShouldBe(3);
        }
    }

    [Theory]
    [InlineData("5", 5)]
    [InlineData(null, 20)]
    [InlineData("0", 20)]
    [InlineData("nhiều", 20)]
    public void TheDailyLimit_IsASetting_WithTheRegistersDefault(string? setting, int expected) =>
        CccdPolicy.From(setting).RefusalsPerDay.ShouldBe(expected);

    private static MemberProfile ProfileOf(Member holder, string name) => new()
    {
        FullName = name, Gender = holder.Gender, BirthDate = holder.BirthDate, Cccd = holder.Cccd,
    };

    /// <summary>Signs an account in with its password and TOTP code.</summary>
    private static async Task<HttpClient> LoginAsync(ChiBoApp app, string userName)
    {
        string? secret;
        await using (var db = app.Database.Context())
        {
            secret = db.Accounts.Single(a => a.UserName == userName).TotpSecret;
        }

        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/auth/login", new
        {
            username = userName, password = ChiBoApp.Password, totp = secret is null ? null : Totp.Code(secret, app.Clock.GetUtcNow()),
        }, Ct);
        response.EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(status, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A row of the import sheet for a made-up record carrying <paramref name="holder"/>'s number (and birth date and gender, which the number encodes).</summary>
    private static Dictionary<string, string> Row(Member holder, string cell) =>
        Row(new MemberProfile { FullName = "Người Thử Số", Gender = holder.Gender, BirthDate = holder.BirthDate, Cccd = holder.Cccd }, cell);

    private static Dictionary<string, string> Row(MemberProfile profile, string cell) => new()
    {
        [MemberSheet.FullName] = profile.FullName,
        [MemberSheet.Gender] = profile.Gender == Gender.Female ? "Nữ" : "Nam",
        [MemberSheet.BirthDate] = MemberSheet.Date(profile.BirthDate),
        [MemberSheet.Cccd] = profile.Cccd!,
        [MemberSheet.Ethnicity] = "Kinh",
        [MemberSheet.CellCode] = cell,
        [MemberSheet.AdmittedOn] = "01/03/2020",
        [MemberSheet.OfficialOn] = "01/03/2021",
        [MemberSheet.GeneralEducation] = "THPT",
        [MemberSheet.Professional] = "Đại học",
        [MemberSheet.PoliticalTheory] = "Sơ cấp",
        [MemberSheet.YouthUnion] = "Không",
    };

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string org, params Dictionary<string, string>[] rows)
    {
        using var buffer = new MemoryStream();
        MemberSheet.Write(buffer, MemberSheet.Headers,
            rows.Select(r => (IReadOnlyList<string?>)MemberSheet.Headers.Select(h => r.GetValueOrDefault(h)).ToList()));
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(ChiBo.Web.Members.ExcelEndpoints.XlsxType);
        using var form = new MultipartFormDataContent { { content, "file", "dang-vien.xlsx" } };
        return await client.PostAsync($"/api/members/import?org={org}", form, Ct);
    }

    private static async Task<List<ImportError>> ErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        return JsonSerializer.Deserialize<ChiBo.Web.Members.ImportErrors>(body, JsonSerializerOptions.Web)!.Errors.ToList();
    }
}
