using System.Globalization;
using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Members;
using ChiBo.Organizations;
using ChiBo.Text;
using Microsoft.EntityFrameworkCore;
using TextIsGiven = ChiBo.Discipline.TextIsGiven;

namespace ChiBo.Ratings;

/// <summary>
/// The four "bốn tốt" criteria as the committee records them; a criterion left null takes what the
/// register shows (<see cref="RatingQueries.FourGoodPrefillAsync"/>): meeting quality and
/// attendance from the cell-life data, no discipline in the year, and the organization's level.
/// </summary>
public sealed record FourGoodInput(
    int Year, int Version,
    bool? PoliticalTask = null, string? PoliticalTaskEvidence = null,
    bool? MeetingQuality = null, string? MeetingQualityEvidence = null,
    bool? UnityDiscipline = null, string? UnityDisciplineEvidence = null,
    bool? CadresMembers = null, string? CadresMembersEvidence = null);

/// <summary>Khen thưởng a member or an organization, by the level whose body decides it.</summary>
public sealed record RewardInput(
    int? MemberId, int? OrganizationId, int Year, RewardForm Form, string Title, int DecidingOrgId, string DecisionNumber, DateOnly DecidedOn);

public sealed partial class RatingCommands
{
    /// <summary>Titles for chi bộ (trực thuộc or cơ sở) and đảng bộ cơ sở.</summary>
    private static readonly OrgKind[] FourGoodKinds = [OrgKind.Cell, OrgKind.BaseCell, OrgKind.BaseCommittee];

    /// <summary>
    /// Records the four criteria of "chi bộ bốn tốt" / "đảng bộ cơ sở bốn tốt" for a year: by the
    /// organization itself or the level that rates it; what is not given is filled from the register.
    /// </summary>
    public Task<FourGoodTitle> AssessFourGoodAsync(int orgId, FourGoodInput input, CancellationToken ct = default) =>
        Transactions.RunAsync(db, "Danh hiệu bốn tốt", async () =>
        {
            var (place, ancestors) = await FourGoodSubjectAsync(orgId, input.Year, ct);
            var t = await db.FourGoodTitles.SingleOrDefaultAsync(x => x.OrganizationId == orgId && x.Year == input.Year, ct);
            Concurrency.CheckVersion("Danh hiệu bốn tốt của " + place.Name, input.Version, t?.Version ?? 0);
            var decider = RatingLevels.DeciderOfOrganization(place, ancestors);
            if (!RatingLevels.ActsAs(caller, place.Org) && (decider is null || !RatingLevels.ActsAs(caller, decider.Org)))
            {
                throw new RatingForbiddenException("Organization",
                    $"Đánh giá tiêu chí \"bốn tốt\" của {place.Name} là việc của chính tổ chức đó hoặc {(decider?.Name ?? "cấp trên")}; tài khoản của bạn không giữ vai trò đó.");
            }
            if (t is null)
            {
                t = new FourGoodTitle
                {
                    ProvinceId = place.Org.ProvinceId, OrganizationId = orgId, SubjectKind = place.Kind, SubjectPath = place.Path, Year = input.Year,
                    RecordedBy = actor, Version = 0,
                };
                db.FourGoodTitles.Add(t);
            }

            Rules.Check(new FourGoodNotYetRecognized(t, place.Name));
            var prefill = await RatingQueries.FourGoodPrefillAsync(db, place, input.Year, Today, ct);
            t.PoliticalTask = input.PoliticalTask ?? prefill.PoliticalTask;
            t.PoliticalTaskEvidence = Clean(input.PoliticalTaskEvidence) ?? prefill.PoliticalTaskEvidence;
            t.MeetingQuality = input.MeetingQuality ?? prefill.MeetingQuality;
            t.MeetingQualityEvidence = Clean(input.MeetingQualityEvidence) ?? prefill.MeetingQualityEvidence;
            t.UnityDiscipline = input.UnityDiscipline ?? prefill.UnityDiscipline;
            t.UnityDisciplineEvidence = Clean(input.UnityDisciplineEvidence) ?? prefill.UnityDisciplineEvidence;
            t.CadresMembers = input.CadresMembers ?? false;
            t.CadresMembersEvidence = Clean(input.CadresMembersEvidence);
            t.RecordedBy = actor;
            t.UpdatedAt = clock.GetUtcNow();
            t.Version++;
            await db.SaveChangesAsync(ct);
            return t;
        }, ct);

