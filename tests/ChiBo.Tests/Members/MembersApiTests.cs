using System.Text.Json;
using ChiBo.Organizations;
using ChiBo.Tests.Infrastructure;
using ChiBo.Web.Members;

namespace ChiBo.Tests.Members;

public sealed class MembersApiTests
{
    private static string[] Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("fullName").GetString()!).ToArray();

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_IsConfinedToTheSubtree_ActiveByDefault(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);

        var (status, page, _) = await s.GetJsonAsync("/api/members?org=T.01.01");

        status.ShouldBe(200);
        page.GetProperty("total").GetInt32().ShouldBe(3);
        page.GetProperty("page").GetInt32().ShouldBe(1);
        page.GetProperty("pageSize").GetInt32().ShouldBe(50);
        Names(page).ShouldBe(["Đặng Thị Bình", "Nguyễn Văn An", "Nguyễn Văn Anh"]);
        var an = page.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("fullName").GetString() == "Nguyễn Văn An");
        an.GetProperty("id").GetInt32().ShouldBe(s.Data.An.Id);
        an.GetProperty("cellCode").GetString().ShouldBe("T.01.01.01");
        an.GetProperty("status").GetString().ShouldBe("official");
        an.GetProperty("gender").GetString().ShouldBe("male");
        an.GetProperty("birthDate").GetString().ShouldBe("1980-05-01");

        var (_, all, _) = await s.GetJsonAsync("/api/members?org=T.01.01&status=all");
        Names(all).ShouldContain("Trần Văn Dũng");
        all.GetProperty("total").GetInt32().ShouldBe(4);

        var (_, ward, _) = await s.GetJsonAsync("/api/members?org=T.02&status=all");
        Names(ward).ShouldBe(["Phạm Văn Đạt"]);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_IgnoresDiacriticsAndD_WordStartsWithinTheSubtree(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);

        var (_, an, _) = await s.GetJsonAsync("/api/members?q=nguyen%20van%20an");
        Names(an).ShouldBe(["Nguyễn Văn An", "Nguyễn Văn Anh"]);

        var (_, dang, _) = await s.GetJsonAsync("/api/members?q=dang");
        Names(dang).ShouldBe(["Đặng Thị Bình"]);

        var (_, typed, _) = await s.GetJsonAsync("/api/members?q=" + Uri.EscapeDataString("NGUYỄN  văn-AN"));
        Names(typed).ShouldBe(["Nguyễn Văn An", "Nguyễn Văn Anh"]);

        var (_, given, _) = await s.GetJsonAsync("/api/members?q=dat");
        Names(given).ShouldBe(["Phạm Văn Đạt"]);

        // Words must start a word of the name: "guyen" is inside "nguyen", not at its start.
        var (_, inner, _) = await s.GetJsonAsync("/api/members?q=guyen");
        inner.GetProperty("total").GetInt32().ShouldBe(0);

        var (_, elsewhere, _) = await s.GetJsonAsync("/api/members?org=T.02&q=nguyen");
        elsewhere.GetProperty("total").GetInt32().ShouldBe(0);

        var (_, byCccd, _) = await s.GetJsonAsync("/api/members?q=" + s.Data.Hoa.Cccd);
        Names(byCccd).ShouldBe(["Lê Thị Hoa"]);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_Pages50ByName(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        await s.Data.AddMembersAsync(s.Data.CellTwo, 60);

        var (_, first, _) = await s.GetJsonAsync("/api/members?org=T.01.01");
        var (_, second, _) = await s.GetJsonAsync("/api/members?org=T.01.01&page=2");
        var (_, past, _) = await s.GetJsonAsync("/api/members?org=T.01.01&page=3");

        first.GetProperty("total").GetInt32().ShouldBe(63);
        first.GetProperty("items").GetArrayLength().ShouldBe(50);
        second.GetProperty("page").GetInt32().ShouldBe(2);
        second.GetProperty("items").GetArrayLength().ShouldBe(13);
        past.GetProperty("total").GetInt32().ShouldBe(63);
        past.GetProperty("items").GetArrayLength().ShouldBe(0);
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("id").GetInt32()).ToList();
        ids.Distinct().Count().ShouldBe(63);

        // A search pages the same way, and so does the whole province.
        var (_, khang, _) = await s.GetJsonAsync("/api/members?q=vo%20khang&page=2");
        khang.GetProperty("total").GetInt32().ShouldBe(60);
        khang.GetProperty("items").GetArrayLength().ShouldBe(10);
        Names(khang)[0].ShouldBe("Võ Văn Khang 051");
        var (_, province, _) = await s.GetJsonAsync("/api/members?page=2");
        province.GetProperty("total").GetInt32().ShouldBe(65);
        province.GetProperty("items").GetArrayLength().ShouldBe(15);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task List_Filters(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);

        async Task<string[]> NamesOf(string query) => Names((await s.GetJsonAsync("/api/members?" + query)).Json);

        (await NamesOf("gender=female")).ShouldBe(["Đặng Thị Bình", "Lê Thị Hoa"]);
        (await NamesOf("status=probationary")).ShouldBe(["Đặng Thị Bình"]);
        (await NamesOf("status=exempted")).ShouldBe(["Nguyễn Văn Anh"]);
        (await NamesOf("status=died")).ShouldBe(["Trần Văn Dũng"]);
        (await NamesOf("ageBand=18-30")).ShouldBe(["Đặng Thị Bình"]);
        (await NamesOf("ageBand=71%2B")).ShouldBe(["Nguyễn Văn Anh"]);
        (await NamesOf("generalEducation=lowerSecondary")).ShouldBe(["Lê Thị Hoa"]);
        (await NamesOf("sector=enterpriseCoop")).ShouldBe(["Lê Thị Hoa"]);
        (await NamesOf("sector=publicService")).ShouldBe(["Phạm Văn Đạt"]);
        (await NamesOf("org=T.01&gender=male&q=nguyen")).ShouldBe(["Nguyễn Văn An", "Nguyễn Văn Anh"]);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BadInput_Is400NamingTheField_UnknownOrg404(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);

        foreach (var (query, field) in new[]
        {
            ("gender=x", "gender"), ("page=0", "page"), ("page=abc", "page"), ("ageBand=30-18", "ageBand"),
            ("ageBand=99999-99999", "ageBand"), ("ageBand=151%2B", "ageBand"),
            ("status=1", "status"), ("generalEducation=college", "generalEducation"), ("sector=bank", "sector"),
        })
        {
            var (status, problem, _) = await s.GetJsonAsync("/api/members?" + query);
            status.ShouldBe(400, query);
            problem.GetProperty("field").GetString().ShouldBe(field, query);
            problem.GetProperty("title").GetString().ShouldBe("Dữ liệu không hợp lệ");
        }

        var (notFound, orgProblem, _) = await s.GetJsonAsync("/api/members?org=KHONG.CO");
        notFound.ShouldBe(404);
        orgProblem.GetProperty("title").GetString().ShouldBe("Không tìm thấy tổ chức");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Record_HasProfileAndTimeline(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);

        var (status, anh, _) = await s.GetJsonAsync($"/api/members/{s.Data.Anh.Id}");

        status.ShouldBe(200);
        anh.GetProperty("id").GetInt32().ShouldBe(s.Data.Anh.Id);
        anh.GetProperty("fullName").GetString().ShouldBe("Nguyễn Văn Anh");
        anh.GetProperty("cellCode").GetString().ShouldBe("T.01.01.02");
        anh.GetProperty("status").GetString().ShouldBe("exempted");
        anh.GetProperty("cccd").GetString().ShouldBe(s.Data.Anh.Cccd);
        anh.GetProperty("ethnicity").GetString().ShouldBe("Kinh");
        anh.GetProperty("politicalTheory").GetString().ShouldBe("intermediate");
        anh.GetProperty("admittedOn").GetString().ShouldBe("1975-09-02");
        var timeline = anh.GetProperty("timeline").EnumerateArray().ToList();
        timeline.Select(e => e.GetProperty("kind").GetString()).ShouldBe(["admitted", "recognizedOfficial", "exempted"]);
        timeline[0].GetProperty("kindLabel").GetString().ShouldBe("Kết nạp");
        timeline[0].GetProperty("decisionNumber").GetString().ShouldBe($"{s.Data.Anh.Id}-QĐ/ĐU");
        timeline[0].GetProperty("cellCode").GetString().ShouldBe("T.01.01.02");
        timeline[2].GetProperty("reason").GetString().ShouldBe("Tuổi cao, sức yếu");
        timeline[2].GetProperty("recordedBy").GetString().ShouldBe("test");

        var (missing, problem, _) = await s.GetJsonAsync("/api/members/999999");
        missing.ShouldBe(404);
        problem.GetProperty("title").GetString().ShouldBe("Không tìm thấy đảng viên");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scope_MakesMembersOutsideItNotFound(string provider)
    {
        await using var s = await Scenario.StartAsync(provider);
        await using var db = s.Database.Context();
        var ward = Subtree.Of(s.Data.Ward);
        var ct = TestContext.Current.CancellationToken;

        (await MemberRecords.FindAsync(db, ward, s.Data.An.Id, ChiBo.Access.OrgScope.System, ct)).ShouldBeNull();
        (await MemberRecords.FindAsync(db, ward, s.Data.Dat.Id, ChiBo.Access.OrgScope.System, ct))!.Member.FullName.ShouldBe("Phạm Văn Đạt");

        var page = await MemberList.RunAsync(db, ward, new MemberFilter { Status = MemberFilter.AllStatuses }, TestData.Today, ChiBo.Access.OrgScope.System, ct);
        page.Items.Select(i => i.FullName).ShouldBe(["Phạm Văn Đạt"]);
        var search = await MemberList.RunAsync(db, ward, new MemberFilter { Query = s.Data.An.Cccd }, TestData.Today, ChiBo.Access.OrgScope.System, ct);
        search.Total.ShouldBe(0);
    }
}
