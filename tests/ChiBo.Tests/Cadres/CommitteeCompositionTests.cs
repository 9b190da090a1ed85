using System.Globalization;
using System.Text.Json;
using ChiBo.Access;
using ChiBo.Cadres;
using ChiBo.Cli;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Reports;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Cadres;

/// <summary>
/// The composition of committees by level for a subtree and a date, through <c>/api/reports/committees</c>
/// and <c>chibo report committees</c> (the same JSON), on SQLite and PostgreSQL; and the plan
/// measures by unit from one grouped pass.
/// </summary>
public sealed class CommitteeCompositionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly On = new(2026, 6, 1);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CommitteesReport_CountsEverySeatOfTheLevel_APersonOnTwoCommitteesTwice_AndNobodyOutOfTheParty(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(db);
        await data.AddMembersAsync(data.CellOne, 2);
        var khang = CommitteeHistoryTests.MembersOf(db, data.CellOne);
        var clock = TestClock.On(TestData.Today);
        await using (var context = db.Context())
        {
            // The cadre attributes: An a chuyên viên chính, Đạt a chuyên viên with a master's degree, Hoa with a science background.
            context.Members.Single(m => m.Id == data.An.Id).CivilServiceGrade = CivilServiceGrade.Principal;
            var dat = context.Members.Single(m => m.Id == data.Dat.Id);
            dat.CivilServiceGrade = CivilServiceGrade.Officer;
            dat.Professional = ProfessionalLevel.Master;
            context.MemberPeriods.Single(p => p.MemberId == data.Dat.Id).Professional = ProfessionalLevel.Master;
            context.Members.Single(m => m.Id == data.Hoa.Id).ScienceTechnology = true;
            await context.SaveChangesAsync(Ct);

            var committees = new CommitteeCommands(context, clock, OrgScope.System, "test");
            async Task Form(Organization org, DateOnly congress, CommitteeFormation formation, params CommitteeSeat[] seats) =>
                await committees.FormAsync(new CommitteeForming(org.Id, "nhiệm kỳ", congress, congress.AddYears(5), formation, 5, null, seats), Ct);

            // Hoa is appointed to the đảng ủy cơ sở and elected secretary of her own chi bộ cơ sở: two base seats.
            await Form(data.BaseCommittee, new DateOnly(2025, 5, 12), CommitteeFormation.Appointed,
                new(data.An.Id, CommitteePosition.Secretary), new(khang[0].Id, CommitteePosition.DeputySecretary), new(data.Hoa.Id, CommitteePosition.Member));
            await Form(data.EnterpriseCell, new DateOnly(2025, 4, 2), CommitteeFormation.Elected, new CommitteeSeat(data.Hoa.Id, CommitteePosition.Secretary));
            await Form(data.SchoolCell, new DateOnly(2025, 4, 3), CommitteeFormation.Elected, new CommitteeSeat(data.Dat.Id, CommitteePosition.Secretary));

            // Village cells: ấp Hai's secretary died in 2024 and no longer counts; ấp Một's chi ủy from 2025.
            await Form(data.CellTwo, new DateOnly(2020, 3, 1), CommitteeFormation.Elected, new CommitteeSeat(data.Dung.Id, CommitteePosition.Secretary));
            await Form(data.CellOne, new DateOnly(2025, 3, 1), CommitteeFormation.Elected,
                new(data.An.Id, CommitteePosition.Secretary), new(khang[1].Id, CommitteePosition.Member));
        }

        await using var app = new ChiBoApp(db, clock);
        using var province = await app.SignedInAsync("province-board", data.Province.Code);
        async Task<JsonElement> Report(string org, string level, DateOnly asOf, string bands = "18-41,42+") =>
            await CommitteeHistoryTests.OkAsync(await province.GetAsync(
                $"/api/reports/committees?org={org}&level={level}&asOf={asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&ageBands={Uri.EscapeDataString(bands)}", Ct));

        var base_ = await Report("root", "base", On);
        base_.EnumerateObject().Select(p => p.Name).ShouldBe(["org", "level", "asOf", "members", "dimensions"]);
        base_.GetProperty("org").GetString().ShouldBe("T");
        base_.GetProperty("asOf").GetString().ShouldBe("2026-06-01");
        base_.GetProperty("members").GetInt32().ShouldBe(5);
        var d = base_.GetProperty("dimensions");
        d.EnumerateObject().Select(p => p.Name).ShouldBe(CommitteeComposition.DimensionNames);
        int Count(string dimension, string category) => d.GetProperty(dimension).GetProperty(category).GetInt32();
        (Count("gender", "female"), Count("gender", "male")).ShouldBe((2, 3));
        (Count("ageBand", "18-41"), Count("ageBand", "42+")).ShouldBe((3, 2));
        (Count("generalEducation", "lowerSecondary"), Count("generalEducation", "upperSecondary")).ShouldBe((2, 3));
        Count("professional", "universityPlus").ShouldBe(5);
        Count("politicalTheory", "intermediate").ShouldBe(5);
        (Count("postgraduate", "yes"), Count("postgraduate", "no")).ShouldBe((1, 4));
        (Count("scienceTech", "yes"), Count("scienceTech", "no")).ShouldBe((2, 3));
        (Count("grade", "senior"), Count("grade", "principal"), Count("grade", "specialist"), Count("grade", "none")).ShouldBe((0, 1, 1, 3));
        (Count("position", "secretary"), Count("position", "deputySecretary"), Count("position", "standing"), Count("position", "member")).ShouldBe((3, 1, 0, 1));

        // The member dimensions speak the member-structure report's vocabulary, category for category.
        var members = await CommitteeHistoryTests.OkAsync(await province.GetAsync("/api/reports/member-structure?org=root&asOf=2026-06-01", Ct));
        foreach (var name in CommitteeComposition.MemberDimensionNames)
        {
            d.GetProperty(name).EnumerateObject().Select(c => c.Name)
                .ShouldBe(members.GetProperty("dimensions").GetProperty(name).EnumerateObject().Select(c => c.Name), name);
        }

        // By subtree and date: the dead secretary counts while alive only; nothing before the committees.
        (await Report(data.Commune.Code, "base", On)).GetProperty("members").GetInt32().ShouldBe(4);
        (await Report(data.Ward.Code, "base", On)).GetProperty("members").GetInt32().ShouldBe(1);
        (await Report("root", "villageCell", On)).GetProperty("members").GetInt32().ShouldBe(2);
        (await Report("root", "villageCell", new DateOnly(2023, 1, 1))).GetProperty("members").GetInt32().ShouldBe(1);
        (await Report("root", "base", new DateOnly(2024, 1, 1))).GetProperty("members").GetInt32().ShouldBe(0);
        (await Report("root", "commune", On)).GetProperty("members").GetInt32().ShouldBe(0);

        // The command line prints the same document.
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        (await ChiBoCli.RunAsync(["report", "committees", "--db", db.Target.ConnectionString, "--org", "root", "--level", "base", "--as-of", "2026-06-01",
            "--age-bands", "18-41,42+", "--format", "json"], stdout, stderr, Ct)).ShouldBe(0, stderr.ToString());
        JsonSerializer.Serialize(JsonDocument.Parse(stdout.ToString()).RootElement).ShouldBe(JsonSerializer.Serialize(base_));

        // A level the format does not have is a 400 naming the field.
        var bad = await province.GetAsync("/api/reports/committees?org=root&level=cell&asOf=2026-06-01", Ct);
        (await CommitteeHistoryTests.RefusedAsync(bad, System.Net.HttpStatusCode.BadRequest, "level")).GetProperty("detail").GetString()!.ShouldContain("villageCell");

        // The plan measures by unit, from one grouped pass.
        await using var read = db.Context();
        var measures = await CommitteeComposition.MeasuresAsync(read, Subtree.Of(data.Province),
            [(data.Commune.Code, Subtree.Of(data.Commune)), (data.Ward.Code, Subtree.Of(data.Ward))], CommitteeLevels.Base, On, AgeBand.ParseList("18-41,42+"), Ct);
        measures[data.Commune.Code]["committees.base.members"].ShouldBe(4);
        measures[data.Commune.Code]["committees.base.gender.female"].ShouldBe(2);
        measures[data.Commune.Code]["committees.base.position.secretary"].ShouldBe(2);
        measures[data.Ward.Code]["committees.base.members"].ShouldBe(1);
        measures[data.Ward.Code]["committees.base.postgraduate.yes"].ShouldBe(1);
        measures[data.Ward.Code]["committees.base.ageBand.42+"].ShouldBe(1);
    }
}