    /// <summary>Công nhận "bốn tốt": by the level that rates the organization, with all four criteria met and a good enough level.</summary>
    public Task<FourGoodTitle> RecognizeFourGoodAsync(int orgId, int year, int version, string decisionNumber, DateOnly recognizedOn, CancellationToken ct = default) =>
        Transactions.RunAsync(db, "Danh hiệu bốn tốt", async () =>
        {
            var (place, ancestors) = await FourGoodSubjectAsync(orgId, year, ct);
            var t = await db.FourGoodTitles.SingleOrDefaultAsync(x => x.OrganizationId == orgId && x.Year == year, ct);
            Concurrency.CheckVersion("Danh hiệu bốn tốt của " + place.Name, version, t?.Version ?? 0);
            if (t is null)
            {
                throw new RuleViolationException("Criteria", $"Chưa đánh giá các tiêu chí \"bốn tốt\" của {place.Name} năm {year.ToString(CultureInfo.InvariantCulture)}.");
            }

            var decider = RequireDecider(RatingLevels.DeciderOfOrganization(place, ancestors), place.Name);
            RequireActsAs(decider, "Organization", $"Công nhận \"bốn tốt\" cho {place.Name}");
            var policy = RatingPolicy.For(year, versions);
            var level = await db.OrgRatings.AsNoTracking().Where(r => r.OrganizationId == orgId && r.Year == year && r.State >= RatingState.Decided)
                .Select(r => r.Level).FirstOrDefaultAsync(ct);
            Rules.Check(
                new FourGoodNotYetRecognized(t, place.Name),
                new TextIsGiven("DecisionNumber", "Số quyết định", decisionNumber),
                new DateIsNotInTheFuture("RecognizedOn", "Ngày công nhận", recognizedOn, Today),
                new DateNotBeforeTheYear("RecognizedOn", "Ngày công nhận", recognizedOn, year),
                new FourGoodCriteriaMet(t, level, policy.FourGood.MinLevel));
            t.Recognized = true;
            t.RecognizedByOrgId = decider.Org.Id;
            t.RecognizedBy = decider.Name;
            t.DecisionNumber = VietnameseText.Clean(decisionNumber);
            t.RecognizedOn = recognizedOn;
            t.RecordedBy = actor;
            t.UpdatedAt = clock.GetUtcNow();
            t.Version++;
            await db.SaveChangesAsync(ct);
            return t;
        }, ct);

    private async Task<(Place Place, IReadOnlyList<Place> Ancestors)> FourGoodSubjectAsync(int orgId, int year, CancellationToken ct)
    {
        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgId, ct);
        if (org is null || !caller.Can(Operation.RatingsWrite, Subtree.Of(org)))
        {
            throw new RatingNotFoundException($"Không có tổ chức đảng số {orgId.ToString(CultureInfo.InvariantCulture)} trong phạm vi của bạn.");
        }

        var yearEnd = new DateOnly(year, 12, 31);
        var place = await RatingLevels.OnAsync(db, orgId, yearEnd < Today ? yearEnd : Today, ct)
            ?? throw new RuleViolationException("Organization", $"{org.Name} không tồn tại vào cuối năm {year.ToString(CultureInfo.InvariantCulture)}.");
        if (!FourGoodKinds.Contains(place.Kind))
        {
            throw new RuleViolationException("Organization", "Danh hiệu \"bốn tốt\" dành cho chi bộ và đảng bộ cơ sở.");
        }

