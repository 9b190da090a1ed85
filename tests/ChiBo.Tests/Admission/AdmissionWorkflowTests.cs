using ChiBo.Admission;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Admission;

/// <summary>The admission procedure end to end on a real database, checked through the register and the reports.</summary>
public sealed class AdmissionWorkflowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Three official members in Cell1 who can introduce and vote.</summary>
    private static async Task<List<Member>> OfficialsAsync(World w, int count = 3)
    {
        var list = new List<Member>();
        for (var i = 0; i < count; i++)
        {
            list.Add(await w.RegisterAsync(w.Cell1, $"Đảng Viên Số {i + 1}", new DateOnly(2010, 1, 5), new DateOnly(2011, 1, 5)));
        }

        return list;
    }

    private static AdmissionCommands Commands(World w, ChiBo.Data.ChiBoDb db) => new(db, w.Clock, ChiBo.Access.OrgScope.System, World.Actor);

    /// <summary>Walks a candidate from nomination to the cell's resolution.</summary>
    private static async Task<Candidate> ToVerifiedAsync(World w, IReadOnlyList<Member> introducers, DateOnly start)
    {
        await using var db = w.Db();
        var a = Commands(w, db);
        var profile = w.Profile("Nguyễn Thị Ưu Tú", new DateOnly(2000, 8, 15), Gender.Female) with { YouthUnion = true };
        var c = await a.NominateAsync(new CandidateNomination(profile, w.Cell1.Id, start), Ct);
        c = await a.RecordCourseAsync(c.Id, c.Version, "123/GCN-TTCT", start.AddDays(30), Ct);
        c = await a.RecordApplicationAsync(c.Id, c.Version, start.AddDays(45), start.AddDays(47), Ct);
        c = await a.RecordIntroductionAsync(c.Id, c.Version, new Introduction(IntroductionKind.TwoMembers, start.AddDays(60),
            [new Introducer(introducers[0].Id, start.AddYears(-2)), new Introducer(introducers[1].Id, start.AddYears(-1))]), Ct);
        return await a.RecordVerificationAsync(c.Id, c.Version, start.AddDays(90), Ct);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Candidate_ToAdmitted_ToOfficial_IsCountedInMovements(string provider)
    {
        await using var w = await World.CreateAsync(provider, new DateOnly(2025, 6, 30));
        var officials = await OfficialsAsync(w);
        var start = new DateOnly(2023, 1, 10);
        var c = await ToVerifiedAsync(w, officials, start);
        var ceremony = new DateOnly(2023, 7, 3);
        await using (var db = w.Db())
        {
            var a = Commands(w, db);
            c = await a.RecordCellResolutionAsync(c.Id, c.Version, new CellVote(new DateOnly(2023, 5, 15), 3), ct: Ct);
            c.CellOfficialMembers.ShouldBe(3);
            c = await a.RecordBaseCommitteeOpinionAsync(c.Id, c.Version, new DateOnly(2023, 6, 1), agreed: true, ct: Ct);
            c = await a.RecordDecisionAsync(c.Id, c.Version, "215-QĐ/ĐU", new DateOnly(2023, 6, 20), Ct);
            c = await a.HoldCeremonyAsync(c.Id, c.Version, ceremony, Ct);
            c.Step.ShouldBe(CandidateStep.OnProbation);
            c.MemberId.ShouldNotBeNull();
        }

        await using (var db = w.Db())
        {
            var m = await db.Members.SingleAsync(x => x.Id == c.MemberId, Ct);
            (m.Status, m.AdmittedOn, m.CellId, m.FullName).ShouldBe((MemberStatus.Probationary, ceremony, w.Cell1.Id, "Nguyễn Thị Ưu Tú"));
            var e = await db.MemberEvents.SingleAsync(x => x.MemberId == m.Id, Ct);
            (e.Kind, e.Date, e.DecisionNumber).ShouldBe((MemberEventKind.Admitted, ceremony, "215-QĐ/ĐU"));
        }

        await using (var db = w.Db())
        {
            var a = Commands(w, db);
            var early = await Should.ThrowAsync<RuleViolationException>(() =>
                a.RecognizeOfficialAsync(c.Id, c.Version, new CellVote(new DateOnly(2024, 7, 5), 3), "88-QĐ/ĐU", new DateOnly(2024, 7, 20), Ct));
            early.Message.ShouldContain("lớp bồi dưỡng đảng viên mới");
            c = await a.RecordNewMemberCourseAsync(c.Id, c.Version, "77/GCN", new DateOnly(2023, 10, 1), Ct);
            c = await a.RecognizeOfficialAsync(c.Id, c.Version, new CellVote(new DateOnly(2024, 7, 5), 3), "88-QĐ/ĐU", new DateOnly(2024, 7, 20), Ct);
            c.Step.ShouldBe(CandidateStep.Official);
            (await Should.ThrowAsync<RuleViolationException>(() => a.StopAsync(c.Id, c.Version, new DateOnly(2025, 1, 6), "Thử dừng", ct: Ct)))
                .Message.ShouldContain("đã kết thúc");
        }

        await using (var db = w.Db())
        {
            var m = await db.Members.SingleAsync(x => x.Id == c.MemberId, Ct);
            (m.Status, m.OfficialOn).ShouldBe((MemberStatus.Official, new DateOnly(2024, 7, 3)));
        }

        var y2023 = await w.MovementsIn(w.Root, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31));
        (y2023.Counts["admitted"], y2023.Counts["recognizedOfficial"]).ShouldBe((1, 0));
        var y2024 = await w.MovementsIn(w.CommuneA, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        (y2024.Counts["admitted"], y2024.Counts["recognizedOfficial"]).ShouldBe((0, 1));
        (await w.MembersAsOf(w.Cell1, new DateOnly(2024, 7, 2))).Dimensions["status"]["probationary"].ShouldBe(1);
        (await w.MembersAsOf(w.Cell1, new DateOnly(2024, 7, 3))).Dimensions["status"]["official"].ShouldBe(4);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Admit_WhenLessThanTwoThirdsAgree_IsRefused(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var officials = await OfficialsAsync(w, 4);
        var c = await ToVerifiedAsync(w, officials, new DateOnly(2024, 1, 8));
        await using var db = w.Db();
        var e = await Should.ThrowAsync<RuleViolationException>(() =>
            Commands(w, db).RecordCellResolutionAsync(c.Id, c.Version, new CellVote(new DateOnly(2024, 5, 6), 2), ct: Ct));
        e.Message.ShouldBe("Nghị quyết kết nạp cần ít nhất hai phần ba số đảng viên chính thức tán thành: 2/4 tán thành, cần ít nhất 3.");
        var saved = await db.Candidates.AsNoTracking().SingleAsync(x => x.Id == c.Id, Ct);
        (saved.Step, saved.Version).ShouldBe((CandidateStep.Verified, c.Version));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Introduction_ByAProbationaryMemberOrOutOfOrder_IsRefused(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var official = (await OfficialsAsync(w, 1))[0];
        var probationary = await w.RegisterAsync(w.Cell1, "Dự Bị Mới", new DateOnly(2025, 1, 6));
        await using var db = w.Db();
        var a = Commands(w, db);
        var c = await a.NominateAsync(new CandidateNomination(w.Profile("Lê Văn Cảm Tình", new DateOnly(1999, 1, 1)), w.Cell1.Id, new DateOnly(2025, 1, 2)), Ct);
        (await Should.ThrowAsync<RuleViolationException>(() => a.RecordApplicationAsync(c.Id, c.Version, new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 1), Ct)))
            .Message.ShouldContain("Đã học lớp bồi dưỡng nhận thức về Đảng");
        c = await a.RecordCourseAsync(c.Id, c.Version, "1/GCN", new DateOnly(2025, 1, 20), Ct);
        c = await a.RecordApplicationAsync(c.Id, c.Version, new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 1), Ct);
        var e = await Should.ThrowAsync<RuleViolationException>(() => a.RecordIntroductionAsync(c.Id, c.Version,
            new Introduction(IntroductionKind.TwoMembers, new DateOnly(2025, 3, 3), [new Introducer(official.Id, new DateOnly(2020, 1, 1)), new Introducer(probationary.Id, new DateOnly(2020, 1, 1))]), Ct));
        e.Message.ShouldContain("phải là đảng viên chính thức");
        (await Should.ThrowAsync<RuleViolationException>(() => a.RecordIntroductionAsync(c.Id, c.Version,
            new Introduction(IntroductionKind.YouthUnion, new DateOnly(2025, 3, 3), [], "12-NQ/ĐTN"), Ct))).Message.ShouldContain("đoàn viên");
        (await Should.ThrowAsync<RuleViolationException>(() => a.RecordIntroductionAsync(c.Id, c.Version,
            new Introduction(IntroductionKind.TradeUnion, new DateOnly(2025, 3, 3), [], " "), Ct))).Message.ShouldContain("4-KNĐ");

        // The CV said he is not in the Youth Union; corrected, the Youth Union may introduce him.
        c = await a.CorrectProfileAsync(c.Id, c.Version, AdmissionCommands.ProfileOf(c) with { YouthUnion = true }, Ct);
        c = await a.RecordIntroductionAsync(c.Id, c.Version, new Introduction(IntroductionKind.YouthUnion, new DateOnly(2025, 3, 3), [], "12-NQ/ĐTN"), Ct);
        (c.Step, c.IntroductionKind, c.UnionResolutionNumber).ShouldBe((CandidateStep.Introduced, IntroductionKind.YouthUnion, "12-NQ/ĐTN"));
        AdmissionCommands.ProfileOf(c).YouthUnion.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OverdueSteps_AreFlagged_AndThePipelineCountsThem(string provider)
    {
        await using var w = await World.CreateAsync(provider, new DateOnly(2025, 3, 31));
        var officials = await OfficialsAsync(w);
        var c = await ToVerifiedAsync(w, officials, new DateOnly(2024, 10, 1));
        await using (var db = w.Db())
        {
            var a = Commands(w, db);
            c = await a.RecordCellResolutionAsync(c.Id, c.Version, new CellVote(new DateOnly(2025, 1, 6), 3), ct: Ct);
            c = await a.RecordBaseCommitteeOpinionAsync(c.Id, c.Version, new DateOnly(2025, 1, 20), true, ct: Ct);
            await AdmissionQueries.SetTargetAsync(db, w.CommuneA.Id, 2025, 12, Ct);
        }

        await using (var db = w.Db())
        {
            // A second file, just nominated: no deadline before the cell's resolution.
            await Commands(w, db).NominateAsync(new CandidateNomination(w.Profile("Trần Văn Mới", new DateOnly(1998, 2, 2)), w.Cell2.Id, new DateOnly(2025, 3, 3)), Ct);
        }

        // Decided within 30 working days of 20/01/2025 means by 03/03/2025.
        w.Clock.Today = new DateOnly(2025, 3, 3);
        await using (var db = w.Db())
        {
            (await AdmissionQueries.OverdueAsync(db, Subtree.Of(w.Root), w.Clock.Today, Ct)).ShouldBeEmpty();
        }

        w.Clock.Today = new DateOnly(2025, 3, 4);
        await using (var db = w.Db())
        {
            var overdue = (await AdmissionQueries.OverdueAsync(db, Subtree.Of(w.CommuneA), w.Clock.Today, Ct)).ShouldHaveSingleItem();
            (overdue.Id, overdue.Step, overdue.DueOn, overdue.CellCode).ShouldBe((c.Id, CandidateStep.BaseCommitteeAgreed, new DateOnly(2025, 3, 3), "AG.01.01.01"));
            overdue.Reason.ShouldContain("Cấp ủy có thẩm quyền ra quyết định kết nạp");
            (await AdmissionQueries.OverdueAsync(db, Subtree.Of(w.CommuneB), w.Clock.Today, Ct)).ShouldBeEmpty();

            var pipeline = await AdmissionQueries.PipelineAsync(db, new OrgLookup(true, w.CommuneA), w.Clock.Today, Ct);
            pipeline.Steps.Single(s => s.Step == CandidateStep.BaseCommitteeAgreed).ShouldBe(new PipelineStep(CandidateStep.BaseCommitteeAgreed, "Đảng ủy cơ sở đề nghị", 1, 1));
            pipeline.Steps.Single(s => s.Step == CandidateStep.Nominated).Count.ShouldBe(1);
            (pipeline.Overdue, pipeline.AdmittedThisYear, pipeline.Target).ShouldBe((1, 0, (int?)12));
            var communeB = await AdmissionQueries.PipelineAsync(db, new OrgLookup(true, w.CommuneB), w.Clock.Today, Ct);
            communeB.Steps.Sum(s => s.Count).ShouldBe(0);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refusal_DuringProbation_StrikesTheMemberOff(string provider)
    {
        await using var w = await World.CreateAsync(provider, new DateOnly(2025, 6, 30));
        var officials = await OfficialsAsync(w);
        var c = await ToVerifiedAsync(w, officials, new DateOnly(2023, 9, 4));
        await using (var db = w.Db())
        {
            var a = Commands(w, db);
            c = await a.RecordCellResolutionAsync(c.Id, c.Version, new CellVote(new DateOnly(2024, 1, 8), 2), ct: Ct);
            c = await a.RecordBaseCommitteeOpinionAsync(c.Id, c.Version, new DateOnly(2024, 1, 22), true, ct: Ct);
            c = await a.RecordDecisionAsync(c.Id, c.Version, "9-QĐ/ĐU", new DateOnly(2024, 2, 5), Ct);
            c = await a.HoldCeremonyAsync(c.Id, c.Version, new DateOnly(2024, 2, 19), Ct);
            c = await a.StopAsync(c.Id, c.Version, new DateOnly(2025, 3, 10), "Không đủ tư cách đảng viên chính thức", "40-QĐ/ĐU", Ct);
            c.Step.ShouldBe(CandidateStep.StruckOff);
        }

        await using var check = w.Db();
        (await check.Members.SingleAsync(m => m.Id == c.MemberId, Ct)).Status.ShouldBe(MemberStatus.StruckOff);
        (await w.CountAsOf(w.Cell1, new DateOnly(2025, 3, 10))).ShouldBe(3);
    }
}
