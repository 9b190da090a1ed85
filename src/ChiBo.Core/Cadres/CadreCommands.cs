using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Cadres;

public sealed record CadreProfileInput(
    int Version, ItQualification It, string? GovernmentPost, string? FrontPost, string? VillagePost, bool RetiredCadre, bool Veteran);

public sealed record ManagementPoolNew(int OrganizationId, string Name);

public sealed record PoolEntryNew(int MemberId, string Post, DateOnly From);

public sealed record PlanningPoolNew(int OrganizationId, CommitteePosition Title, int TermFrom, int TermTo, DateOnly ApprovedOn, string? DecisionNumber);

public sealed record RotationNew(
    int ManagingOrgId, int MemberId, RotationKind Kind, int FromOrgId, string FromPost, int ToOrgId, string ToPost,
    DateOnly StartsOn, DateOnly? PlannedEndOn, string DecisionNumber);

public sealed record CourseNew(int OrganizerId, TrainingKind Kind, string Name, string? Provider, DateOnly StartsOn, DateOnly EndsOn);

/// <summary>One attendee: a member by id, or a person outside the register by name.</summary>
public sealed record Attendance(int? MemberId, string? FullName, bool Completed, DateOnly? CompletedOn, string? CertificateNumber);

/// <summary>
/// Cadre files: the cadre profile, management pools, planning pools, rotations and training. Every
/// command is one transaction and acts for the managing committee it names, which the caller must
/// hold <see cref="Operation.CadresWrite"/> on (<see cref="CadreAccess"/>).
/// </summary>
public sealed class CadreCommands(ChiBoDb db, TimeProvider clock, OrgScope caller, string actor)
{
    private const string What = "Hồ sơ cán bộ";

    public DateOnly Today => clock.Today();

