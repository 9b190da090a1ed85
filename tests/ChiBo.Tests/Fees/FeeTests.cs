using System.Net.Http.Json;
using System.Text.Json;
using ChiBo.Fees;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Fees;

public sealed class FeeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(FeeGroup.Insured, 8_000_000, 80_000)]
    [InlineData(FeeGroup.SicknessOrMaternity, 3_333_350, 33_334)]
    [InlineData(FeeGroup.Pensioner, 5_000_000, 25_000)]
    [InlineData(FeeGroup.Student, 0, 5_000)]
    [InlineData(FeeGroup.NoRegularWage, 0, 10_000)]
    public void FeeAmount_FollowsThePolicy(FeeGroup group, long basis, long amount) =>
        FeePolicy.Amount(group, basis).ShouldBe(amount);

    [Fact]
    public void Cell_KeepsItsShare_AndSendsTheRestUp()
    {
        FeePolicy.Kept(OrgKind.Cell, 100_000).ShouldBe(30_000);
        new BasisIsGiven(FeeGroup.Insured, 0).IsBroken().ShouldBeTrue();
        new BasisIsGiven(FeeGroup.Student, 0).IsBroken().ShouldBeFalse();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Arrears_ThreeUnpaidMonths_AreFlaggedForStrikeOff_AndTheCollectionAddsUp(string provider)
    {
        await using var w = await World.CreateAsync(provider, new DateOnly(2025, 6, 30));
        var always = await w.RegisterAsync(w.Cell1, "Đóng Đủ", new DateOnly(2020, 1, 6), new DateOnly(2021, 1, 6));
        var late = await w.RegisterAsync(w.Cell1, "Nợ Ba Tháng", new DateOnly(2020, 1, 6), new DateOnly(2021, 1, 6));
        var newcomer = await w.RegisterAsync(w.CellB1, "Mới Vào", new DateOnly(2025, 4, 1));
        await using (var db = w.Db())
        {
            for (var month = 1; month <= 5; month++)
            {
                await FeeLedger.RecordAsync(db, w.Clock, World.Actor, new FeePaymentInput(always.Id, 2025, month, FeeGroup.Insured, 8_000_000, new DateOnly(2025, month, 10)), Ct);
            }

            for (var month = 1; month <= 2; month++)
            {
                await FeeLedger.RecordAsync(db, w.Clock, World.Actor, new FeePaymentInput(late.Id, 2025, month, FeeGroup.Pensioner, 5_000_000, new DateOnly(2025, month, 10)), Ct);
            }

            await FeeLedger.RecordAsync(db, w.Clock, World.Actor, new FeePaymentInput(newcomer.Id, 2025, 4, FeeGroup.Student, 0, new DateOnly(2025, 4, 10), Online: true), Ct);
            (await Should.ThrowAsync<RuleViolationException>(() =>
                FeeLedger.RecordAsync(db, w.Clock, World.Actor, new FeePaymentInput(always.Id, 2025, 5, FeeGroup.Insured, 8_000_000, new DateOnly(2025, 5, 11)), Ct)))
                .Message.ShouldContain("05/2025 đã được ghi nhận");
            (await Should.ThrowAsync<RuleViolationException>(() =>
                FeeLedger.RecordAsync(db, w.Clock, World.Actor, new FeePaymentInput(newcomer.Id, 2025, 1, FeeGroup.Student, 0, new DateOnly(2025, 4, 10)), Ct)))
                .Field.ShouldBe("Month");
        }

        await using var check = w.Db();
        var arrears = await FeeLedger.ArrearsAsync(check, Subtree.Of(w.Root), 2025, 5, Ct);
        arrears.Select(a => (a.MemberId, a.MonthsOwed, a.MonthsUnpaid, a.StrikeOffCandidate)).ShouldBe(
            [(late.Id, 5, 3, true), (newcomer.Id, 2, 1, false)]);

        var may = await FeeLedger.CollectionAsync(check, new OrgLookup(true, w.Root), 2025, 5, Ct);
        var cell1 = may.Cells.Single(c => c.CellId == w.Cell1.Id);
        (cell1.Members, cell1.Paid, cell1.Amount, cell1.KeptByCell, cell1.SentUp).ShouldBe((2, 1, 80_000L, 24_000L, 56_000L));
        (may.Members, may.Paid, may.Amount).ShouldBe((3, 1, 80_000L));
        var april = await FeeLedger.CollectionAsync(check, new OrgLookup(true, w.CommuneB), 2025, 4, Ct);
        april.Cells.ShouldHaveSingleItem().Amount.ShouldBe(5_000L);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ArrearsApi_ComesInPages_WorstFirst(string provider)
    {
        await using var w = await World.CreateAsync(provider, new DateOnly(2025, 6, 30));
        var paidUp = await w.RegisterAsync(w.Cell1, "Đóng Đủ", new DateOnly(2020, 1, 6), new DateOnly(2021, 1, 6));
        var oneMonth = await w.RegisterAsync(w.Cell2, "Nợ Một Tháng", new DateOnly(2020, 1, 6), new DateOnly(2021, 1, 6));
        var twoMonths = await w.RegisterAsync(w.CellB1, "Nợ Hai Tháng", new DateOnly(2020, 1, 6), new DateOnly(2021, 1, 6));
        var fiveMonths = await w.RegisterAsync(w.Cell1, "Chưa Đóng", new DateOnly(2020, 1, 6), new DateOnly(2021, 1, 6));
        await using (var db = w.Db())
        {
            foreach (var (member, months) in new[] { (paidUp, 5), (oneMonth, 4), (twoMonths, 3) })
            {
                for (var month = 1; month <= months; month++)
                {
                    await FeeLedger.RecordAsync(db, w.Clock, World.Actor, new FeePaymentInput(member.Id, 2025, month, FeeGroup.Pensioner, 5_000_000, new DateOnly(2025, month, 10)), Ct);
                }
            }
        }

        await using var app = new ChiBoApp(w.Database, w.Clock);
        using var http = await app.SignedInAsync("province-board");
        var first = await http.GetFromJsonAsync<JsonElement>("/api/fees/arrears?org=AG&year=2025&through=5&pageSize=2", Ct);
        (first.GetProperty("total").GetInt32(), first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32()).ShouldBe((3, 1, 2));
        first.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("memberId").GetInt32(), i.GetProperty("monthsUnpaid").GetInt32()))
            .ShouldBe([(fiveMonths.Id, 5), (twoMonths.Id, 2)]);
        var second = await http.GetFromJsonAsync<JsonElement>("/api/fees/arrears?org=AG&year=2025&through=5&pageSize=2&page=2", Ct);
        second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("memberId").GetInt32()).ShouldBe([oneMonth.Id]);
        (await http.GetAsync("/api/fees/arrears?org=AG&year=2025&pageSize=5000", Ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
    }
}
