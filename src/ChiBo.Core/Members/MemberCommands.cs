using ChiBo.Data;
using ChiBo.Organizations;
using ChiBo.Text;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Members;

/// <summary>The profile fields of a member record (lý lịch) as a form or an Excel row gives them.</summary>
public sealed record MemberProfile
{
    public required string FullName { get; init; }
    public string? OtherNames { get; init; }
    public Gender Gender { get; init; }
    public DateOnly BirthDate { get; init; }
    public string? BirthPlace { get; init; }
    public string? HomeTown { get; init; }
    public string? Residence { get; init; }
    public string? Cccd { get; init; }
    public int Ethnicity { get; init; } = Ethnicities.Kinh;
    public Religion Religion { get; init; }
    public string? Occupation { get; init; }
    public string? Workplace { get; init; }
    public string? Position { get; init; }
    public GeneralEducation GeneralEducation { get; init; } = GeneralEducation.UpperSecondary;
    public ProfessionalLevel Professional { get; init; }
    public string? ProfessionalField { get; init; }
    public bool ScienceTechnology { get; init; }
    public PoliticalTheory PoliticalTheory { get; init; }
    public string? ForeignLanguage { get; init; }
    public CivilServiceGrade CivilServiceGrade { get; init; }
    public bool YouthUnion { get; init; }
    public bool Enterprise { get; init; }
    public bool Retired { get; init; }
    public string? PartyCardNumber { get; init; }

    public static MemberProfile Of(Member m) => new()
    {
        FullName = m.FullName, OtherNames = m.OtherNames, Gender = m.Gender, BirthDate = m.BirthDate,
        BirthPlace = m.BirthPlace, HomeTown = m.HomeTown, Residence = m.Residence, Cccd = m.Cccd,
        Ethnicity = m.Ethnicity, Religion = m.Religion, Occupation = m.Occupation, Workplace = m.Workplace,
        Position = m.Position, GeneralEducation = m.GeneralEducation, Professional = m.Professional,
        ProfessionalField = m.ProfessionalField, ScienceTechnology = m.ScienceTechnology,
        PoliticalTheory = m.PoliticalTheory, ForeignLanguage = m.ForeignLanguage,
        CivilServiceGrade = m.CivilServiceGrade, YouthUnion = m.YouthUnion, Enterprise = m.Enterprise,
        Retired = m.Retired, PartyCardNumber = m.PartyCardNumber,
    };

    /// <summary>The same profile with names in NFC and single spaces, empty texts as null.</summary>
    public MemberProfile Cleaned() => this with
    {
        FullName = VietnameseText.Clean(FullName ?? ""),
        OtherNames = Opt(OtherNames), BirthPlace = Opt(BirthPlace), HomeTown = Opt(HomeTown), Residence = Opt(Residence),
        Cccd = Opt(Cccd), Occupation = Opt(Occupation), Workplace = Opt(Workplace), Position = Opt(Position),
        ProfessionalField = Opt(ProfessionalField), ForeignLanguage = Opt(ForeignLanguage), PartyCardNumber = Opt(PartyCardNumber),
    };

    private static string? Opt(string? s) => string.IsNullOrWhiteSpace(s) ? null : VietnameseText.Clean(s);
}

/// <summary>A new member record in a cell: kết nạp on <see cref="AdmittedOn"/>, chính thức on <see cref="OfficialOn"/> or still dự bị.</summary>
public sealed record MemberRegistration(MemberProfile Profile, int CellId, DateOnly AdmittedOn, DateOnly? OfficialOn);

/// <summary>Attributes that change from a date on (a new degree, retirement…); null = unchanged.</summary>
public sealed record AttributeChange
{
    public GeneralEducation? GeneralEducation { get; init; }
    public ProfessionalLevel? Professional { get; init; }
    public PoliticalTheory? PoliticalTheory { get; init; }
    public bool? Enterprise { get; init; }
    public bool? Retired { get; init; }
    public bool? YouthUnion { get; init; }
}

/// <summary>Why a command was done: the decision (quyết định) number, the reason and the level that decided (cấp quyết định).</summary>
public sealed record Decision(string? Number = null, string? Reason = null, string? Level = null)
{
    public static readonly Decision None = new();
}

/// <summary>How a record enters the register.</summary>
public enum RegistrationKind
{
    /// <summary>Kết nạp: the period opens at the admission date; an Admitted event.</summary>
    Admission,