    /// <summary>Sets the cadre profile of a member the caller manages (created at version 0).</summary>
    public Task<CadreProfile> SaveProfileAsync(int memberId, CadreProfileInput p, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var member = await MemberInScopeAsync(memberId, ct);
            Rules.Check(
                new ItIsKnown(p.It),
                new Procedures.TextFits("GovernmentPost", "Chức vụ chính quyền", p.GovernmentPost, 200),
                new Procedures.TextFits("FrontPost", "Chức vụ Mặt trận, đoàn thể", p.FrontPost, 200),
                new Procedures.TextFits("VillagePost", "Chức danh ở thôn, tổ dân phố", p.VillagePost, 200));
            var profile = await db.CadreProfiles.SingleOrDefaultAsync(x => x.MemberId == member.Id, ct);
            if (profile is null)
            {
                Concurrency.CheckVersion("Hồ sơ cán bộ của " + member.FullName, p.Version, 0);
                profile = new CadreProfile { ProvinceId = member.ProvinceId, MemberId = member.Id };
                db.CadreProfiles.Add(profile);
            }
            else
            {
                Concurrency.CheckVersion("Hồ sơ cán bộ của " + member.FullName, p.Version, profile.Version);
            }

            profile.It = p.It;
            profile.GovernmentPost = Clean(p.GovernmentPost);
            profile.FrontPost = Clean(p.FrontPost);
            profile.VillagePost = Clean(p.VillagePost);
            profile.RetiredCadre = p.RetiredCadre;
            profile.Veteran = p.Veteran;
            profile.UpdatedAt = clock.GetUtcNow();
            profile.Version++;
            await db.SaveChangesAsync(ct);
            return profile;
        }, ct);

    public Task<ManagementPool> AddManagementPoolAsync(ManagementPoolNew p, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var org = await CadreAccess.ManagingAsync(db, caller, Operation.CadresWrite, p.OrganizationId, "OrganizationId", ct);
            var name = VietnameseText.Clean(p.Name ?? "");
            Rules.Check(new Discipline.TextIsGiven("Name", "Tên diện cán bộ", name), new Procedures.TextFits("Name", "Tên diện cán bộ", name, 300));
            var pool = new ManagementPool { ProvinceId = org.ProvinceId, OrganizationId = org.Id, Name = name, Version = 1 };
            db.ManagementPools.Add(pool);
            await db.SaveChangesAsync(ct);
            return pool;
        }, ct);

    /// <summary>A cadre enters a management pool from a date, by the post that puts them there.</summary>
    public Task<ManagementPoolEntry> AddToManagementPoolAsync(int poolId, PoolEntryNew e, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var pool = await ManagementPoolAsync(poolId, ct);
            var member = await ActiveMemberAsync(e.MemberId, pool.ProvinceId, e.From, ct);
            var post = VietnameseText.Clean(e.Post ?? "");
            var already = await db.ManagementPoolEntries.AnyAsync(x => x.PoolId == pool.Id && x.MemberId == member.Id && x.ValidTo > e.From, ct);
            Rules.Check(
                new Discipline.TextIsGiven("Post", "Chức vụ", post),
                new Procedures.TextFits("Post", "Chức vụ", post, 200),
                new DateIsNotInTheFuture("From", "Ngày vào diện quản lý", e.From, Today),
                new NotYetInThePool(member.FullName, already));
            var entry = new ManagementPoolEntry
            {
                ProvinceId = pool.ProvinceId, PoolId = pool.Id, MemberId = member.Id, Post = post, ValidFrom = e.From, ValidTo = Dates.OpenEnd,
            };
            db.ManagementPoolEntries.Add(entry);
            await db.SaveChangesAsync(ct);
            return entry;
        }, ct);

    public Task<ManagementPoolEntry> EndManagementEntryAsync(int poolId, int entryId, DateOnly on, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var pool = await ManagementPoolAsync(poolId, ct);
            var entry = await db.ManagementPoolEntries.SingleOrDefaultAsync(x => x.Id == entryId && x.PoolId == pool.Id && x.ValidTo == Dates.OpenEnd, ct)
                ?? throw new RuleViolationException("EntryId", "Cán bộ này không còn trong diện quản lý.");
            Rules.Check(new DateIsNotInTheFuture("On", "Ngày ra khỏi diện", on, Today), new Villages.EndsAfterItBegan(entry.ValidFrom, on));
            entry.ValidTo = on;
            await db.SaveChangesAsync(ct);
            return entry;
        }, ct);

    /// <summary>Quy hoạch a title of a committee for a term; the pool is kept by the committee that manages the organization's cadres.</summary>
    public Task<PlanningPool> AddPlanningPoolAsync(PlanningPoolNew p, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == p.OrganizationId, ct)
                ?? throw new RuleViolationException("OrganizationId", $"Không tìm thấy tổ chức đảng số {p.OrganizationId}.");
            var manager = await CadreAccess.ManagerOfAsync(db, org, ct);
            await CadreAccess.ManagingAsync(db, caller, Operation.CadresWrite, manager.Id, "OrganizationId", ct);
            var taken = await db.PlanningPools.AnyAsync(x => x.OrganizationId == org.Id && x.Title == p.Title && x.TermFrom == p.TermFrom, ct);
            Rules.Check(
                new PlanningTermIsSound(p.TermFrom, p.TermTo),
                new DateIsNotInTheFuture("ApprovedOn", "Ngày phê duyệt", p.ApprovedOn, Today),
                new PlanningPoolIsNew(taken, org.Name, p.Title));
            var pool = new PlanningPool
            {
                ProvinceId = org.ProvinceId, OrganizationId = org.Id, ManagingOrgId = manager.Id, Title = p.Title,
                TermFrom = p.TermFrom, TermTo = p.TermTo, ApprovedOn = p.ApprovedOn, DecisionNumber = Clean(p.DecisionNumber), Version = 1,
            };
            db.PlanningPools.Add(pool);
            await db.SaveChangesAsync(ct);
            return pool;
        }, ct);

    public Task<PlanningEntry> AddCandidateAsync(int poolId, int memberId, DateOnly on, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var pool = await PlanningPoolAsync(poolId, ct);
            var member = await ActiveMemberAsync(memberId, pool.ProvinceId, on, ct);
            var already = await db.PlanningEntries.AnyAsync(x => x.PoolId == pool.Id && x.MemberId == member.Id && x.RemovedOn == null, ct);
            Rules.Check(new DateIsNotInTheFuture("On", "Ngày đưa vào quy hoạch", on, Today), new NotYetInThePool(member.FullName, already));
            var entry = new PlanningEntry { ProvinceId = pool.ProvinceId, PoolId = pool.Id, MemberId = member.Id, AddedOn = on };
            db.PlanningEntries.Add(entry);
            await db.SaveChangesAsync(ct);
            return entry;
        }, ct);

    /// <summary>Đưa ra khỏi quy hoạch, with the reason.</summary>
    public Task<PlanningEntry> RemoveCandidateAsync(int poolId, int entryId, DateOnly on, string reason, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var pool = await PlanningPoolAsync(poolId, ct);
            var entry = await db.PlanningEntries.SingleOrDefaultAsync(x => x.Id == entryId && x.PoolId == pool.Id && x.RemovedOn == null, ct)
                ?? throw new RuleViolationException("EntryId", "Cán bộ này không còn trong quy hoạch.");
            var why = VietnameseText.Clean(reason ?? "");
            Rules.Check(
                new Discipline.TextIsGiven("Reason", "Lý do đưa ra khỏi quy hoạch", why),
                new Procedures.TextFits("Reason", "Lý do", why, 500),
                new DateIsNotInTheFuture("On", "Ngày đưa ra khỏi quy hoạch", on, Today),
                new Villages.EndsAfterItBegan(entry.AddedOn, on));
            entry.RemovedOn = on;
            entry.RemovalReason = why;
            await db.SaveChangesAsync(ct);
            return entry;
        }, ct);

    /// <summary>Luân chuyển, điều động, biệt phái: decided by the managing committee named.</summary>
    public Task<Rotation> AddRotationAsync(RotationNew r, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var manager = await CadreAccess.ManagingAsync(db, caller, Operation.CadresWrite, r.ManagingOrgId, "ManagingOrgId", ct);
            var member = await ActiveMemberAsync(r.MemberId, manager.ProvinceId, r.StartsOn, ct);
            var from = await OrgInProvinceAsync(r.FromOrgId, manager.ProvinceId, "FromOrgId", ct);
            var to = await OrgInProvinceAsync(r.ToOrgId, manager.ProvinceId, "ToOrgId", ct);
            var fromPost = VietnameseText.Clean(r.FromPost ?? "");
            var toPost = VietnameseText.Clean(r.ToPost ?? "");
            var decision = VietnameseText.Clean(r.DecisionNumber ?? "");
            Rules.Check(
                new RotationKindIsKnown(r.Kind),
                new Discipline.TextIsGiven("FromPost", "Chức vụ trước khi luân chuyển", fromPost),
                new Discipline.TextIsGiven("ToPost", "Chức vụ nơi đến", toPost),
                new Discipline.TextIsGiven("DecisionNumber", "Số quyết định", decision),
                new Procedures.TextFits("FromPost", "Chức vụ", fromPost, 200),
                new Procedures.TextFits("ToPost", "Chức vụ", toPost, 200),
                new Procedures.TextFits("DecisionNumber", "Số quyết định", decision, 100),
                new RotationMoves(from, to),
                new DateIsNotInTheFuture("StartsOn", "Ngày bắt đầu", r.StartsOn, Today),
                new PlannedEndAfterStart(r.StartsOn, r.PlannedEndOn));
            _ = member;
            var rotation = new Rotation
            {
                ProvinceId = manager.ProvinceId, ManagingOrgId = manager.Id, MemberId = r.MemberId, Kind = r.Kind,
                FromOrgId = from.Id, FromPost = fromPost, ToOrgId = to.Id, ToPost = toPost, StartsOn = r.StartsOn, PlannedEndOn = r.PlannedEndOn,
                DecisionNumber = decision, RecordedBy = actor, RecordedAt = clock.GetUtcNow(), Version = 1,
            };
            db.Rotations.Add(rotation);
            await db.SaveChangesAsync(ct);
            return rotation;
        }, ct);

    public Task<Rotation> EndRotationAsync(int rotationId, int version, DateOnly on, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var rotation = await db.Rotations.SingleOrDefaultAsync(x => x.Id == rotationId, ct)
                ?? throw new RuleViolationException("RotationId", $"Không tìm thấy quyết định luân chuyển số {rotationId}.");
            await CadreAccess.ManagingAsync(db, caller, Operation.CadresWrite, rotation.ManagingOrgId, "RotationId", ct);
            Concurrency.CheckVersion("Quyết định " + rotation.DecisionNumber, version, rotation.Version);
            Rules.Check(
                new RotationIsRunning(rotation.EndedOn),
                new DateIsNotInTheFuture("On", "Ngày kết thúc", on, Today),
                new Villages.EndsAfterItBegan(rotation.StartsOn, on));
            rotation.EndedOn = on;
            rotation.Version++;
            await db.SaveChangesAsync(ct);
            return rotation;
        }, ct);

    public Task<TrainingCourse> AddCourseAsync(CourseNew c, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var organizer = await CadreAccess.ManagingAsync(db, caller, Operation.CadresWrite, c.OrganizerId, "OrganizerId", ct);
            var name = VietnameseText.Clean(c.Name ?? "");
            Rules.Check(
                new TrainingKindIsKnown(c.Kind),
                new Discipline.TextIsGiven("Name", "Tên lớp", name),
                new Procedures.TextFits("Name", "Tên lớp", name, 300),
                new Procedures.TextFits("Provider", "Cơ sở đào tạo", c.Provider, 300),
                new Villages.EndsAfterItBegan(c.StartsOn.AddDays(-1), c.EndsOn));
            var course = new TrainingCourse
            {
                ProvinceId = organizer.ProvinceId, OrganizerId = organizer.Id, Kind = c.Kind, Name = name, Provider = Clean(c.Provider),
                StartsOn = c.StartsOn, EndsOn = c.EndsOn, Version = 1,
            };
            db.TrainingCourses.Add(course);
            await db.SaveChangesAsync(ct);
            return course;
        }, ct);

    /// <summary>Records who attended a course, whether they completed it and their certificate; replaces an earlier line of the same person.</summary>
    public Task<TrainingCourse> RecordAttendanceAsync(int courseId, int version, IReadOnlyList<Attendance> lines, CancellationToken ct = default) =>
        Transactions.RunAsync(db, What, async () =>
        {
            var course = await db.TrainingCourses.SingleOrDefaultAsync(x => x.Id == courseId, ct)
                ?? throw new RuleViolationException("CourseId", $"Không tìm thấy lớp số {courseId}.");
            await CadreAccess.ManagingAsync(db, caller, Operation.CadresWrite, course.OrganizerId, "CourseId", ct);
            Concurrency.CheckVersion("Lớp " + course.Name, version, course.Version);
            var existing = await db.TrainingRecords.Where(r => r.CourseId == course.Id).ToListAsync(ct);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                var row = i + 1;
                string name;
                if (line.MemberId is { } memberId)
                {
                    name = await db.Members.AsNoTracking().Where(m => m.Id == memberId && m.ProvinceId == course.ProvinceId).Select(m => m.FullName).SingleOrDefaultAsync(ct)
                        ?? throw new RuleViolationException($"Lines[{i}].MemberId", $"Dòng {row}: không tìm thấy đảng viên số {memberId}.");
                }
                else
                {
                    name = VietnameseText.Clean(line.FullName ?? "");
                    Rules.Check(new Discipline.TextIsGiven($"Lines[{i}].FullName", $"Dòng {row}: họ và tên", name));
                }

                Rules.Check(
                    new CompletionIsDated(i, line.Completed, line.CompletedOn, course),
                    new Procedures.TextFits($"Lines[{i}].CertificateNumber", $"Dòng {row}: số chứng chỉ", line.CertificateNumber, 100));
                var record = existing.FirstOrDefault(r => line.MemberId is { } m ? r.MemberId == m : r.MemberId is null && r.FullName == name);
                if (record is null)
                {
                    record = new TrainingRecord { ProvinceId = course.ProvinceId, CourseId = course.Id, FullName = name };
                    db.TrainingRecords.Add(record);
                    existing.Add(record);
                }

                record.MemberId = line.MemberId;
                record.FullName = name;
                record.Completed = line.Completed;
                record.CompletedOn = line.Completed ? line.CompletedOn : null;
                record.CertificateNumber = Clean(line.CertificateNumber);
            }

            course.Version++;
            await db.SaveChangesAsync(ct);
            return course;
        }, ct);

    private async Task<ManagementPool> ManagementPoolAsync(int poolId, CancellationToken ct)
    {
        var pool = await db.ManagementPools.SingleOrDefaultAsync(p => p.Id == poolId, ct)
            ?? throw new RuleViolationException("PoolId", $"Không tìm thấy diện cán bộ số {poolId}.");
        await CadreAccess.ManagingAsync(db, caller, Operation.CadresWrite, pool.OrganizationId, "PoolId", ct);
        return pool;
    }

    private async Task<PlanningPool> PlanningPoolAsync(int poolId, CancellationToken ct)
    {
        var pool = await db.PlanningPools.SingleOrDefaultAsync(p => p.Id == poolId, ct)
            ?? throw new RuleViolationException("PoolId", $"Không tìm thấy quy hoạch số {poolId}.");
        await CadreAccess.ManagingAsync(db, caller, Operation.CadresWrite, pool.ManagingOrgId, "PoolId", ct);
        return pool;
    }

    /// <summary>A member of the province in the Party on the date (cadres in pools are party members).</summary>
    private async Task<Members.Member> ActiveMemberAsync(int memberId, int provinceId, DateOnly on, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId && m.ProvinceId == provinceId, ct)
            ?? throw new RuleViolationException("MemberId", $"Không tìm thấy đảng viên số {memberId}.");
        var active = await db.MemberPeriods.AnyAsync(p => p.MemberId == memberId && p.ValidFrom <= on && p.ValidTo > on, ct);
        if (!active)
        {
            throw new RuleViolationException("MemberId", $"{member.FullName} không sinh hoạt đảng vào ngày {Rules.Date(on)}.");
        }

        return member;
    }

    /// <summary>A member whose cadre file the caller keeps: their cell is in a subtree the caller holds Cadres.Write on.</summary>
    private async Task<Members.Member> MemberInScopeAsync(int memberId, CancellationToken ct)
    {
        var found = await (from m in db.Members.AsNoTracking()
                           where m.Id == memberId
                           join o in db.Organizations on m.CellId equals o.Id
                           select new { Member = m, o.ProvinceId, o.Path }).SingleOrDefaultAsync(ct);
        if (found is null || !caller.Can(Operation.CadresWrite, new Subtree(found.ProvinceId, found.Path)))
        {
            throw new RuleViolationException("MemberId", $"Không tìm thấy đảng viên số {memberId} trong phạm vi của bạn.");
        }

        return found.Member;
    }

    private async Task<Organization> OrgInProvinceAsync(int orgId, int provinceId, string field, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId && o.ProvinceId == provinceId, ct)
        ?? throw new RuleViolationException(field, $"Không tìm thấy tổ chức đảng số {orgId}.");

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : VietnameseText.Clean(text);
}

