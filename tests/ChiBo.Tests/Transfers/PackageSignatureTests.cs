using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChiBo.Tests.Infrastructure;
using ChiBo.Transfers;
using Microsoft.Extensions.DependencyInjection;

namespace ChiBo.Tests.Transfers;

/// <summary>
/// A transfer package creates an official member with the admission date it states, so it carries
/// the issuing register's signature: a signature that does not match is refused, a package without
/// one (or signed by a register not registered as trusted) is for the province board alone.
/// </summary>
public sealed class PackageSignatureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_TamperedPackage_IsRefused_EvenForTheProvinceBoard(string provider)
    {
        await using var from = await World.CreateAsync(provider);
        await using var to = await World.CreateAsync(provider);
        var package = await ExportAsync(from);
        await using var receiver = new ChiBoApp(to.Database, to.Clock);
        using var board = await receiver.SignedInAsync("province-board");

        var tampered = package.Replace("\"admittedOn\": \"2012-03-01\"", "\"admittedOn\": \"1990-03-01\"", StringComparison.Ordinal);
        tampered.ShouldNotBe(package);
        var response = await ImportAsync(board, tampered);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await DetailAsync(response)).ShouldContain("chữ ký số");
        (await to.CountAsOf(to.Root, to.Clock.Today)).ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_UnsignedPackage_IsForTheProvinceBoardOnly(string provider)
    {
        await using var from = await World.CreateAsync(provider);
        await using var to = await World.CreateAsync(provider);
        var node = JsonNode.Parse(await ExportAsync(from))!.AsObject();
        node.Remove("signature");
        var unsigned = node.ToJsonString();
        await using var receiver = new ChiBoApp(to.Database, to.Clock);
        using var cell = await receiver.SignedInAsync("cell-committee", to.CellB1.Code);
        using var superior = await receiver.SignedInAsync("superior-committee", to.CommuneB.Code);
        using var board = await receiver.SignedInAsync("province-board");

        foreach (var client in new[] { cell, superior })
        {
            var refused = await ImportAsync(client, unsigned);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await DetailAsync(refused)).ShouldContain("Ban Tổ chức Tỉnh ủy");
        }

        (await to.CountAsOf(to.Root, to.Clock.Today)).ShouldBe(0);
        var taken = await ImportAsync(board, unsigned);
        taken.StatusCode.ShouldBe(HttpStatusCode.OK, await taken.Content.ReadAsStringAsync(Ct));
        (await to.CountAsOf(to.Root, to.Clock.Today)).ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_SignedByATrustedRegister_IsTakenByTheReceivingCell(string provider)
    {
        await using var from = await World.CreateAsync(provider);
        await using var to = await World.CreateAsync(provider);
        var package = await ExportAsync(from);
        await using var receiver = new ChiBoApp(to.Database, to.Clock);
        using var cell = await receiver.SignedInAsync("cell-committee", to.CellB1.Code);

        var response = await ImportAsync(cell, package);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var member = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        member.GetProperty("fullName").GetString().ShouldBe("Tạ Văn Có Dấu");
        (await to.CountAsOf(to.Root, to.Clock.Today)).ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_SignedByAnUnregisteredKey_IsForTheProvinceBoard_UntilTheKeyIsTrusted(string provider)
    {
        await using var from = await World.CreateAsync(provider);
        await using var to = await World.CreateAsync(provider);
        var elsewhere = PackageKeys.Open(Path.Combine(Path.GetTempPath(), "chibo-tests", "other-province-" + Guid.NewGuid().ToString("N")));
        var package = elsewhere.Sign(TransferPackage.Parse(await ExportAsync(from))).ToJson();
        await using var receiver = new ChiBoApp(to.Database, to.Clock);
        using var cell = await receiver.SignedInAsync("cell-committee", to.CellB1.Code);

        var refused = await ImportAsync(cell, package);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var detail = await DetailAsync(refused);
        detail.ShouldContain(elsewhere.KeyId);
        detail.ShouldContain("Ban Tổ chức Tỉnh ủy");

        var name = "tinh-thu-" + Guid.NewGuid().ToString("N")[..8];
        var keys = receiver.Services.GetRequiredService<PackageKeys>();
        keys.Trust(elsewhere.PublicKeyPem, name).ShouldBe(elsewhere.KeyId);
        try
        {
            var taken = await ImportAsync(cell, package);
            taken.StatusCode.ShouldBe(HttpStatusCode.OK, await taken.Content.ReadAsStringAsync(Ct));
            (await to.CountAsOf(to.Root, to.Clock.Today)).ShouldBe(1);
        }
        finally
        {
            File.Delete(Path.Combine(keys.Directory, PackageKeys.TrustedFolder, name + ".pem"));
        }
    }

    [Fact]
    public async Task TransferKeyCommand_PrintsThePublicKey_AndTrustsAnotherProvincesKey()
    {
        var folder = Path.Combine(Path.GetTempPath(), "chibo-tests", "cli-keys-" + Guid.NewGuid().ToString("N"));
        var printed = new StringWriter();
        (await ChiBo.Cli.ChiBoCli.RunAsync(["transfer-key", "--keys", folder], printed, new StringWriter(), Ct)).ShouldBe(0);
        var mine = PackageKeys.Open(folder);
        printed.ToString().ShouldContain(mine.KeyId);
        printed.ToString().ShouldContain("-----BEGIN PUBLIC KEY-----");

        var other = PackageKeys.Open(folder + "-other");
        var pem = Path.Combine(folder + "-other", "public.pem");
        await File.WriteAllTextAsync(pem, other.PublicKeyPem, Ct);
        var trusted = new StringWriter();
        (await ChiBo.Cli.ChiBoCli.RunAsync(["transfer-key", "trust", "--file", pem, "--name", "tinh-y", "--keys", folder], trusted, new StringWriter(), Ct)).ShouldBe(0);
        trusted.ToString().ShouldContain(other.KeyId);
        var package = other.Sign(new TransferPackage
        {
            Schema = TransferPolicy.PackageSchema, FromProvince = "Tỉnh Y", FromCellCode = "Y.1", FromCellName = "Chi bộ Y", Destination = "Tỉnh X",
            LetterNumber = "1-GGT", LetterDate = new DateOnly(2025, 6, 2), Member = new ChiBo.Members.MemberProfile { FullName = "Người Thử" }, Timeline = [],
        }).ToJson();
        mine.Check(package).ShouldBe(new PackageSeal(SealState.Trusted, other.KeyId, "tinh-y"));

        var errors = new StringWriter();
        (await ChiBo.Cli.ChiBoCli.RunAsync(["transfer-key", "trust", "--file", folder + "/none.pem", "--name", "x", "--keys", folder], new StringWriter(), errors, Ct)).ShouldBe(2);
        errors.ToString().ShouldContain("--file");
    }

    /// <summary>A member of the sending register's first cell, exported by its province board on 02/06/2025.</summary>
    private static async Task<string> ExportAsync(World from)
    {
        var m = await from.RegisterAsync(from.Cell1, "Tạ Văn Có Dấu", new DateOnly(2012, 3, 1), new DateOnly(2013, 3, 1));
        await using var sender = new ChiBoApp(from.Database, from.Clock);
        using var board = await sender.SignedInAsync("province-board");
        var export = await board.PostAsJsonAsync("/api/transfers/export",
            new { memberId = m.Id, memberVersion = m.Version, destination = "Đảng ủy xã X, tỉnh Y", letterNumber = "7-GGT/ĐU", letterDate = new DateOnly(2025, 6, 2) }, Ct);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await export.Content.ReadAsStringAsync(Ct);
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string package) =>
        client.PostAsync("/api/transfers/import?cell=AG.02.01&date=2025-06-20", new StringContent(package), Ct);

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString()!;
}
