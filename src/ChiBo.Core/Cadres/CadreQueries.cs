using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Cadres;

/// <summary>Settings of cadre work that are not the evaluation's.</summary>
public sealed record CadrePolicy
{
    public static readonly CadrePolicy Default = new();

    /// <summary>"Cán bộ trẻ" in the composition targets: under this age (DOMAIN.md §7, the plans' "dưới 42 tuổi").</summary>
    public int YoungUnder { get; init; } = 42;
}

public sealed record SeatView(int CommitteeId, string OrgCode, string OrgName, string Term, string Position, DateOnly From, DateOnly? To, string? EndReason);

public sealed record PoolEntryView(int EntryId, int MemberId, string FullName, string Post, DateOnly From, DateOnly? To);

public sealed record ManagementPoolView(int Id, string Name, string OrgCode, string OrgName, IReadOnlyList<PoolEntryView> Cadres, int Version);

public sealed record CandidateView(int EntryId, int MemberId, string FullName, int Age, DateOnly AddedOn, DateOnly? RemovedOn, string? RemovalReason);

public sealed record PlanningPoolView(
    int Id, string OrgCode, string OrgName, string ManagingOrg, string Title, int TermFrom, int TermTo, DateOnly ApprovedOn, string? DecisionNumber,
    IReadOnlyList<CandidateView> Candidates, int Version);

public sealed record PlanningList(string Org, DateOnly AsOf, IReadOnlyList<PlanningPoolView> Pools, int TitlesWithoutCandidates);

public sealed record RotationRow(
    int Id, int MemberId, string FullName, string Kind, string FromOrg, string FromPost, string ToOrg, string ToPost,
    DateOnly StartsOn, DateOnly? PlannedEndOn, DateOnly? EndedOn, string DecisionNumber, string ManagingOrg, bool Young, bool ToCommune, int Version);

public sealed record RotationList(string Org, DateOnly From, DateOnly To, IReadOnlyList<RotationRow> Rotations, IReadOnlyDictionary<string, int> ByKind, int ToCommunes, int Young);

public sealed record CourseRow(int Id, string Organizer, string Kind, string Name, string? Provider, DateOnly StartsOn, DateOnly EndsOn, int Attended, int Completed, int Version);

public sealed record TrainingRow(int CourseId, string Course, string Kind, DateOnly StartsOn, DateOnly EndsOn, bool Completed, DateOnly? CompletedOn, string? CertificateNumber);

public sealed record CadreProfileView(string It, string? GovernmentPost, string? FrontPost, string? VillagePost, bool RetiredCadre, bool Veteran, int Version);

/// <summary>A cadre's file as the managing committee and the province board see it (no sensitive fields: those are Members.ReadSensitive's).</summary>
public sealed record CadreFile(
    int MemberId, string FullName, string Gender, DateOnly BirthDate, int Age, string CellCode, string CellName, string? Position,
    string GeneralEducation, string Professional, string PoliticalTheory, string Grade, bool ScienceTech, bool Postgraduate,
    CadreProfileView? Profile, IReadOnlyList<SeatView> Committees, IReadOnlyList<PoolEntryView> ManagementPools,
    IReadOnlyList<PlanningPoolView> Planning, IReadOnlyList<RotationRow> Rotations, IReadOnlyList<TrainingRow> Training,
    IReadOnlyList<QuarterRow> Evaluations, IReadOnlyList<YearRatingRow> Ratings);

/// <summary>The member's decided yearly rating (đánh giá, xếp loại chất lượng đảng viên), as the ratings feature keeps it.</summary>
public sealed record YearRatingRow(int Year, string Level, string? DecisionNumber, DateOnly? DecidedOn, string? DecidedBy);

/// <summary>One attendee of a course: a member of the register (with the id) or a person outside it.</summary>
public sealed record AttendeeRow(int? MemberId, string FullName, bool Completed, DateOnly? CompletedOn, string? CertificateNumber);

public sealed record UntrainedRow(int MemberId, string FullName, string OrgCode, string OrgName, string Term, DateOnly CongressOn);