public sealed record ItIsKnown(ItQualification It) : IRule
{
    public string Field => "It";

    public string Message => "Trình độ tin học không hợp lệ.";

    public bool IsBroken() => !Enum.IsDefined(It);
}

public sealed record NotYetInThePool(string Name, bool Already) : IRule
{
    public string Field => "MemberId";

    public string Message => $"{Name} đã có trong danh sách.";

    public bool IsBroken() => Already;
}

public sealed record PlanningTermIsSound(int From, int To) : IRule
{
    public string Field => "TermFrom";

    public string Message => "Nhiệm kỳ quy hoạch phải có năm đầu trước năm cuối (ví dụ 2030–2035).";

    public bool IsBroken() => From < 1930 || To <= From || To - From > 10;
}

public sealed record PlanningPoolIsNew(bool Taken, string OrgName, CommitteePosition Title) : IRule
{
    public string Field => "Title";

    public string Message => $"Đã có quy hoạch chức danh {CadreNames.Of(Title).ToLowerInvariant()} của {OrgName} cho nhiệm kỳ này.";

    public bool IsBroken() => Taken;
}

public sealed record RotationKindIsKnown(RotationKind Kind) : IRule
{
    public string Field => "Kind";

    public string Message => "Hình thức phải là luân chuyển, điều động hoặc biệt phái.";