    /// <summary>A legacy record typed in or imported: the period opens at the admission date; a Registered event dated today.</summary>
    Legacy,
}

/// <summary>
/// Everything that changes a member record. Each command runs in one transaction and keeps the
/// record (<see cref="Member"/>), its stretches (<see cref="MemberPeriod"/>) and its timeline
/// (<see cref="MemberEvent"/>) consistent; the caller passes the Version it read.
/// </summary>
public sealed class MemberCommands(ChiBoDb db, TimeProvider clock, string actor)
{
    private const string Record = "Hồ sơ đảng viên";

    public DateOnly Today => clock.Today();

    public Task<Member> RegisterAsync(MemberRegistration registration, Decision why, RegistrationKind kind = RegistrationKind.Admission, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Record, async () =>
        {
            var cell = await FindCellAsync(registration.CellId, ct);
            var members = await RegisterManyAsync([(registration, cell)], why, kind, ct);
            return members[0];
        }, ct);

    /// <summary>
    /// Registers records that were checked together (an import): one SaveChanges for the records,
    /// one for their periods and events. Runs in the caller's transaction when there is one.
    /// </summary>
    public Task<IReadOnlyList<Member>> RegisterManyAsync(
        IReadOnlyList<(MemberRegistration Registration, Organization Cell)> rows, Decision why, RegistrationKind kind, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Record, async () =>
        {
            var today = Today;
            var cleaned = rows.Select(r => (Registration: r.Registration with { Profile = r.Registration.Profile.Cleaned() }, r.Cell)).ToList();
            var numbers = cleaned.Select(r => r.Registration.Profile.Cccd).OfType<string>().ToList();
            var taken = (await db.Members.Where(m => m.Cccd != null && numbers.Contains(m.Cccd)).Select(m => m.Cccd!).ToListAsync(ct)).ToHashSet();
            var seen = new HashSet<string>();
            foreach (var (r, cell) in cleaned)
            {
                Rules.Check(MemberRules.ForRegistration(r, cell, today));
                var number = r.Profile.Cccd!;
                Rules.Check(new CccdIsUnique(number, taken.Contains(number) || !seen.Add(number)));
            }

            var now = clock.GetUtcNow();
            var members = new List<Member>(cleaned.Count);
            foreach (var (r, cell) in cleaned)
            {
                var m = new Member { FullName = "", SearchName = "", ProvinceId = cell.ProvinceId, CellId = cell.Id, AdmittedOn = r.AdmittedOn };
                Apply(m, r.Profile);
                m.OfficialOn = r.OfficialOn;
                m.Status = r.OfficialOn is null ? MemberStatus.Probationary : MemberStatus.Official;
                m.UpdatedAt = now;
                m.Version = 1;
                members.Add(m);
            }

            db.Members.AddRange(members);
            await db.SaveChangesAsync(ct);

            for (var i = 0; i < members.Count; i++)
            {
                var (m, (r, cell)) = (members[i], cleaned[i]);
                db.MemberPeriods.Add(MemberPeriod.Open(m, cell, r.AdmittedOn));
                if (kind == RegistrationKind.Legacy)
                {
                    var details = $"Ngày vào Đảng: {Rules.Date(r.AdmittedOn)}" + (r.OfficialOn is { } o ? $"\nNgày chính thức: {Rules.Date(o)}" : "");
                    db.MemberEvents.Add(NewEvent(m, MemberEventKind.Registered, today, cell.Id, cell.Path, why, details));
                }
                else
                {
                    db.MemberEvents.Add(NewEvent(m, MemberEventKind.Admitted, r.AdmittedOn, cell.Id, cell.Path, why));
                    if (r.OfficialOn is { } official)
                    {
                        db.MemberEvents.Add(NewEvent(m, MemberEventKind.RecognizedOfficial, official, cell.Id, cell.Path, why));
                    }
                }
            }

            await db.SaveChangesAsync(ct);
            return (IReadOnlyList<Member>)members;
        }, ct);