/// <summary>"Every base committee member trained at least once this term" (000:156): members of base committees on the date, and who has completed a course since their committee's congress.</summary>
public sealed record TrainingCoverage(string Org, DateOnly AsOf, int Members, int Trained, IReadOnlyList<UntrainedRow> Untrained);

/// <summary>Reads of cadre files, each confined to the managing committees the caller may see.</summary>
public static class CadreQueries
{
    public static string Name(RotationKind k) => k switch
    {
        RotationKind.Rotation => "Luân chuyển",
        RotationKind.Transfer => "Điều động",
        _ => "Biệt phái",
    };

    public static string Name(TrainingKind k) => k switch
    {
        TrainingKind.TheoryElementary => "Sơ cấp lý luận chính trị",
        TrainingKind.TheoryIntermediate => "Trung cấp lý luận chính trị",
        TrainingKind.TheoryAdvanced => "Cao cấp lý luận chính trị",
        TrainingKind.PartyWork => "Bồi dưỡng nghiệp vụ công tác Đảng",
        TrainingKind.KnowledgeUpdate => "Cập nhật kiến thức",
        TrainingKind.StateManagement => "Quản lý nhà nước",
        TrainingKind.InformationTechnology => "Tin học, chuyển đổi số",
        TrainingKind.PartyAwareness => "Bồi dưỡng nhận thức về Đảng",
        TrainingKind.NewMember => "Bồi dưỡng đảng viên mới",
        _ => "Khác",
    };

    public static string Name(ItQualification it) => it switch
    {
        ItQualification.Basic => "Ứng dụng CNTT cơ bản",
        ItQualification.Advanced => "Ứng dụng CNTT nâng cao",
        ItQualification.Degree => "Trung cấp CNTT trở lên",
        _ => "Chưa có",
    };