    public bool IsBroken() => !Enum.IsDefined(Kind);
}

public sealed record RotationMoves(Organization From, Organization To) : IRule
{
    public string Field => "ToOrgId";

    public string Message => "Nơi đến phải khác nơi đi.";

    public bool IsBroken() => From.Id == To.Id;
}

public sealed record PlannedEndAfterStart(DateOnly Start, DateOnly? End) : IRule
{
    public string Field => "PlannedEndOn";

    public string Message => "Thời hạn dự kiến phải sau ngày bắt đầu.";

    public bool IsBroken() => End is { } e && e <= Start;
}

public sealed record RotationIsRunning(DateOnly? EndedOn) : IRule
{
    public string Field => "On";

    public string Message => $"Luân chuyển này đã kết thúc ngày {Rules.Date(EndedOn ?? default)}.";

    public bool IsBroken() => EndedOn is not null;
}

public sealed record TrainingKindIsKnown(TrainingKind Kind) : IRule
{
    public string Field => "Kind";

    public string Message => "Loại lớp không hợp lệ.";

    public bool IsBroken() => !Enum.IsDefined(Kind);
}

public sealed record CompletionIsDated(int Index, bool Completed, DateOnly? On, TrainingCourse Course) : IRule
{
    public string Field => $"Lines[{Index}].CompletedOn";

    public string Message => $"Dòng {Index + 1}: người hoàn thành cần ngày hoàn thành, từ ngày khai giảng ({Rules.Date(Course.StartsOn)}) trở đi.";

    public bool IsBroken() => Completed && (On is not { } d || d < Course.StartsOn);
}
