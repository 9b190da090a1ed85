using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Members;

public sealed class PartyAgeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Decision Why = new("1-QĐ/ĐU", "Kiểm thử");

    /// <summary>An official member born in 1955, admitted on <paramref name="admitted"/>.</summary>
    private static async Task<Member> VeteranAsync(World w, Organization cell, string name, DateOnly admitted)
    {
        await using var db = w.Db();
        return await w.Members(db).RegisterAsync(
            new MemberRegistration(w.Profile(name, new DateOnly(1955, 3, 3)), cell.Id, admitted, admitted.AddYears(1)), Why, ct: Ct);
    }

    [Fact]
    public void PartyAge_SubtractsTheTimeOutOfTheParty()
    {
        var admitted = new DateOnly(1990, 3, 1);
        var gaps = PartyAgePolicy.Interruptions(
        [
            (MemberEventKind.Admitted, admitted),
            (MemberEventKind.RecognizedOfficial, admitted.AddYears(1)),
            (MemberEventKind.StruckOff, new DateOnly(2000, 3, 1)),
            (MemberEventKind.Admitted, new DateOnly(2002, 3, 1)),
        ]);
        gaps.ShouldBe([(new DateOnly(2000, 3, 1), new DateOnly(2002, 3, 1))]);
        PartyAgePolicy.ReachesOn(admitted, gaps, 30).ShouldBe(new DateOnly(2022, 3, 1));
        PartyAgePolicy.PartyAgeOn(admitted, gaps, new DateOnly(2022, 2, 28)).ShouldBe(29);
        PartyAgePolicy.PartyAgeOn(admitted, gaps, new DateOnly(2022, 3, 1)).ShouldBe(30);
        PartyAgePolicy.PartyAgeOn(admitted, [], new DateOnly(2022, 3, 1)).ShouldBe(32);
    }

    [Fact]
    public void PartyAge_TransferToAnotherProvinceIsNotAnInterruption_ButLeavingForGoodIs()
    {
        PartyAgePolicy.Interruptions(
        [
            (MemberEventKind.Admitted, new DateOnly(1990, 1, 1)),
            (MemberEventKind.TransferredOut, new DateOnly(2000, 1, 1)),
            (MemberEventKind.TransferredIn, new DateOnly(2000, 3, 1)),
        ]).ShouldBeEmpty();
        var open = PartyAgePolicy.Interruptions([(MemberEventKind.Admitted, new DateOnly(1990, 1, 1)), (MemberEventKind.Removed, new DateOnly(2010, 1, 1))]);
        PartyAgePolicy.ReachesOn(new DateOnly(1990, 1, 1), open, 30).ShouldBeNull();
        PartyAgePolicy.PartyAgeOn(new DateOnly(1990, 1, 1), open, new DateOnly(2030, 1, 1)).ShouldBe(20);
    }

    [Fact]
    public void EarlyAward_Is12MonthsUpTo65Years_24MonthsFrom70()
    {
        var reaches = new DateOnly(2025, 9, 2);
        PartyAgePolicy.EarliestEarlyAward(reaches, 30).ShouldBe(new DateOnly(2024, 9, 2));
        PartyAgePolicy.EarliestEarlyAward(reaches, 65).ShouldBe(new DateOnly(2024, 9, 2));
        PartyAgePolicy.EarliestEarlyAward(reaches, 70).ShouldBe(new DateOnly(2023, 9, 2));
        PartyAgePolicy.EarliestEarlyAward(reaches, 90).ShouldBe(new DateOnly(2023, 9, 2));
        PartyAgePolicy.NextCeremony(new DateOnly(2025, 5, 20)).ShouldBe(new DateOnly(2025, 9, 2));
        PartyAgePolicy.NextCeremony(new DateOnly(2025, 11, 8)).ShouldBe(new DateOnly(2026, 2, 3));
        PartyAgePolicy.IsCeremonyDay(new DateOnly(2025, 11, 7)).ShouldBeTrue();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BadgesDue_ByCeremonyDate_CountInterruptionsAndEarlyAwards(string provider)
    {
        await using var w = await World.CreateAsync(provider, new DateOnly(2025, 6, 30));
        var ceremony = new DateOnly(2025, 5, 19);
        var thirty = await VeteranAsync(w, w.Cell1, "Ba Mươi Năm", new DateOnly(1995, 2, 1));
        var soon = await VeteranAsync(w, w.Cell1, "Sắp Ba Mươi", new DateOnly(1995, 11, 1));
        var fortyFive = await VeteranAsync(w, w.CellB1, "Bốn Lăm Năm", new DateOnly(1980, 3, 1));
        var back = await VeteranAsync(w, w.Cell2, "Có Gián Đoạn", new DateOnly(1994, 1, 1));
        await using (var db = w.Db())
        {
            var members = w.Members(db);
            var m = await members.StrikeOffAsync(back.Id, back.Version, new DateOnly(2000, 1, 1), Why, Ct);
            m = await members.ReadmitAsync(m.Id, m.Version, w.Cell2.Id, new DateOnly(2003, 1, 1), Why, Ct);
            (await Should.ThrowAsync<RuleViolationException>(() => members.RecognizeOfficialAsync(m.Id, m.Version, new DateOnly(2003, 12, 31), Why, Ct)))
                .Message.ShouldContain("12 tháng");
            await members.RecognizeOfficialAsync(m.Id, m.Version, new DateOnly(2004, 1, 1), Why, Ct);
        }

        await using (var db = w.Db())
        {
            var due = await Badges.DueAsync(db, Subtree.Of(w.Root), ceremony, Ct);
            due.Select(d => (d.MemberId, d.Milestone, d.EarlyIfSeriouslyIll)).OrderBy(d => d.MemberId).ShouldBe(
                [(thirty.Id, 30, false), (soon.Id, 30, true), (fortyFive.Id, 45, false)]);
            (await Badges.DueAsync(db, Subtree.Of(w.CommuneB), ceremony, Ct)).ShouldHaveSingleItem().MemberId.ShouldBe(fortyFive.Id);

            (await Should.ThrowAsync<RuleViolationException>(() => Badges.AwardAsync(db, w.Clock, World.Actor, thirty.Id, 30, new DateOnly(2025, 5, 20), "1-QĐ/TU", false, Ct)))
                .Message.ShouldContain("3/2, 19/5, 2/9, 7/11");
            (await Should.ThrowAsync<RuleViolationException>(() => Badges.AwardAsync(db, w.Clock, World.Actor, soon.Id, 30, ceremony, "1-QĐ/TU", false, Ct)))
                .Message.ShouldContain("01/11/2025");
            (await Should.ThrowAsync<RuleViolationException>(() => Badges.AwardAsync(db, w.Clock, World.Actor, back.Id, 30, ceremony, "1-QĐ/TU", true, Ct)))
                .Message.ShouldContain("01/01/2027");
            await Badges.AwardAsync(db, w.Clock, World.Actor, thirty.Id, 30, ceremony, "1-QĐ/TU", false, Ct);
            await Badges.AwardAsync(db, w.Clock, World.Actor, soon.Id, 30, ceremony, "2-QĐ/TU", true, Ct);
            (await Should.ThrowAsync<RuleViolationException>(() => Badges.AwardAsync(db, w.Clock, World.Actor, thirty.Id, 30, ceremony, "3-QĐ/TU", false, Ct)))
                .Message.ShouldContain("đã được trao");
        }

        await using var check = w.Db();
        (await Badges.DueAsync(check, Subtree.Of(w.Root), ceremony, Ct)).ShouldHaveSingleItem().MemberId.ShouldBe(fortyFive.Id);
        (await check.BadgeAwards.CountAsync(Ct)).ShouldBe(2);
    }
}