    /// <summary>Công nhận đảng viên chính thức: the open period learns the date, nothing closes.</summary>
    public Task<Member> RecognizeOfficialAsync(int memberId, int version, DateOnly date, Decision why, CancellationToken ct = default) =>
        Edit(memberId, version, date, async (m, open) =>
        {
            // A readmitted member serves probation again from the readmission, not from the first admission.
            var lastAdmission = await db.MemberEvents.Where(e => e.MemberId == m.Id && e.Kind == MemberEventKind.Admitted)
                .MaxAsync(e => (DateOnly?)e.Date, ct) ?? m.AdmittedOn;
            Rules.Check(
                new MemberHasStatus(m, MemberStatus.Probationary, "công nhận chính thức"),
                new OfficialAfterProbation(lastAdmission, date));
            m.OfficialOn = date;
            m.Status = MemberStatus.Official;
            open.OfficialOn = date;
            Add(m, MemberEventKind.RecognizedOfficial, date, open, why);
        }, ct);

    /// <summary>Chuyển sinh hoạt trong tỉnh: the member is in the old cell until the day before, in the new one from <paramref name="date"/>.</summary>
    public Task<Member> MoveCellAsync(int memberId, int version, int cellId, DateOnly date, Decision why, CancellationToken ct = default) =>
        Edit(memberId, version, date, async (m, open) =>
        {
            var cell = await FindCellAsync(cellId, ct);
            Rules.Check(
                new MemberIsActive(m),
                new CellHoldsMembers(cell),
                new CellIsInTheMembersProvince(cell, m.ProvinceId),
                new CellIsDifferent(open.CellId, cell.Id));
            var left = await FindCellAsync(open.CellId, ct);
            Add(m, MemberEventKind.MovedCell, date, open, why, $"Chi bộ: {left.Code} → {cell.Code}", otherCellId: cell.Id);
            var next = Split(open, date);
            next.CellId = cell.Id;
            next.CellPath = cell.Path;
            m.CellId = cell.Id;
        }, ct);

    /// <summary>Chuyển sinh hoạt đi ngoài tỉnh (the destination goes in the reason).</summary>
    public Task<Member> TransferOutAsync(int memberId, int version, DateOnly date, Decision why, CancellationToken ct = default) =>
        Leave(memberId, version, date, MemberStatus.TransferredOut, MemberEventKind.TransferredOut, why, ct);

    /// <summary>Xóa tên.</summary>
    public Task<Member> StrikeOffAsync(int memberId, int version, DateOnly date, Decision why, CancellationToken ct = default) =>
        Leave(memberId, version, date, MemberStatus.StruckOff, MemberEventKind.StruckOff, why, ct);

    /// <summary>Cho ra khỏi Đảng.</summary>
    public Task<Member> RemoveAsync(int memberId, int version, DateOnly date, Decision why, CancellationToken ct = default) =>
        Leave(memberId, version, date, MemberStatus.Removed, MemberEventKind.Removed, why, ct);

    /// <summary>Khai trừ.</summary>
    public Task<Member> ExpelAsync(int memberId, int version, DateOnly date, Decision why, CancellationToken ct = default) =>
        Leave(memberId, version, date, MemberStatus.Expelled, MemberEventKind.Expelled, why, ct);

    /// <summary>Từ trần.</summary>
    public Task<Member> DieAsync(int memberId, int version, DateOnly date, Decision why, CancellationToken ct = default) =>
        Leave(memberId, version, date, MemberStatus.Died, MemberEventKind.Died, why, ct);

    /// <summary>A member arriving from another province: a new record whose membership here begins at <paramref name="date"/>.</summary>
    public Task<Member> TransferInAsync(MemberRegistration registration, DateOnly date, Decision why, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Record, async () =>
        {
            var r = registration with { Profile = registration.Profile.Cleaned() };
            var cell = await FindCellAsync(r.CellId, ct);
            var taken = r.Profile.Cccd is { } n && await db.Members.AnyAsync(x => x.Cccd == n, ct);
            Rules.Check(MemberRules.ForRegistration(r, cell, Today).Append(new CccdIsUnique(r.Profile.Cccd, taken)));
            Rules.Check(
                new DateIsNotInTheFuture("Date", "Ngày chuyển đến", date, Today),
                new DateIsNotBeforeAdmission(date, r.AdmittedOn));
            var m = new Member { FullName = "", SearchName = "", ProvinceId = cell.ProvinceId, CellId = cell.Id, AdmittedOn = r.AdmittedOn };
            Apply(m, r.Profile);
            m.OfficialOn = r.OfficialOn;
            m.Status = r.OfficialOn is null ? MemberStatus.Probationary : MemberStatus.Official;
            m.UpdatedAt = clock.GetUtcNow();
            m.Version = 1;
            db.Members.Add(m);
            await db.SaveChangesAsync(ct);
            db.MemberPeriods.Add(MemberPeriod.Open(m, cell, date));
            db.MemberEvents.Add(NewEvent(m, MemberEventKind.TransferredIn, date, cell.Id, cell.Path, why));
            await db.SaveChangesAsync(ct);
            return m;
        }, ct);

