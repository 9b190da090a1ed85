using ChiBo.Access;
using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Ratings;

/// <summary>Who issues a printed rating form: the organization, the one above it (for the heading) and the province's name (the place line).</summary>
public sealed record FormIssuer(Organization Org, Organization? Superior, string Place)
{
    /// <summary>The organization that issues a document, the one above it (the heading's first line) and the province's name for the place.</summary>
    public static async Task<FormIssuer> OfAsync(ChiBoDb db, Organization org, CancellationToken ct)
    {
        var superior = org.ParentId is { } parent ? await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == parent, ct) : null;
        var place = await db.Provinces.AsNoTracking().Where(p => p.Id == org.ProvinceId).Select(p => p.Name).SingleAsync(ct);
        return new FormIssuer(org, superior, place);
    }
}

/// <summary>
/// Bản tự kiểm điểm, đánh giá, xếp loại đảng viên of a year: the member, their cell at rating time,
/// what they wrote and gave themselves, and — when <see cref="ShowsOutcome"/> — the cell's proposal
/// and the competent committee's decision. No sensitive field (ethnicity, religion, CCCD, discipline).
/// </summary>
public sealed record MemberReviewForm(
    int MemberId, string FullName, DateOnly BirthDate, string? Position, string? Workplace, FormIssuer Cell, int Year,
    string? SelfAssessment, RatingLevel? SelfLevel, decimal? SelfScore, DateOnly? SelfAssessedOn,
    bool ShowsOutcome, RatingLevel? ProposedLevel, NotRatedReason? ProposedNotRated, decimal? ProposedScore, string? ProposalNote, DateOnly? ProposedOn,
    RatingLevel? Level, NotRatedReason? NotRated, decimal? Score, string? DecidedBy, string? DecisionNumber, DateOnly? DecidedOn);

/// <summary>One member of a result list: their cell then, the level they gave themselves, the proposal, the decision (null: not decided yet).</summary>
public sealed record ResultListRow(
    int MemberId, string FullName, string CellName, RatingLevel? SelfLevel, RatingLevel? ProposedLevel, NotRatedReason? ProposedNotRated,
    bool Decided, RatingLevel? Level, NotRatedReason? NotRated, decimal? Score);

/// <summary>
/// Danh sách kết quả đánh giá, xếp loại chất lượng đảng viên of a chi bộ or a đảng bộ cơ sở for a
/// year: every member on its roll on the round's review date (and those rated there who left
/// since), with the decided counts; the share HTTNV+ is over those rated (không xếp loại outside it).
/// </summary>
public sealed record ResultList(FormIssuer Issuer, int Year, DateOnly ReviewDate, IReadOnlyList<ResultListRow> Rows, LevelCounts Counts)
{
    public bool ByCell => Issuer.Org.Kind is not (OrgKind.Cell or OrgKind.BaseCell);

    public int Undecided => Rows.Count(r => !r.Decided);
}

/// <summary>The organizations a result list is drawn up for: those whose members are rated by or through them.</summary>
public sealed record ResultListIsForACellOrBaseOrganization(OrgKind Kind) : IRule
{
    public string Field => "Organization";

    public bool IsBroken() => Kind is not (OrgKind.Cell or OrgKind.BaseCell or OrgKind.BaseCommittee or OrgKind.SectionCommittee);

    public string Message => "Danh sách kết quả xếp loại đảng viên được lập cho chi bộ, đảng bộ bộ phận hoặc đảng bộ cơ sở; hãy chọn một tổ chức như vậy.";
}

public static class RatingForms
{
    /// <summary>
    /// The member's form of a year, or null when the caller may not see it: with Ratings.Read over
    /// the member's cell (then or now) the whole form; the member themself sees their own review and,
    /// once published, the proposal and decision (Quy định 366-QĐ/TW: made known after publication).
    /// </summary>
    public static async Task<MemberReviewForm?> MemberReviewAsync(ChiBoDb db, OrgScope caller, int memberId, int year, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => new { m.FullName, m.BirthDate, m.Position, m.Workplace, m.CellId, m.ProvinceId }).FirstOrDefaultAsync(ct);
        if (member is null)
        {
            return null;
        }

