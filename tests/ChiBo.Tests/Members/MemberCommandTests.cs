using ChiBo.Members;
using ChiBo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Tests.Members;

/// <summary>Each command against a real database, checked through what the as-of reports count.</summary>
public sealed class MemberCommandTests
{
    private static readonly DateOnly Admitted = new(2020, 3, 1);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Decision Why = new("12-QĐ/ĐU", "Theo đề nghị của chi bộ");

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Register_WritesRecordOpenPeriodAndAdmittedEvent(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "  Nguye\u0302\u0303n   Văn  Đức ", Admitted);

        await using var db = w.Db();
        var saved = await db.Members.SingleAsync(x => x.Id == m.Id, Ct);
        saved.FullName.ShouldBe("Nguyễn Văn Đức");
        saved.FullName.IsNormalized(System.Text.NormalizationForm.FormC).ShouldBeTrue();
        saved.SearchName.ShouldBe("nguyen van duc");
        saved.Status.ShouldBe(MemberStatus.Probationary);
        saved.Version.ShouldBe(1);
        var period = await db.MemberPeriods.SingleAsync(p => p.MemberId == m.Id, Ct);
        (period.ValidFrom, period.ValidTo, period.CellPath).ShouldBe((Admitted, Dates.OpenEnd, w.Cell1.Path));
        var e = await db.MemberEvents.SingleAsync(x => x.MemberId == m.Id, Ct);
        (e.Kind, e.Date, e.DecisionNumber, e.RecordedBy).ShouldBe((MemberEventKind.Admitted, Admitted, "01-QĐ/ĐU", World.Actor));