    /// <summary>A member who had transferred out comes back to a cell of the province.</summary>
    public Task<Member> TransferBackInAsync(int memberId, int version, int cellId, DateOnly date, Decision why, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Record, async () =>
        {
            var m = await LoadAsync(memberId, version, ct);
            var cell = await FindCellAsync(cellId, ct);
            var leftOn = await db.MemberPeriods.Where(p => p.MemberId == m.Id).MaxAsync(p => (DateOnly?)p.ValidTo, ct) ?? m.AdmittedOn;
            Rules.Check(
                new MemberHasStatus(m, MemberStatus.TransferredOut, "tiếp nhận trở lại"),
                new CellHoldsMembers(cell),
                new CellIsInTheMembersProvince(cell, m.ProvinceId),
                new DateIsNotInTheFuture("Date", "Ngày chuyển đến", date, Today),
                new DateIsNotBeforeLeaving(date, leftOn));
            m.Status = m.OfficialOn is null ? MemberStatus.Probationary : MemberStatus.Official;
            m.CellId = cell.Id;
            Touch(m);
            db.MemberPeriods.Add(MemberPeriod.Open(m, cell, date));
            db.MemberEvents.Add(NewEvent(m, MemberEventKind.TransferredIn, date, cell.Id, cell.Path, why));
            await db.SaveChangesAsync(ct);
            return m;
        }, ct);

    /// <summary>
    /// Kết nạp lại a member who was struck off, removed or expelled: dự bị again from
    /// <paramref name="date"/> in <paramref name="cellId"/>, an Admitted event. The first admission
    /// date stays: party age counts from it minus the time out (<see cref="PartyAgePolicy"/>).
    /// </summary>
    public Task<Member> ReadmitAsync(int memberId, int version, int cellId, DateOnly date, Decision why, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Record, async () =>
        {
            var m = await LoadAsync(memberId, version, ct);
            var cell = await FindCellAsync(cellId, ct);
            var leftOn = await db.MemberPeriods.Where(p => p.MemberId == m.Id).MaxAsync(p => (DateOnly?)p.ValidTo, ct) ?? m.AdmittedOn;
            Rules.Check(
                new MemberLeftThePartyToBeReadmitted(m),
                new CellHoldsMembers(cell),
                new CellIsInTheMembersProvince(cell, m.ProvinceId),
                new DateIsNotInTheFuture("Date", "Ngày kết nạp lại", date, Today),
                new DateIsNotBeforeLeaving(date, leftOn));
            m.Status = MemberStatus.Probationary;
            m.OfficialOn = null;
            m.CellId = cell.Id;
            Touch(m);
            db.MemberPeriods.Add(MemberPeriod.Open(m, cell, date));
            db.MemberEvents.Add(NewEvent(m, MemberEventKind.Admitted, date, cell.Id, cell.Path, why, "Kết nạp lại"));
            await db.SaveChangesAsync(ct);
            return m;
        }, ct);

    /// <summary>
    /// Miễn công tác và sinh hoạt đảng from <paramref name="date"/>: the open period splits. The
    /// ground (tuổi cao, sức khỏe) and the review date (ngày xem xét lại) follow <see cref="ExemptionPolicy"/>.
    /// </summary>
    public Task<Member> ExemptAsync(
        int memberId, int version, DateOnly date, Decision why, ExemptionGround? ground = null, DateOnly? reviewOn = null, CancellationToken ct = default) =>
        Edit(memberId, version, date, async (m, open) =>
        {
            Rules.Check(new MemberHasStatus(m, MemberStatus.Official, "miễn sinh hoạt"));
            Rules.Check(ExemptionPolicy.Check(ground, date, reviewOn));
            Split(open, date).Exempted = true;
            m.Status = MemberStatus.Exempted;
            m.ExemptionGround = ground;
            m.ExemptionReviewOn = reviewOn;
            Add(m, MemberEventKind.Exempted, date, open, why, ExemptionPolicy.Describe(ground, reviewOn));
            await Task.CompletedTask;
        }, ct);