        return (place, await RatingLevels.AncestorsAsync(db, org.ProvinceId, place.Path, yearEnd < Today ? yearEnd : Today, ct));
    }

    /// <summary>Khen thưởng: the deciding body acts as itself, on someone in its subtree, with a form its level gives.</summary>
    public Task<Reward> RewardAsync(RewardInput input, CancellationToken ct = default) =>
        Transactions.RunAsync(db, "Khen thưởng", async () =>
        {
            var deciding = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == input.DecidingOrgId, ct);
            if (deciding is null || !caller.Can(Operation.RatingsWrite, Subtree.Of(deciding)))
            {
                throw new RatingNotFoundException($"Không có tổ chức đảng số {input.DecidingOrgId.ToString(CultureInfo.InvariantCulture)} trong phạm vi của bạn.");
            }

            Rules.Check(new Discipline.OneSubjectIsNamed(input.MemberId, input.OrganizationId));
            string path;
            string name;
            if (input.MemberId is { } memberId)
            {
                var m = await db.Members.AsNoTracking().SingleOrDefaultAsync(x => x.Id == memberId, ct);
                var period = m is null ? null : await db.MemberPeriods.AsNoTracking()
                    .Where(p => p.MemberId == memberId && p.ValidFrom <= input.DecidedOn && p.ValidTo > input.DecidedOn)
                    .OrderByDescending(p => p.ValidFrom).FirstOrDefaultAsync(ct);
                if (m is null || period is null || !caller.Can(Operation.RatingsWrite, m.ProvinceId, period.CellPath))
                {
                    throw new RatingNotFoundException($"Không có đảng viên số {memberId.ToString(CultureInfo.InvariantCulture)} (sinh hoạt đảng vào ngày quyết định) trong phạm vi của bạn.");
                }

                (path, name) = (period.CellPath, "đồng chí " + m.FullName);
            }
            else
            {
                var place = await RatingLevels.OnAsync(db, input.OrganizationId!.Value, input.DecidedOn, ct);
                if (place is null || !caller.Can(Operation.RatingsWrite, place.Subtree))
                {
                    throw new RatingNotFoundException($"Không có tổ chức đảng số {input.OrganizationId.Value.ToString(CultureInfo.InvariantCulture)} trong phạm vi của bạn.");
                }

                (path, name) = (place.Path, place.Name);
            }

            var title = Clean(input.Title);
            Rules.Check(
                new TextIsGiven("Title", "Nội dung khen thưởng", title),
                new TextIsGiven("DecisionNumber", "Số quyết định", input.DecisionNumber),
                new DateIsNotInTheFuture("DecidedOn", "Ngày quyết định", input.DecidedOn, Today),
                new DateNotBeforeTheYear("DecidedOn", "Ngày quyết định", input.DecidedOn, input.Year));
            var decider = await RatingLevels.OnAsync(db, deciding.Id, input.DecidedOn, ct)
                ?? throw new RuleViolationException("DecidingOrgId", $"{deciding.Name} không tồn tại vào ngày quyết định.");
            if (!RatingLevels.ActsAs(caller, deciding))
            {
                throw new RatingForbiddenException("DecidingOrgId", $"Khen thưởng của {decider.Name} do chính {decider.Name} quyết định; tài khoản của bạn không giữ vai trò của tổ chức này.");
            }

            if (!path.StartsWith(decider.Path, StringComparison.Ordinal))
            {
                throw new RuleViolationException("DecidingOrgId", $"{name} không thuộc {decider.Name} nên {decider.Name} không khen thưởng được.");
            }

            var allowed = RatingPolicy.For(input.Year, versions).RewardFormsBy.GetValueOrDefault(decider.Kind) ?? [];
            Rules.Check(new RewardFormFitsTheLevel(input.Form, allowed, decider.Name));
            var reward = new Reward
            {
                ProvinceId = deciding.ProvinceId, Subject = input.MemberId is null ? RatingSubject.Organization : RatingSubject.Member,
                MemberId = input.MemberId, OrganizationId = input.OrganizationId, SubjectPath = path, Year = input.Year, Form = input.Form,
                Title = title!, DecidedByOrgId = deciding.Id, DecidedBy = decider.Name, DecisionNumber = VietnameseText.Clean(input.DecisionNumber),
                DecidedOn = input.DecidedOn, RecordedBy = actor, RecordedAt = clock.GetUtcNow(),
            };
            db.Rewards.Add(reward);
            await db.SaveChangesAsync(ct);
            return reward;
        }, ct);
}

/// <summary>A recognised title stands: it is not re-assessed.</summary>
public sealed record FourGoodNotYetRecognized(FourGoodTitle Title, string Name) : IRule
{
    public string Field => "Version";

    public string Message => $"{Name} đã được công nhận \"bốn tốt\" năm {Title.Year.ToString(CultureInfo.InvariantCulture)}.";

    public bool IsBroken() => Title.Recognized;
}
