using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Members.Excel;

/// <summary>
/// Xuất danh sách đảng viên đang sinh hoạt của một đơn vị (and everything under it) to the import's
/// columns plus the status, through <see cref="ProfileView"/>: CCCD, ethnicity and religion are
/// left empty for a caller without Members.ReadSensitive on the subtree.
/// </summary>
public static class MemberExport
{
    /// <summary>Writes the sheet to <paramref name="output"/> (a file: the writer needs to seek) and returns the number of members.</summary>
    public static async Task<int> WriteAsync(ChiBoDb db, Subtree scope, Stream output, Access.OrgScope caller, CancellationToken ct = default)
    {
        var sight = MemberSight.On(caller, scope);
        var (lo, hi) = (scope.Path, scope.UpperBound);
        var query =
            from m in db.Members.AsNoTracking()
            join o in db.Organizations.AsNoTracking() on m.CellId equals o.Id
            where string.Compare(o.Path, lo) >= 0 && string.Compare(o.Path, hi) < 0
                  && (m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Official || m.Status == MemberStatus.Exempted)
            orderby o.Code, m.SearchName, m.Id
            select new { Member = m, o.Code, o.ProvinceId };
        if (scope.ProvinceId is { } p)
        {
            query = query.Where(x => x.ProvinceId == p);
        }

        // Row by row from the reader into the sheet: a province's 130.000 records never sit in memory together.
        var count = 0;
        IEnumerable<IReadOnlyList<string?>> Rows()
        {
            foreach (var r in query.AsEnumerable())
            {
                ct.ThrowIfCancellationRequested();
                count++;
                yield return Row(MemberView.Of(r.Member, sight), r.Code);
            }
        }

        await Task.Run(() => MemberSheet.Write(output, MemberSheet.ExportHeaders, Rows()), ct);
        return count;
    }

    private static IReadOnlyList<string?> Row(MemberView m, string cellCode)
    {
        var p = m.Profile;
        return
        [
            p.FullName, p.OtherNames, VietnameseNames.Of(p.Gender), MemberSheet.Date(p.BirthDate), p.BirthPlace, p.HomeTown,
            p.Residence, p.Cccd, p.Ethnicity is { } e ? Ethnicities.NameOf(e) : null, p.Religion is { } r ? VietnameseNames.Of(r) : null,
            p.Occupation, p.Workplace, p.Position, cellCode, MemberSheet.Date(m.AdmittedOn), m.OfficialOn is { } o ? MemberSheet.Date(o) : null,
            VietnameseNames.Of(p.GeneralEducation), VietnameseNames.Of(p.Professional), p.ProfessionalField,
            VietnameseNames.Of(p.ScienceTechnology), VietnameseNames.Of(p.PoliticalTheory), p.ForeignLanguage,
            VietnameseNames.Of(p.CivilServiceGrade), VietnameseNames.Of(p.YouthUnion), VietnameseNames.Of(p.Enterprise),
            VietnameseNames.Of(p.Retired), p.PartyCardNumber, VietnameseNames.Of(m.Status),
        ];
    }
}