    /// <summary>The cadre file of a member; null (not found) unless the caller holds Cadres.Read on the member's cell.</summary>
    public static async Task<CadreFile?> FileAsync(ChiBoDb db, OrgScope caller, int memberId, DateOnly today, CancellationToken ct = default)
    {
        var found = await (from x in db.Members.AsNoTracking()
                           where x.Id == memberId
                           join o in db.Organizations on x.CellId equals o.Id
                           select new { Member = x, Cell = o }).SingleOrDefaultAsync(ct);
        if (found is null || !caller.Can(Operation.CadresRead, Subtree.Of(found.Cell)))
        {
            return null;
        }

        var m = found.Member;
        var profile = await db.CadreProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.MemberId == memberId, ct);
        var seats = await (from s in db.CommitteeMemberships.AsNoTracking()
                           where s.MemberId == memberId
                           join c in db.Committees on s.CommitteeId equals c.Id
                           join o in db.Organizations on c.OrganizationId equals o.Id
                           orderby s.ValidFrom descending
                           select new { s, c.Term, o.Code, o.Name }).ToListAsync(ct);
        var managers = await VisibleManagerIdsAsync(db, caller, ct);
        var entries = await (from e in db.ManagementPoolEntries.AsNoTracking()
                             where e.MemberId == memberId
                             join p in db.ManagementPools on e.PoolId equals p.Id
                             where managers.Contains(p.OrganizationId)
                             select new PoolEntryView(e.Id, e.MemberId, p.Name, e.Post, e.ValidFrom, e.ValidTo == Dates.OpenEnd ? null : e.ValidTo)).ToListAsync(ct);
        var planningIds = await db.PlanningEntries.AsNoTracking().Where(e => e.MemberId == memberId).Select(e => e.PoolId).Distinct().ToListAsync(ct);
        var planning = (await PlanningPoolsAsync(db, db.PlanningPools.Where(p => planningIds.Contains(p.Id) && managers.Contains(p.ManagingOrgId)), today, ct))
            .Select(p => p with { Candidates = p.Candidates.Where(c => c.MemberId == memberId).ToList() }).ToList();
        var rotations = await RotationRowsAsync(db, db.Rotations.Where(r => r.MemberId == memberId && managers.Contains(r.ManagingOrgId)), today, ct);
        var training = await (from r in db.TrainingRecords.AsNoTracking()
                              where r.MemberId == memberId
                              join c in db.TrainingCourses on r.CourseId equals c.Id
                              orderby c.StartsOn descending
                              select new { r, c }).ToListAsync(ct);
        return new CadreFile(
            m.Id, m.FullName, VietnameseNames.Of(m.Gender), m.BirthDate, Dates.AgeOn(m.BirthDate, today), found.Cell.Code, found.Cell.Name, m.Position,
            VietnameseNames.Of(m.GeneralEducation), VietnameseNames.Of(m.Professional), VietnameseNames.Of(m.PoliticalTheory), VietnameseNames.Of(m.CivilServiceGrade),
            m.ScienceTechnology, m.Professional >= ProfessionalLevel.Master,
            profile is null ? null : new CadreProfileView(Name(profile.It), profile.GovernmentPost, profile.FrontPost, profile.VillagePost, profile.RetiredCadre, profile.Veteran, profile.Version),
            CollapseSeats(seats.Select(x => (x.s, x.Term, x.Code, x.Name))),
            entries, planning, rotations,
            training.Select(t => new TrainingRow(t.c.Id, t.c.Name, Name(t.c.Kind), t.c.StartsOn, t.c.EndsOn, t.r.Completed, t.r.CompletedOn, t.r.CertificateNumber)).ToList(),
            await EvaluationQueries.HistoryAsync(db, caller, memberId, ct),
            await YearRatingsAsync(db, memberId, ct));
    }

    /// <summary>The yearly ratings decided for the member (the cadre's yearly rating is the member's, 366-QĐ/TW).</summary>
    private static async Task<IReadOnlyList<YearRatingRow>> YearRatingsAsync(ChiBoDb db, int memberId, CancellationToken ct) =>
        (await db.MemberRatings.AsNoTracking().Where(r => r.MemberId == memberId && r.State >= Ratings.RatingState.Decided)
            .OrderByDescending(r => r.Year).ToListAsync(ct))
        .Select(r => new YearRatingRow(r.Year,
            r.Level is { } l ? Ratings.RatingNames.Of(l) : r.NotRatedReason is { } n ? "Không xếp loại: " + Ratings.RatingNames.Of(n) : "",
            r.DecisionNumber, r.DecidedOn, r.DecidedBy))
        .ToList();

    /// <summary>The management pools of the managing committees in the subtree the caller may see, with their cadres on the date.</summary>
    public static async Task<IReadOnlyList<ManagementPoolView>> ManagementPoolsAsync(ChiBoDb db, OrgScope caller, Subtree subtree, DateOnly asOf, CancellationToken ct = default)
    {
        var managers = await CadreAccess.VisibleManagersAsync(db, caller, Operation.CadresRead, subtree, ct);
        var ids = managers.Select(m => m.Id).ToList();
        var pools = await db.ManagementPools.AsNoTracking().Where(p => ids.Contains(p.OrganizationId)).OrderBy(p => p.Id).ToListAsync(ct);
        var poolIds = pools.Select(p => p.Id).ToList();
        var entries = await (from e in db.ManagementPoolEntries.AsNoTracking()
                             where poolIds.Contains(e.PoolId) && e.ValidFrom <= asOf && e.ValidTo > asOf
                             join m in db.Members on e.MemberId equals m.Id
                             orderby m.SearchName
                             select new { e, m.FullName }).ToListAsync(ct);
        return pools.Select(p =>
        {
            var org = managers.First(m => m.Id == p.OrganizationId);
            return new ManagementPoolView(p.Id, p.Name, org.Code, org.Name,
                entries.Where(x => x.e.PoolId == p.Id).Select(x => new PoolEntryView(x.e.Id, x.e.MemberId, x.FullName, x.e.Post, x.e.ValidFrom, null)).ToList(),
                p.Version);
        }).ToList();
    }

    /// <summary>Planning pools for organizations in the subtree kept by committees the caller may see; titles without a candidate counted.</summary>
    public static async Task<PlanningList> PlanningAsync(ChiBoDb db, OrgScope caller, OrgLookup org, DateOnly today, CancellationToken ct = default)
    {
        var subtree = org.Subtree;
        var managers = await VisibleManagerIdsAsync(db, caller, ct);
        var (lo, hi) = (subtree.Path, subtree.UpperBound);
        var query = from p in db.PlanningPools
                    join o in db.Organizations on p.OrganizationId equals o.Id
                    where managers.Contains(p.ManagingOrgId) && string.Compare(o.Path, lo) >= 0 && string.Compare(o.Path, hi) < 0
                    select p;
        if (subtree.ProvinceId is { } province)
        {
            query = query.Where(p => p.ProvinceId == province);
        }

        var pools = await PlanningPoolsAsync(db, query, today, ct);
        return new PlanningList(Reports.AsOf.Label(org), today, pools, pools.Count(p => p.Candidates.All(c => c.RemovedOn is not null)));
    }

    public static async Task<RotationList> RotationsAsync(ChiBoDb db, OrgScope caller, OrgLookup org, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct = default)
    {
        var managers = await CadreAccess.VisibleManagersAsync(db, caller, Operation.CadresRead, org.Subtree, ct);
        var ids = managers.Select(m => m.Id).ToList();
        var rows = await RotationRowsAsync(db, db.Rotations.Where(r => ids.Contains(r.ManagingOrgId) && r.StartsOn <= to && (r.EndedOn == null || r.EndedOn >= from)), today, ct);
        return new RotationList(Reports.AsOf.Label(org), from, to, rows,
            Enum.GetValues<RotationKind>().ToDictionary(Name, k => rows.Count(r => r.Kind == Name(k))),
            rows.Count(r => r.ToCommune), rows.Count(r => r.Young));
    }

    public static async Task<IReadOnlyList<CourseRow>> CoursesAsync(ChiBoDb db, OrgScope caller, OrgLookup org, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var managers = await CadreAccess.VisibleManagersAsync(db, caller, Operation.CadresRead, org.Subtree, ct);
        var ids = managers.Select(m => m.Id).ToList();
        var courses = await db.TrainingCourses.AsNoTracking()
            .Where(c => ids.Contains(c.OrganizerId) && c.StartsOn <= to && c.EndsOn >= from).OrderByDescending(c => c.StartsOn).ToListAsync(ct);
        var courseIds = courses.Select(c => c.Id).ToList();
        var counts = await db.TrainingRecords.AsNoTracking().Where(r => courseIds.Contains(r.CourseId))
            .GroupBy(r => r.CourseId).Select(g => new { g.Key, All = g.Count(), Done = g.Count(r => r.Completed) }).ToListAsync(ct);
        return courses.Select(c =>
        {
            var n = counts.FirstOrDefault(x => x.Key == c.Id);
            return new CourseRow(c.Id, managers.First(m => m.Id == c.OrganizerId).Code, Name(c.Kind), c.Name, c.Provider, c.StartsOn, c.EndsOn, n?.All ?? 0, n?.Done ?? 0, c.Version);
        }).ToList();
    }

    /// <summary>Who attended a course, by name (the caller's scope is checked by the caller: Cadres.Read on the organizer).</summary>
    public static async Task<IReadOnlyList<AttendeeRow>> AttendeesAsync(ChiBoDb db, int courseId, CancellationToken ct = default)
    {
        var rows = await db.TrainingRecords.AsNoTracking().Where(r => r.CourseId == courseId)
            .Select(r => new AttendeeRow(r.MemberId, r.FullName, r.Completed, r.CompletedOn, r.CertificateNumber)).ToListAsync(ct);
        return rows.OrderBy(r => r.FullName, StringComparer.Ordinal).ToList();
    }

    /// <summary>The organizer of a course, a rotation's managing committee, a pool's managing committee (for scope checks), or null.</summary>
    public static Task<int?> OrganizerOfCourseAsync(ChiBoDb db, int id, CancellationToken ct) =>
        db.TrainingCourses.AsNoTracking().Where(c => c.Id == id).Select(c => (int?)c.OrganizerId).FirstOrDefaultAsync(ct);

    public static Task<int?> ManagerOfRotationAsync(ChiBoDb db, int id, CancellationToken ct) =>
        db.Rotations.AsNoTracking().Where(r => r.Id == id).Select(r => (int?)r.ManagingOrgId).FirstOrDefaultAsync(ct);

    public static Task<int?> ManagerOfPlanningPoolAsync(ChiBoDb db, int id, CancellationToken ct) =>
        db.PlanningPools.AsNoTracking().Where(p => p.Id == id).Select(p => (int?)p.ManagingOrgId).FirstOrDefaultAsync(ct);

    public static Task<int?> ManagerOfManagementPoolAsync(ChiBoDb db, int id, CancellationToken ct) =>
        db.ManagementPools.AsNoTracking().Where(p => p.Id == id).Select(p => (int?)p.OrganizationId).FirstOrDefaultAsync(ct);

    /// <summary>Base committee members on the date in the subtree (distinct persons) and whether each completed a course since their committee's congress.</summary>
    public static async Task<TrainingCoverage> TrainingCoverageAsync(ChiBoDb db, OrgLookup org, DateOnly asOf, CancellationToken ct = default)
    {
        if (await Reports.AsOf.SubtreeOnAsync(db, org, asOf, ct) is not { } s)
        {
            return new TrainingCoverage(Reports.AsOf.Label(org), asOf, 0, 0, []);
        }

        var (lo, hi) = (s.Path, s.UpperBound);
        var seats = db.CommitteeMemberships.AsNoTracking()
            .Where(m => (m.Levels & CommitteeLevels.Base) == CommitteeLevels.Base && m.ValidFrom <= asOf && m.ValidTo > asOf
                && string.Compare(m.OrgPath, lo) >= 0 && string.Compare(m.OrgPath, hi) < 0);
        if (s.ProvinceId is { } province)
        {
            seats = seats.Where(m => m.ProvinceId == province);
        }

        var members = await (from m in seats
                             join c in db.Committees on m.CommitteeId equals c.Id
                             join o in db.Organizations on c.OrganizationId equals o.Id
                             join p in db.Members on m.MemberId equals p.Id
                             where db.MemberPeriods.Any(x => x.MemberId == m.MemberId && x.ValidFrom <= asOf && x.ValidTo > asOf)
                             select new { m.MemberId, p.FullName, o.Code, o.Name, c.Term, c.CongressOn }).ToListAsync(ct);

        // Trained this term: a course completed between the earliest congress of the person's
        // committees and the date (a person on two base committees is one person).
        var people = members.GroupBy(m => m.MemberId).Select(g => g.OrderBy(x => x.CongressOn).First()).ToList();
        var ids = people.Select(p => p.MemberId).ToList();
        var completions = await db.TrainingRecords.AsNoTracking()
            .Where(r => r.MemberId != null && ids.Contains(r.MemberId.Value) && r.Completed && r.CompletedOn <= asOf)
            .Select(r => new { MemberId = r.MemberId!.Value, On = r.CompletedOn!.Value }).ToListAsync(ct);
        var untrained = people.Where(p => !completions.Any(c => c.MemberId == p.MemberId && c.On >= p.CongressOn))
            .OrderBy(p => p.Code, StringComparer.Ordinal).ThenBy(p => p.FullName, StringComparer.Ordinal)
            .Select(p => new UntrainedRow(p.MemberId, p.FullName, p.Code, p.Name, p.Term, p.CongressOn)).ToList();
        return new TrainingCoverage(Reports.AsOf.Label(org), asOf, people.Count, people.Count - untrained.Count, untrained);
    }

    private static async Task<List<int>> VisibleManagerIdsAsync(ChiBoDb db, OrgScope caller, CancellationToken ct)
    {
        var managers = new List<int>();
        foreach (var home in caller.Roles.Where(r => AccessTable.Allows(r.Role, Operation.CadresRead)).Select(r => r.Subtree).Distinct())
        {
            managers.AddRange((await CadreAccess.VisibleManagersAsync(db, caller, Operation.CadresRead, home, ct)).Select(o => o.Id));
        }

        return managers.Distinct().ToList();
    }

    private static async Task<List<PlanningPoolView>> PlanningPoolsAsync(ChiBoDb db, IQueryable<PlanningPool> query, DateOnly today, CancellationToken ct)
    {
        var pools = await (from p in query.AsNoTracking()
                           join o in db.Organizations on p.OrganizationId equals o.Id
                           join mo in db.Organizations on p.ManagingOrgId equals mo.Id
                           orderby o.Path, p.Title
                           select new { p, o.Code, o.Name, Manager = mo.Code }).ToListAsync(ct);
        var ids = pools.Select(p => p.p.Id).ToList();
        var candidates = await (from e in db.PlanningEntries.AsNoTracking()
                                where ids.Contains(e.PoolId)
                                join m in db.Members on e.MemberId equals m.Id
                                orderby m.SearchName
                                select new { e, m.FullName, m.BirthDate }).ToListAsync(ct);
        return pools.Select(p => new PlanningPoolView(
            p.p.Id, p.Code, p.Name, p.Manager, CadreNames.Of(p.p.Title), p.p.TermFrom, p.p.TermTo, p.p.ApprovedOn, p.p.DecisionNumber,
            candidates.Where(c => c.e.PoolId == p.p.Id)
                .Select(c => new CandidateView(c.e.Id, c.e.MemberId, c.FullName, Dates.AgeOn(c.BirthDate, today), c.e.AddedOn, c.e.RemovedOn, c.e.RemovalReason)).ToList(),
            p.p.Version)).ToList();
    }

    private static async Task<List<RotationRow>> RotationRowsAsync(ChiBoDb db, IQueryable<Rotation> query, DateOnly today, CancellationToken ct)
    {
        var rows = await (from r in query.AsNoTracking()
                          join m in db.Members on r.MemberId equals m.Id
                          join f in db.Organizations on r.FromOrgId equals f.Id
                          join t in db.Organizations on r.ToOrgId equals t.Id
                          join mo in db.Organizations on r.ManagingOrgId equals mo.Id
                          orderby r.StartsOn descending
                          select new { r, m.FullName, m.BirthDate, From = f.Name, To = t.Name, ToKind = t.Kind, ToSector = t.Sector, Manager = mo.Code }).ToListAsync(ct);
        return rows.Select(x => new RotationRow(
            x.r.Id, x.r.MemberId, x.FullName, Name(x.r.Kind), x.From, x.r.FromPost, x.To, x.r.ToPost, x.r.StartsOn, x.r.PlannedEndOn, x.r.EndedOn,
            x.r.DecisionNumber, x.Manager, Dates.AgeOn(x.BirthDate, x.r.StartsOn) < CadrePolicy.Default.YoungUnder,
            CommitteeLevel.Of(x.ToKind, x.ToSector).HasFlag(CommitteeLevels.Commune) || x.ToSector == Sector.Commune, x.r.Version)).ToList();
    }

    private static List<SeatView> CollapseSeats(IEnumerable<(CommitteeMembership Seat, string Term, string Code, string Name)> rows)
    {
        var list = new List<SeatView>();
        foreach (var (s, term, code, name) in rows.OrderBy(r => r.Seat.CommitteeId).ThenBy(r => r.Seat.ValidFrom))
        {
            if (list.Count > 0 && list[^1].CommitteeId == s.CommitteeId && s.StartReason is null && list[^1].To == s.ValidFrom)
            {
                list[^1] = list[^1] with { To = s.ValidTo == Dates.OpenEnd ? null : s.ValidTo, EndReason = s.EndReason is { } e ? CadreNames.Of(e) : null };
                continue;
            }

            list.Add(new SeatView(s.CommitteeId, code, name, term, CadreNames.Of(s.Position), s.ValidFrom, s.ValidTo == Dates.OpenEnd ? null : s.ValidTo,
                s.EndReason is { } end ? CadreNames.Of(end) : null));
        }

        return list.OrderByDescending(s => s.From).ToList();
    }
}