    public Task<Member> EndExemptionAsync(int memberId, int version, DateOnly date, Decision why, CancellationToken ct = default) =>
        Edit(memberId, version, date, async (m, open) =>
        {
            Rules.Check(new MemberHasStatus(m, MemberStatus.Exempted, "kết thúc miễn sinh hoạt"));
            Split(open, date).Exempted = false;
            m.Status = MemberStatus.Official;
            m.ExemptionGround = null;
            m.ExemptionReviewOn = null;
            Add(m, MemberEventKind.ExemptionEnded, date, open, why);
            await Task.CompletedTask;
        }, ct);

    /// <summary>
    /// Đính chính: the record was wrong from the start. Identity fields (gender, birth date,
    /// ethnicity, religion) are rewritten in every period; the attributes that change over time
    /// are rewritten in the periods that carried the wrong value (earlier values stay).
    /// </summary>
    public Task<Member> CorrectFieldsAsync(int memberId, int version, MemberProfile corrected, Decision why, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Record, async () =>
        {
            var m = await LoadAsync(memberId, version, ct);
            var before = MemberProfile.Of(m);
            var after = corrected.Cleaned();
            var changes = Diff(before, after);
            Rules.Check(MemberRules.ForProfile(after).Prepend(new SomethingChanges(changes)));
            if (after.Cccd != before.Cccd)
            {
                var taken = await db.Members.AnyAsync(x => x.Cccd == after.Cccd && x.Id != m.Id, ct);
                Rules.Check(new CccdIsUnique(after.Cccd, taken));
            }

            var periods = await db.MemberPeriods.Where(p => p.MemberId == m.Id).ToListAsync(ct);
            foreach (var p in periods)
            {
                p.Gender = after.Gender;
                p.BirthDate = after.BirthDate;
                p.Minority = after.Ethnicity != Ethnicities.Kinh;
                p.Religious = after.Religion != Religion.None;
                p.GeneralEducation = p.GeneralEducation == before.GeneralEducation ? after.GeneralEducation : p.GeneralEducation;
                p.Professional = p.Professional == before.Professional ? after.Professional : p.Professional;
                p.PoliticalTheory = p.PoliticalTheory == before.PoliticalTheory ? after.PoliticalTheory : p.PoliticalTheory;
                p.Enterprise = p.Enterprise == before.Enterprise ? after.Enterprise : p.Enterprise;
                p.YouthUnion = p.YouthUnion == before.YouthUnion ? after.YouthUnion : p.YouthUnion;
                p.Retired = p.Retired == before.Retired ? after.Retired : p.Retired;
            }

            Apply(m, after);
            Touch(m);
            var at = periods.OrderByDescending(p => p.ValidFrom).FirstOrDefault();
            db.MemberEvents.Add(NewEvent(m, MemberEventKind.FieldCorrected, Today, at?.CellId ?? m.CellId,
                at?.CellPath ?? (await FindCellAsync(m.CellId, ct)).Path, why, string.Join('\n', changes)));
            await db.SaveChangesAsync(ct);
            return m;
        }, ct);

    /// <summary>
    /// Cấp lại thẻ đảng viên (lost or damaged): the record carries the new number from
    /// <paramref name="date"/>; the old number stays on the timeline.
    /// </summary>
    public Task<Member> ReissueCardAsync(int memberId, int version, string number, DateOnly date, Decision why, CancellationToken ct = default) =>
        Edit(memberId, version, date, async (m, open) =>
        {
            var n = VietnameseText.Clean(number ?? "");
            Rules.Check(new MemberIsActive(m), new Admission.TextIsGiven(nameof(Member.PartyCardNumber), "Số thẻ đảng viên mới", n));
            var taken = await db.Members.AnyAsync(x => x.PartyCardNumber == n && x.Id != m.Id, ct);
            Rules.Check(new CardNumberIsNew(n, m.PartyCardNumber, taken));
            Add(m, MemberEventKind.CardReissued, date, open, why, $"Số thẻ đảng viên: {m.PartyCardNumber ?? "(trống)"} → {n}");
            m.PartyCardNumber = n;
            m.PartyCardIssuedOn = date;
        }, ct);