        var r = await db.MemberRatings.AsNoTracking().FirstOrDefaultAsync(x => x.MemberId == memberId && x.Year == year, ct);
        var cellId = r?.CellId ?? member.CellId;
        var cell = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == cellId, ct);
        var now = await db.Organizations.AsNoTracking().Where(o => o.Id == member.CellId).Select(o => o.Path).SingleAsync(ct);
        var desk = caller.Can(Operation.RatingsRead, member.ProvinceId, r?.CellPath ?? cell.Path) || caller.Can(Operation.RatingsRead, member.ProvinceId, now);
        var self = caller.MemberId == memberId && caller.Can(Operation.SelfRead);
        if (!desk && !self)
        {
            return null;
        }

        var shows = r is not null && (desk || r.State == RatingState.Published);
        return new MemberReviewForm(
            memberId, member.FullName, member.BirthDate, member.Position, member.Workplace, await FormIssuer.OfAsync(db, cell, ct), year,
            r?.SelfAssessment, r?.SelfLevel, r?.SelfScore, r?.SelfAssessedOn,
            shows, shows ? r!.ProposedLevel : null, shows ? r!.ProposedNotRated : null, shows ? r!.ProposedScore : null, shows ? r!.ProposalNote : null,
            shows ? r!.ProposedOn : null,
            shows && r!.IsDecided ? r.Level : null, shows && r!.IsDecided ? r.NotRatedReason : null, shows && r!.IsDecided ? r.Score : null,
            shows && r!.IsDecided ? r.DecidedBy : null, shows && r!.IsDecided ? r.DecisionNumber : null, shows && r!.IsDecided ? r.DecidedOn : null);
    }

    /// <summary>The result list of <paramref name="org"/>'s members for a year (the caller's scope is the page's: Ratings.Read over it).</summary>
    public static async Task<ResultList> ResultListAsync(ChiBoDb db, Organization org, int year, CancellationToken ct)
    {
        Rules.Check(new ResultListIsForACellOrBaseOrganization(org.Kind));
        var rounds = await db.RatingRounds.AsNoTracking().Where(x => x.ProvinceId == org.ProvinceId && x.Year == year).ToListAsync(ct);
        var review = rounds.FirstOrDefault(x => org.Path.StartsWith(x.SubtreePath, StringComparison.Ordinal))?.ReviewDate ?? new DateOnly(year, 12, 31);
        var subtree = Subtree.Of(org);
        var (lo, hi) = (subtree.Path, subtree.UpperBound);

        var onRoll = await db.MemberPeriods.AsNoTracking()
            .Where(p => p.ProvinceId == org.ProvinceId && string.Compare(p.CellPath, lo) >= 0 && string.Compare(p.CellPath, hi) < 0
                        && p.ValidFrom <= review && p.ValidTo > review)
            .Select(p => new { p.MemberId, p.CellId }).ToListAsync(ct);
        var ratings = await db.MemberRatings.AsNoTracking()
            .Where(x => x.ProvinceId == org.ProvinceId && x.Year == year && string.Compare(x.CellPath, lo) >= 0 && string.Compare(x.CellPath, hi) < 0)
            .ToListAsync(ct);
        var rated = ratings.ToDictionary(x => x.MemberId);
        var ids = onRoll.Select(p => p.MemberId).Concat(rated.Keys).Distinct().ToList();

        // A member rated here counts in the cell of the rating; one on the roll but not rated yet, in the cell of the review date.
        var cellOf = onRoll.GroupBy(p => p.MemberId).ToDictionary(g => g.Key, g => g.First().CellId);
        foreach (var x in ratings)
        {
            cellOf[x.MemberId] = x.CellId;
        }

        var names = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.FullName }).ToDictionaryAsync(m => m.Id, m => m.FullName, ct);
        var cellIds = cellOf.Values.Distinct().ToList();
        var cells = await db.Organizations.AsNoTracking().Where(o => cellIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var culture = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        var rows = ids
            .Select(id => (Id: id, Cell: cells[cellOf[id]], Rating: rated.GetValueOrDefault(id)))
            .OrderBy(x => x.Cell.Path, StringComparer.Ordinal).ThenBy(x => names[x.Id], StringComparer.Create(culture, false)).ThenBy(x => x.Id)
            .Select(x => new ResultListRow(x.Id, names[x.Id], x.Cell.Name, x.Rating?.SelfLevel, x.Rating?.ProposedLevel, x.Rating?.ProposedNotRated,
                x.Rating?.IsDecided ?? false, x.Rating is { IsDecided: true } d ? d.Level : null, x.Rating is { IsDecided: true } n ? n.NotRatedReason : null,
                x.Rating is { IsDecided: true } s ? s.Score : null))
            .ToList();
        var decided = rows.Where(x => x.Decided).ToList();
        var counts = new LevelCounts(
            decided.Count(x => x.Level == RatingLevel.Excellent), decided.Count(x => x.Level == RatingLevel.Good), decided.Count(x => x.Level == RatingLevel.Fulfilled),
            decided.Count(x => x.Level == RatingLevel.NotFulfilled), decided.Count(x => x.Level is null));
        return new ResultList(await FormIssuer.OfAsync(db, org, ct), year, review, rows, counts);
    }
}
