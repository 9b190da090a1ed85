using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Tests.Infrastructure;
using ChiBo.Villages;

namespace ChiBo.Tests.Cadres;

/// <summary>
/// The village register of a commune through HTTP, SQLite and PostgreSQL: villages covered by their
/// cells over time, a chi bộ ghép until the village gets its own cell, heads who are or are not (or
/// no longer) party members, and a village merged into another.
/// </summary>
public sealed class VillageRegisterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Villages_AsOfADate_ShowOwnAndCombinedCellsAndWhetherTheirHeadsAreMembers(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var data = await TestData.SeedAsync(db);
        await using var app = new ChiBoApp(db, TestClock.On(TestData.Today));
        using var commune = await app.SignedInAsync("superior-committee", data.Commune.Code);

        async Task<JsonElement> Add(string name) => await CommitteeHistoryTests.OkAsync(await commune.PostAsJsonAsync("/api/villages/",
            new { commune = data.Commune.Code, kind = VillageKind.Ap, name, establishedOn = new DateOnly(1990, 1, 1) }, Ct));
        async Task<int> Do(JsonElement village, string what, object body) =>
            (await CommitteeHistoryTests.OkAsync(await commune.PostAsJsonAsync($"/api/villages/{village.GetProperty("id").GetInt32()}/{what}", body, Ct)))
                .GetProperty("version").GetInt32();

        var mot = await Add("Ấp Một");
        var hai = await Add("Ấp Hai");
        var ba = await Add("Ấp Ba");
        await Do(mot, "cells", new { version = 1, cell = data.CellOne.Code, from = new DateOnly(2000, 1, 1) });
        await Do(hai, "cells", new { version = 1, cell = data.CellTwo.Code, from = new DateOnly(2000, 1, 1) });

        // Chi bộ ấp Hai also covers ấp Ba (ghép) until 2024, when ấp Ba goes to chi bộ ấp Một… which then covers two.
        var v = await Do(ba, "cells", new { version = 1, cell = data.CellTwo.Code, from = new DateOnly(2010, 1, 1) });
        v = await Do(ba, "cells/" + data.CellTwo.Id + "/end", new { version = v, on = new DateOnly(2024, 1, 1) });
        await Do(ba, "cells", new { version = v, cell = data.CellOne.Code, from = new DateOnly(2024, 1, 1) });

        // Heads: An (a member) heads ấp Một; ấp Hai's head is not a member; its front-work head is Dũng, who died in 2024.
        await Do(mot, "heads", new { version = 2, role = VillageRole.Head, memberId = data.An.Id, from = new DateOnly(2022, 7, 1) });
        var h = await Do(hai, "heads", new { version = 2, role = VillageRole.Head, fullName = "Lê Văn Tư", from = new DateOnly(2022, 7, 1) });
        await Do(hai, "heads", new { version = h, role = VillageRole.FrontWorkHead, memberId = data.Dung.Id, from = new DateOnly(2022, 7, 1) });

        // A cell of another commune cannot cover the village.
        var foreign = await commune.PostAsJsonAsync($"/api/villages/{mot.GetProperty("id").GetInt32()}/cells",
            new { version = 3, cell = data.SchoolCell.Code, from = new DateOnly(2024, 1, 1) }, Ct);
        await CommitteeHistoryTests.RefusedAsync(foreign, HttpStatusCode.BadRequest, "CellId");

        async Task<JsonElement> Register(string day) =>
            await CommitteeHistoryTests.OkAsync(await commune.GetAsync($"/api/villages/?org={data.Commune.Code}&asOf={day}", Ct));

        var before = await Register("2023-06-01");
        var summary = before.GetProperty("summary");
        summary.GetProperty("villages").GetInt32().ShouldBe(3);
        summary.GetProperty("ownCell").GetInt32().ShouldBe(1);
        summary.GetProperty("combined").GetInt32().ShouldBe(2);
        summary.GetProperty("combinedCells").GetInt32().ShouldBe(1);
        summary.GetProperty("withoutCell").GetInt32().ShouldBe(0);
        summary.GetProperty("headsMembers").GetInt32().ShouldBe(1);
        summary.GetProperty("frontWorkHeadsMembers").GetInt32().ShouldBe(1);
        var haiRow = before.GetProperty("villages").EnumerateArray().Single(x => x.GetProperty("name").GetString() == "Ấp Hai");
        haiRow.GetProperty("cells")[0].GetProperty("villagesCovered").GetInt32().ShouldBe(2);
        haiRow.GetProperty("head").GetProperty("isMember").GetBoolean().ShouldBeFalse();

        var after = (await Register("2025-01-01")).GetProperty("summary");
        after.GetProperty("ownCell").GetInt32().ShouldBe(1); // ấp Hai now; ấp Một shares its cell with ấp Ba
        after.GetProperty("combined").GetInt32().ShouldBe(2);
        after.GetProperty("frontWorkHeadsMembers").GetInt32().ShouldBe(0); // Dũng died on 08/03/2024

        // Ấp Ba merges into ấp Một: from then on, every village has a cell of its own.
        var close = await commune.PostAsJsonAsync($"/api/villages/{ba.GetProperty("id").GetInt32()}/close",
            new { version = 4, on = new DateOnly(2025, 6, 1), mergedIntoId = mot.GetProperty("id").GetInt32() }, Ct);
        (await CommitteeHistoryTests.OkAsync(close)).GetProperty("closedOn").GetString().ShouldBe("2025-06-01");
        var merged = (await Register("2026-01-01")).GetProperty("summary");
        (merged.GetProperty("villages").GetInt32(), merged.GetProperty("ownCell").GetInt32(), merged.GetProperty("combined").GetInt32()).ShouldBe((2, 2, 0));

        // The register is the commune's to keep: a cell committee reads it but does not write it.
        using var cell = await app.SignedInAsync("cell-committee", data.CellOne.Code);
        (await cell.GetAsync($"/api/villages/?org={data.CellOne.Code}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await cell.PostAsJsonAsync("/api/villages/", new { commune = data.Commune.Code, kind = VillageKind.Ap, name = "Ấp Bốn", establishedOn = new DateOnly(2020, 1, 1) }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