    /// <summary>Thay đổi trình độ, nghỉ hưu…: true from <paramref name="date"/> on, so the open period splits there.</summary>
    public Task<Member> ChangeAttributesAsync(int memberId, int version, DateOnly date, AttributeChange change, Decision why, CancellationToken ct = default) =>
        Edit(memberId, version, date, async (m, open) =>
        {
            var before = MemberProfile.Of(m);
            var after = before with
            {
                GeneralEducation = change.GeneralEducation ?? before.GeneralEducation,
                Professional = change.Professional ?? before.Professional,
                PoliticalTheory = change.PoliticalTheory ?? before.PoliticalTheory,
                Enterprise = change.Enterprise ?? before.Enterprise,
                Retired = change.Retired ?? before.Retired,
                YouthUnion = change.YouthUnion ?? before.YouthUnion,
            };
            var changes = Diff(before, after);
            Rules.Check(new MemberIsActive(m), new SomethingChanges(changes));
            var next = Split(open, date);
            next.GeneralEducation = after.GeneralEducation;
            next.Professional = after.Professional;
            next.PoliticalTheory = after.PoliticalTheory;
            next.Enterprise = after.Enterprise;
            next.Retired = after.Retired;
            next.YouthUnion = after.YouthUnion;
            Apply(m, after);
            Add(m, MemberEventKind.AttributesChanged, date, open, why, string.Join('\n', changes));
            await Task.CompletedTask;
        }, ct);

    /// <summary>
    /// Khôi phục đảng tịch: the khai trừ of <paramref name="expelledOn"/> was lifted on appeal on
    /// <paramref name="date"/> (Điều lệ Đảng, Điều 39: a decision found wrong is withdrawn and the
    /// member's rights restored). Membership runs on from the expulsion as if unbroken: the closed
    /// period reopens (or a new one opens in the same cell from that day), the Expelled event gives
    /// way to a Reinstated event, so reports and party age no longer see a departure.
    /// </summary>
    public Task<Member> ReinstateAsync(int memberId, int version, DateOnly expelledOn, DateOnly date, Decision why, CancellationToken ct = default) =>
        Transactions.RunAsync(db, Record, async () =>
        {
            var m = await LoadAsync(memberId, version, ct);
            Rules.Check(
                new MemberHasStatus(m, MemberStatus.Expelled, "khôi phục đảng tịch"),
                new DateIsNotInTheFuture("Date", "Ngày khôi phục", date, Today),
                new ReinstatementAfterExpulsion(date, expelledOn));
            var expelled = await db.MemberEvents
                .Where(e => e.MemberId == m.Id && e.Kind == MemberEventKind.Expelled && e.Date == expelledOn)
                .OrderByDescending(e => e.Id).FirstOrDefaultAsync(ct)
                ?? throw new RuleViolationException("Date", $"Không có sự kiện khai trừ ngày {Rules.Date(expelledOn)} trong hồ sơ của {m.FullName}.");
            var last = await db.MemberPeriods.Where(p => p.MemberId == m.Id).OrderByDescending(p => p.ValidFrom).FirstOrDefaultAsync(ct);
            MemberPeriod period;
            if (last is not null && last.ValidTo == expelledOn)
            {
                last.ValidTo = Dates.OpenEnd;
                period = last;
            }
            else
            {
                var cell = await FindCellAsync(expelled.CellId, ct);
                Rules.Check(new CellHoldsMembers(cell));
                period = MemberPeriod.Open(m, cell, expelledOn);
                period.Exempted = false;
                db.MemberPeriods.Add(period);
            }

            db.MemberEvents.Remove(expelled);
            m.Status = period.Exempted ? MemberStatus.Exempted : m.OfficialOn is null ? MemberStatus.Probationary : MemberStatus.Official;
            m.CellId = period.CellId;
            Touch(m);
            Add(m, MemberEventKind.Reinstated, date, period, why, $"Khôi phục đảng tịch từ ngày {Rules.Date(expelledOn)} (quyết định khai trừ {expelled.DecisionNumber ?? "—"})");
            await db.SaveChangesAsync(ct);
            return m;
        }, ct);

    private Task<Member> Leave(int memberId, int version, DateOnly date, MemberStatus status, MemberEventKind kind, Decision why, CancellationToken ct) =>
        Edit(memberId, version, date, async (m, open) =>
        {
            Rules.Check(new MemberIsActive(m));
            Close(open, date);
            m.Status = status;
            m.ExemptionGround = null;
            m.ExemptionReviewOn = null;
            Add(m, kind, date, open, why);
            await Task.CompletedTask;
        }, ct);

