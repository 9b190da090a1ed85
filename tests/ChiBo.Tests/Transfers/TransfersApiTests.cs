using System.Net;
using System.Net.Http.Json;
using ChiBo.Members;
using ChiBo.Tests.Infrastructure;
using ChiBo.Transfers;
using Microsoft.AspNetCore.Mvc;

namespace ChiBo.Tests.Transfers;

/// <summary>The transfer package through HTTP: downloaded from one register, uploaded to another.</summary>
public sealed class TransfersApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Api_ExportedPackage_ImportsIntoAnotherRegister_Once(string provider)
    {
        await using var from = await World.CreateAsync(provider);
        await using var to = await World.CreateAsync(provider);
        var m = await from.RegisterAsync(from.Cell1, "Tạ Văn Qua Tỉnh", new DateOnly(2012, 3, 1), new DateOnly(2013, 3, 1));
        await using var sender = new ChiBoApp(from.Database);
        await using var receiver = new ChiBoApp(to.Database);
        using var out_ = await sender.SignedInAsync("province-board");
        using var in_ = await receiver.SignedInAsync("province-board");

        var export = await out_.PostAsJsonAsync("/api/transfers/export", new TransferExport(m.Id, m.Version, "Đảng ủy xã X, tỉnh Y", "7-GGT/ĐU", new DateOnly(2025, 6, 2)), Ct);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var package = await export.Content.ReadAsByteArrayAsync(Ct);
        var again = await out_.PostAsJsonAsync("/api/transfers/export", new TransferExport(m.Id, m.Version, "Đảng ủy xã X, tỉnh Y", "8-GGT/ĐU", new DateOnly(2025, 6, 2)), Ct);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var imported = await in_.PostAsync("/api/transfers/import?cell=AG.02.01&date=2025-06-20", new ByteArrayContent(package), Ct);
        imported.StatusCode.ShouldBe(HttpStatusCode.OK);
        var member = (await imported.Content.ReadFromJsonAsync<MemberView>(Ct))!;
        (member.FullName, member.CellId, member.Status).ShouldBe(("Tạ Văn Qua Tỉnh", to.CellB1.Id, MemberStatus.Official));
        member.Profile.Cccd.ShouldBe(m.Cccd);

        var twice = await in_.PostAsync("/api/transfers/import?cell=AG.02.01&date=2025-06-20", new ByteArrayContent(package), Ct);
        twice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await twice.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail!.ShouldContain("đã có trong hồ sơ");
        (await in_.PostAsync("/api/transfers/import?cell=AG.99", new ByteArrayContent(package), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await to.CountAsOf(to.Root, new DateOnly(2025, 6, 20))).ShouldBe(1);
        (await from.CountAsOf(from.Root, new DateOnly(2025, 6, 2))).ShouldBe(0);
    }
}