        (await w.CountAsOf(w.Cell1, Admitted.AddDays(-1))).ShouldBe(0);
        (await w.CountAsOf(w.Cell1, Admitted)).ShouldBe(1);
        (await w.MovementsIn(w.Root, new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31))).Counts["admitted"].ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Register_Under18_IsRefusedAndWritesNothing(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        await using var db = w.Db();
        var young = w.Profile("Trần Thị Bé", new DateOnly(2003, 5, 1), Gender.Female);

        var e = await Should.ThrowAsync<RuleViolationException>(() =>
            w.Members(db).RegisterAsync(new MemberRegistration(young, w.Cell1.Id, new DateOnly(2021, 4, 30), null), Why, ct: Ct));

        e.Field.ShouldBe(nameof(Member.BirthDate));
        e.Message.ShouldContain("phải đủ 18 tuổi");
        (await db.Members.CountAsync(Ct)).ShouldBe(0);
        (await db.MemberPeriods.CountAsync(Ct)).ShouldBe(0);
        (await db.MemberEvents.CountAsync(Ct)).ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Register_CccdTakenOrInvalidOrNotACell_IsRefused(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var first = await w.RegisterAsync(w.Cell1, "Lê Văn Một", Admitted);
        await using var db = w.Db();
        var commands = w.Members(db);
        var same = w.Profile("Lê Văn Hai", new DateOnly(1990, 5, 20)) with { Cccd = first.Cccd };
        (await Should.ThrowAsync<RuleViolationException>(() =>
            commands.RegisterAsync(new MemberRegistration(same, w.Cell2.Id, Admitted, null), Why, ct: Ct))).Message.ShouldContain("không dùng được cho hồ sơ này");

        var wrongGender = w.Profile("Lê Thị Ba", new DateOnly(1990, 5, 20), Gender.Female) with { Gender = Gender.Male, Cccd = "089190000777" };
        (await Should.ThrowAsync<RuleViolationException>(() =>
            commands.RegisterAsync(new MemberRegistration(wrongGender, w.Cell2.Id, Admitted, null), Why, ct: Ct))).Field.ShouldBe(nameof(Member.Cccd));

        var inCommittee = w.Profile("Lê Văn Bốn", new DateOnly(1990, 5, 20));
        (await Should.ThrowAsync<RuleViolationException>(() =>
            commands.RegisterAsync(new MemberRegistration(inCommittee, w.BaseA1.Id, Admitted, null), Why, ct: Ct))).Message.ShouldContain("không phải chi bộ");
        (await db.Members.CountAsync(Ct)).ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MoveCell_OnDate_SplitsTheMembershipPeriod(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Phạm Văn Chuyển", Admitted);
        var d = new DateOnly(2024, 9, 1);
        await using (var db = w.Db())
        {
            var moved = await w.Members(db).MoveCellAsync(m.Id, m.Version, w.CellB1.Id, d, Why, ct: Ct);
            moved.Version.ShouldBe(2);
            moved.CellId.ShouldBe(w.CellB1.Id);
        }

        (await w.CountAsOf(w.Cell1, d.AddDays(-1))).ShouldBe(1);
        (await w.CountAsOf(w.Cell1, d)).ShouldBe(0);
        (await w.CountAsOf(w.CellB1, d.AddDays(-1))).ShouldBe(0);
        (await w.CountAsOf(w.CellB1, d)).ShouldBe(1);
        (await w.CountAsOf(w.Root, d.AddDays(-1))).ShouldBe(1);
        (await w.CountAsOf(w.Root, d)).ShouldBe(1);

        await using var check = w.Db();
        var periods = await check.MemberPeriods.Where(p => p.MemberId == m.Id).OrderBy(p => p.ValidFrom).ToListAsync(Ct);
        periods.Select(p => (p.ValidFrom, p.ValidTo, p.CellId)).ShouldBe([(Admitted, d, w.Cell1.Id), (d, Dates.OpenEnd, w.CellB1.Id)]);
        var e = await check.MemberEvents.SingleAsync(x => x.Kind == MemberEventKind.MovedCell, Ct);
        (e.CellId, e.OtherCellId, e.Details).ShouldBe((w.Cell1.Id, w.CellB1.Id, "Chi bộ: AG.01.01.01 → AG.02.01"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RecognizeOfficial_SetsTheDateOnTheOpenPeriodWithoutSplitting(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Võ Thị Dự Bị", Admitted, gender: Gender.Female);
        await using (var db = w.Db())
        {
            var e = await Should.ThrowAsync<RuleViolationException>(() =>
                w.Members(db).RecognizeOfficialAsync(m.Id, m.Version, Admitted.AddMonths(12).AddDays(-1), Why, ct: Ct));
            e.Message.ShouldContain("12 tháng");
        }

        var official = Admitted.AddMonths(12);
        await using (var db = w.Db())
        {
            (await w.Members(db).RecognizeOfficialAsync(m.Id, m.Version, official, Why, ct: Ct)).Status.ShouldBe(MemberStatus.Official);
        }

        (await w.MembersAsOf(w.Cell1, official.AddDays(-1))).Dimensions["status"]["probationary"].ShouldBe(1);
        (await w.MembersAsOf(w.Cell1, official)).Dimensions["status"]["official"].ShouldBe(1);
        await using var check = w.Db();
        (await check.MemberPeriods.CountAsync(p => p.MemberId == m.Id, Ct)).ShouldBe(1);
        (await w.MovementsIn(w.Root, official, official)).Counts["recognizedOfficial"].ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StrikeOff_EndsMembershipAndShowsInMovements(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell2, "Đỗ Văn Vắng", Admitted, Admitted.AddMonths(12));
        var d = new DateOnly(2025, 2, 10);
        await using (var db = w.Db())
        {
            (await w.Members(db).StrikeOffAsync(m.Id, m.Version, d, new Decision("5-QĐ/ĐU", "Bỏ sinh hoạt 3 tháng không lý do"), ct: Ct)).Status
                .ShouldBe(MemberStatus.StruckOff);
        }

        (await w.CountAsOf(w.Cell2, d.AddDays(-1))).ShouldBe(1);
        (await w.CountAsOf(w.Cell2, d)).ShouldBe(0);
        var movements = await w.MovementsIn(w.CommuneA, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30));
        movements.Counts["struckOff"].ShouldBe(1);
        movements.Counts["died"].ShouldBe(0);

        await using var again = w.Db();
        var fresh = await again.Members.AsNoTracking().SingleAsync(x => x.Id == m.Id, Ct);
        (await Should.ThrowAsync<RuleViolationException>(() => w.Members(again).DieAsync(fresh.Id, fresh.Version, d, Why, ct: Ct)))
            .Message.ShouldContain("không còn sinh hoạt đảng");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StaleVersion_IsRefusedAsAConflictAndWritesNothing(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Hồ Văn Cũ", Admitted);
        await using (var db = w.Db())
        {
            await w.Members(db).MoveCellAsync(m.Id, m.Version, w.Cell2.Id, new DateOnly(2024, 1, 1), Why, ct: Ct);
        }

        await using var second = w.Db();
        var e = await Should.ThrowAsync<EditConflictException>(() =>
            w.Members(second).MoveCellAsync(m.Id, m.Version, w.CellB1.Id, new DateOnly(2024, 2, 1), Why, ct: Ct));
        e.Message.ShouldContain("đã được người khác cập nhật");
        (await second.MemberPeriods.CountAsync(p => p.MemberId == m.Id, Ct)).ShouldBe(2);
        (await w.CountAsOf(w.CellB1, new DateOnly(2024, 2, 1))).ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ConcurrentWriterBetweenReadAndSave_IsAConflictAndNothingIsWritten(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Trịnh Văn Đua", Admitted);
        var options = new DbContextOptionsBuilder<ChiBo.Data.ChiBoDb>();
        w.Database.Target.Configure(options);
        options.AddInterceptors(new WriterSneaksIn());
        await using var db = new ChiBo.Data.ChiBoDb(options.Options);

        var e = await Should.ThrowAsync<EditConflictException>(() =>
            w.Members(db).MoveCellAsync(m.Id, m.Version, w.Cell2.Id, new DateOnly(2024, 1, 1), Why, Ct));

        e.Message.ShouldContain("trong lúc bạn thao tác");
        db.ChangeTracker.Entries().ShouldBeEmpty();
        await using var check = w.Db();
        (await check.Members.SingleAsync(x => x.Id == m.Id, Ct)).Version.ShouldBe(1);
        (await check.MemberPeriods.CountAsync(Ct)).ShouldBe(1);
        (await check.MemberEvents.CountAsync(Ct)).ShouldBe(1);
    }

    /// <summary>Another user's edit lands after the command read the record and before it saves.</summary>
    private sealed class WriterSneaksIn : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        private bool _done;

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (!_done)
            {
                _done = true;
                await eventData.Context!.Database.ExecuteSqlRawAsync("UPDATE members SET version = version + 1", cancellationToken);
            }

            return result;
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RefusedCommands_LeaveEverythingAsItWas(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Ngô Văn Lỗi", Admitted);
        await using var db = w.Db();
        var commands = w.Members(db);

        // To a committee, in the future, before the period began, to the same cell.
        await Should.ThrowAsync<RuleViolationException>(() => commands.MoveCellAsync(m.Id, m.Version, w.BaseA1.Id, new DateOnly(2024, 1, 1), Why, ct: Ct));
        (await Should.ThrowAsync<RuleViolationException>(() => commands.MoveCellAsync(m.Id, m.Version, w.Cell2.Id, w.Clock.Today.AddDays(1), Why, ct: Ct)))
            .Message.ShouldContain("không được sau ngày hôm nay");
        (await Should.ThrowAsync<RuleViolationException>(() => commands.MoveCellAsync(m.Id, m.Version, w.Cell2.Id, Admitted.AddDays(-1), Why, ct: Ct)))
            .Message.ShouldContain("trước ngày bắt đầu");
        await Should.ThrowAsync<RuleViolationException>(() => commands.MoveCellAsync(m.Id, m.Version, w.Cell1.Id, new DateOnly(2024, 1, 1), Why, ct: Ct));
        await Should.ThrowAsync<RuleViolationException>(() => commands.ExemptAsync(m.Id, m.Version, new DateOnly(2024, 1, 1), Why, ct: Ct));

        await using var check = w.Db();
        var saved = await check.Members.SingleAsync(x => x.Id == m.Id, Ct);
        (saved.Version, saved.CellId, saved.Status).ShouldBe((1, w.Cell1.Id, MemberStatus.Probationary));
        (await check.MemberPeriods.CountAsync(Ct)).ShouldBe(1);
        (await check.MemberEvents.CountAsync(Ct)).ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExemptAndEndExemption_SplitThePeriod(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Lý Văn Già", Admitted, Admitted.AddMonths(12));
        var (from, to) = (new DateOnly(2023, 1, 1), new DateOnly(2024, 1, 1));
        await using (var db = w.Db())
        {
            var exempted = await w.Members(db).ExemptAsync(m.Id, m.Version, from, new Decision(Reason: "Tuổi cao, sức yếu"), ct: Ct);
            exempted.Status.ShouldBe(MemberStatus.Exempted);
            (await w.Members(db).EndExemptionAsync(m.Id, exempted.Version, to, Why, ct: Ct)).Status.ShouldBe(MemberStatus.Official);
        }

        await using var check = w.Db();
        var periods = await check.MemberPeriods.Where(p => p.MemberId == m.Id).OrderBy(p => p.ValidFrom).ToListAsync(Ct);
        periods.Select(p => (p.ValidFrom, p.Exempted)).ShouldBe([(Admitted, false), (from, true), (to, false)]);
        (await w.CountAsOf(w.Cell1, from)).ShouldBe(1);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CorrectFields_RewritesEveryPeriodAndRecordsBeforeAndAfter(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Lâm Văn Sai", Admitted);
        await using (var db = w.Db())
        {
            m = await w.Members(db).MoveCellAsync(m.Id, m.Version, w.Cell2.Id, new DateOnly(2023, 1, 1), Why, ct: Ct);
        }

        var corrected = MemberProfile.Of(m) with
        {
            FullName = "Lâm Thị Sai",
            Gender = Gender.Female,
            Cccd = Cccd.Compose(89, m.BirthDate, Gender.Female, 999),
            Ethnicity = Ethnicities.CodeOf("Khmer")!.Value,
        };
        await using (var db = w.Db())
        {
            var saved = await w.Members(db).CorrectFieldsAsync(m.Id, m.Version, corrected, new Decision(Reason: "Sai lý lịch"), ct: Ct);
            (saved.Version, saved.SearchName).ShouldBe((3, "lam thi sai"));
        }

        var before = await w.MembersAsOf(w.Cell1, new DateOnly(2022, 6, 1));
        before.Dimensions["gender"]["female"].ShouldBe(1);
        before.Dimensions["ethnicity"]["minority"].ShouldBe(1);
        await using var check = w.Db();
        var e = await check.MemberEvents.SingleAsync(x => x.Kind == MemberEventKind.FieldCorrected, Ct);
        e.Details!.Split('\n').ShouldContain("Giới tính: Nam → Nữ");
        e.Details.Split('\n').ShouldContain("Đã sửa Dân tộc");
        e.Details.ShouldNotContain("Khmer");
        e.Details.Split('\n').ShouldContain("Đã sửa Số CCCD");
        e.Details.ShouldContain("Họ và tên: Lâm Văn Sai → Lâm Thị Sai");
        e.RecordedBy.ShouldBe(World.Actor);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChangeAttributes_FromDate_SplitsTheOpenPeriod(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Tạ Văn Học", Admitted);
        var d = new DateOnly(2024, 7, 15);
        await using (var db = w.Db())
        {
            await w.Members(db).ChangeAttributesAsync(m.Id, m.Version, d,
                new AttributeChange { Professional = ProfessionalLevel.University, PoliticalTheory = PoliticalTheory.Intermediate }, Why, ct: Ct);
        }

        (await w.MembersAsOf(w.Cell1, d.AddDays(-1))).Dimensions["professional"]["universityPlus"].ShouldBe(0);
        var after = await w.MembersAsOf(w.Cell1, d);
        after.Dimensions["professional"]["universityPlus"].ShouldBe(1);
        after.Dimensions["politicalTheory"]["intermediate"].ShouldBe(1);
        await using var check = w.Db();
        (await check.MemberEvents.SingleAsync(x => x.Kind == MemberEventKind.AttributesChanged, Ct)).Details
            .ShouldBe("Chuyên môn: Cao đẳng → Đại học\nLý luận chính trị: Không → Trung cấp");
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TransferIn_NewArrival_CountsFromTheTransferDate(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var d = new DateOnly(2023, 10, 2);
        await using (var db = w.Db())
        {
            var arrival = new MemberRegistration(w.Profile("Kiều Văn Đến", new DateOnly(1980, 1, 1)), w.CellB1.Id, new DateOnly(2005, 5, 5), new DateOnly(2006, 5, 5));
            (await Should.ThrowAsync<RuleViolationException>(() => w.Members(db).TransferInAsync(arrival, new DateOnly(2005, 1, 1), Why, Ct)))
                .Message.ShouldContain("trước ngày vào Đảng");
            var m = await w.Members(db).TransferInAsync(arrival, d, new Decision("88-GGT/TU", "Từ Đảng bộ tỉnh Kiên Giang"), Ct);
            (m.Status, m.Version).ShouldBe((MemberStatus.Official, 1));
        }

        (await w.CountAsOf(w.CellB1, d.AddDays(-1))).ShouldBe(0);
        var asOf = await w.MembersAsOf(w.CellB1, d);
        (asOf.Total, asOf.Dimensions["status"]["official"]).ShouldBe((1, 1));
        (await w.MovementsIn(w.Root, d, d)).Counts["transferredIn"].ShouldBe(1);
        (await w.MovementsIn(w.Root, new DateOnly(2005, 1, 1), new DateOnly(2006, 12, 31))).Counts["admitted"].ShouldBe(0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TransferOutAndBackIn_LeaveAGapInTheProvince(string provider)
    {
        await using var w = await World.CreateAsync(provider);
        var m = await w.RegisterAsync(w.Cell1, "Quách Văn Đi", Admitted, Admitted.AddMonths(12));
        var (left, back) = (new DateOnly(2022, 5, 1), new DateOnly(2024, 5, 1));
        await using (var db = w.Db())
        {
            m = await w.Members(db).TransferOutAsync(m.Id, m.Version, left, new Decision(Reason: "Chuyển đến Đảng bộ tỉnh Cần Thơ"), ct: Ct);
            m = await w.Members(db).TransferBackInAsync(m.Id, m.Version, w.CellB1.Id, back, Why, ct: Ct);
            m.Status.ShouldBe(MemberStatus.Official);
        }

        (await w.CountAsOf(w.Root, left.AddDays(-1))).ShouldBe(1);
        (await w.CountAsOf(w.Root, left)).ShouldBe(0);
        (await w.CountAsOf(w.CellB1, back)).ShouldBe(1);
        var movements = await w.MovementsIn(w.Root, new DateOnly(2022, 1, 1), new DateOnly(2024, 12, 31));
        (movements.Counts["transferredOut"], movements.Counts["transferredIn"]).ShouldBe((1, 1));
    }
}