    /// <summary>The frame of a dated command on an active record: version, open period, dates, save.</summary>
    private Task<Member> Edit(int memberId, int version, DateOnly date, Func<Member, MemberPeriod, Task> change, CancellationToken ct) =>
        Transactions.RunAsync(db, Record, async () =>
        {
            var m = await LoadAsync(memberId, version, ct);
            var open = await db.MemberPeriods.SingleOrDefaultAsync(p => p.MemberId == m.Id && p.ValidTo == Dates.OpenEnd, ct);
            if (open is null)
            {
                Rules.Check(new MemberIsActive(m));
                throw new RuleViolationException(nameof(Member.Status), $"Đảng viên {m.FullName} không có giai đoạn sinh hoạt đang mở.");
            }

            Rules.Check(
                new DateIsNotInTheFuture("Date", "Ngày hiệu lực", date, Today),
                new DateIsNotBeforeOpenPeriod(date, open.ValidFrom));
            await change(m, open);
            Touch(m);
            await db.SaveChangesAsync(ct);
            return m;
        }, ct);

    private async Task<Member> LoadAsync(int memberId, int version, CancellationToken ct)
    {
        var m = await db.Members.SingleOrDefaultAsync(x => x.Id == memberId, ct)
            ?? throw new RuleViolationException("MemberId", $"Không tìm thấy hồ sơ đảng viên số {memberId}.");
        Concurrency.CheckVersion($"Hồ sơ của đảng viên {m.FullName}", version, m.Version);
        return m;
    }

    private async Task<Organization> FindCellAsync(int cellId, CancellationToken ct) =>
        await db.Organizations.SingleOrDefaultAsync(o => o.Id == cellId, ct)
        ?? throw new RuleViolationException(nameof(Member.CellId), $"Không tìm thấy chi bộ số {cellId}.");

    private void Touch(Member m)
    {
        m.Version++;
        m.UpdatedAt = clock.GetUtcNow();
    }

    /// <summary>Ends the open period at <paramref name="date"/> and returns the one that goes on from it (the same row when both start on that day).</summary>
    private MemberPeriod Split(MemberPeriod open, DateOnly date)
    {
        if (date == open.ValidFrom)
        {
            return open;
        }

        var next = new MemberPeriod
        {
            ProvinceId = open.ProvinceId, MemberId = open.MemberId, ValidFrom = date, ValidTo = Dates.OpenEnd,
            CellId = open.CellId, CellPath = open.CellPath, OfficialOn = open.OfficialOn, Exempted = open.Exempted,
            Gender = open.Gender, BirthDate = open.BirthDate, Minority = open.Minority, Religious = open.Religious,
            GeneralEducation = open.GeneralEducation, Professional = open.Professional, PoliticalTheory = open.PoliticalTheory,
            Enterprise = open.Enterprise, YouthUnion = open.YouthUnion, Retired = open.Retired,
        };
        open.ValidTo = date;
        db.MemberPeriods.Add(next);
        return next;
    }

    /// <summary>Membership ends at <paramref name="date"/> (exclusive); a period that would be empty goes away.</summary>
    private void Close(MemberPeriod open, DateOnly date)
    {
        if (date == open.ValidFrom)
        {
            db.MemberPeriods.Remove(open);
        }
        else
        {
            open.ValidTo = date;
        }
    }

    /// <summary>An event at the cell of the period it happened in (for leaving events, the cell left).</summary>
    private void Add(Member m, MemberEventKind kind, DateOnly date, MemberPeriod at, Decision why, string? details = null, int? otherCellId = null)
    {
        var e = NewEvent(m, kind, date, at.CellId, at.CellPath, why, details);
        e.OtherCellId = otherCellId;
        db.MemberEvents.Add(e);
    }

    private MemberEvent NewEvent(Member m, MemberEventKind kind, DateOnly date, int cellId, string cellPath, Decision why, string? details = null) => new()
    {
        ProvinceId = m.ProvinceId,
        MemberId = m.Id,
        Kind = kind,
        Date = date,
        CellId = cellId,
        CellPath = cellPath,
        Details = details,
        DecisionNumber = string.IsNullOrWhiteSpace(why.Number) ? null : VietnameseText.Clean(why.Number),
        DecidedBy = string.IsNullOrWhiteSpace(why.Level) ? null : VietnameseText.Clean(why.Level),
        Reason = string.IsNullOrWhiteSpace(why.Reason) ? null : why.Reason.Trim(),
        RecordedBy = actor,
        RecordedAt = clock.GetUtcNow(),
    };

    private static void Apply(Member m, MemberProfile p)
    {
        m.FullName = p.FullName;
        m.SearchName = VietnameseText.Fold(p.FullName);
        m.OtherNames = p.OtherNames;
        m.Gender = p.Gender;
        m.BirthDate = p.BirthDate;
        m.BirthPlace = p.BirthPlace;
        m.HomeTown = p.HomeTown;
        m.Residence = p.Residence;
        m.Cccd = p.Cccd;
        m.Ethnicity = p.Ethnicity;
        m.Religion = p.Religion;
        m.Occupation = p.Occupation;
        m.Workplace = p.Workplace;
        m.Position = p.Position;
        m.GeneralEducation = p.GeneralEducation;
        m.Professional = p.Professional;
        m.ProfessionalField = p.ProfessionalField;
        m.ScienceTechnology = p.ScienceTechnology;
        m.PoliticalTheory = p.PoliticalTheory;
        m.ForeignLanguage = p.ForeignLanguage;
        m.CivilServiceGrade = p.CivilServiceGrade;
        m.YouthUnion = p.YouthUnion;
        m.Enterprise = p.Enterprise;
        m.Retired = p.Retired;
        m.PartyCardNumber = p.PartyCardNumber;
    }

    /// <summary>
    /// "Field: before → after" lines with the Vietnamese field names. Ethnicity, religion and CCCD
    /// leave only "Đã sửa Số CCCD": the timeline is read by roles that may not see those values, and
    /// the audit log keeps them for those that may (<see cref="MemberTimeline"/>).
    /// </summary>
    internal static List<string> Diff(MemberProfile a, MemberProfile b)
    {
        var lines = new List<string>();
        void Line(string field, string? before, string? after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                lines.Add(MemberTimeline.SensitiveFields.Contains(field)
                    ? MemberTimeline.Corrected(field)
                    : $"{field}: {before ?? "(trống)"} → {after ?? "(trống)"}");
            }
        }

        Line("Họ và tên", a.FullName, b.FullName);
        Line("Tên gọi khác", a.OtherNames, b.OtherNames);
        Line("Giới tính", VietnameseNames.Of(a.Gender), VietnameseNames.Of(b.Gender));
        Line("Ngày sinh", Rules.Date(a.BirthDate), Rules.Date(b.BirthDate));
        Line("Nơi sinh", a.BirthPlace, b.BirthPlace);
        Line("Quê quán", a.HomeTown, b.HomeTown);
        Line("Nơi ở hiện nay", a.Residence, b.Residence);
        Line("Số CCCD", a.Cccd, b.Cccd);
        Line("Dân tộc", Ethnicities.NameOf(a.Ethnicity), Ethnicities.NameOf(b.Ethnicity));
        Line("Tôn giáo", VietnameseNames.Of(a.Religion), VietnameseNames.Of(b.Religion));
        Line("Nghề nghiệp", a.Occupation, b.Occupation);
        Line("Nơi làm việc", a.Workplace, b.Workplace);
        Line("Chức vụ", a.Position, b.Position);
        Line("Trình độ giáo dục phổ thông", VietnameseNames.Of(a.GeneralEducation), VietnameseNames.Of(b.GeneralEducation));
        Line("Chuyên môn", VietnameseNames.Of(a.Professional), VietnameseNames.Of(b.Professional));
        Line("Ngành chuyên môn", a.ProfessionalField, b.ProfessionalField);
        Line("Khoa học - công nghệ", VietnameseNames.Of(a.ScienceTechnology), VietnameseNames.Of(b.ScienceTechnology));
        Line("Lý luận chính trị", VietnameseNames.Of(a.PoliticalTheory), VietnameseNames.Of(b.PoliticalTheory));
        Line("Ngoại ngữ", a.ForeignLanguage, b.ForeignLanguage);
        Line("Ngạch công chức", VietnameseNames.Of(a.CivilServiceGrade), VietnameseNames.Of(b.CivilServiceGrade));
        Line("Đoàn viên", VietnameseNames.Of(a.YouthUnion), VietnameseNames.Of(b.YouthUnion));
        Line("Làm việc trong doanh nghiệp", VietnameseNames.Of(a.Enterprise), VietnameseNames.Of(b.Enterprise));
        Line("Đã nghỉ hưu", VietnameseNames.Of(a.Retired), VietnameseNames.Of(b.Retired));
        Line("Số thẻ đảng viên", a.PartyCardNumber, b.PartyCardNumber);
        return lines;
    }
}
