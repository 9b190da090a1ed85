using ChiBo.Data;
using ChiBo.Organizations;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Members.Excel;

/// <summary>Xuất danh sách đảng viên đang sinh hoạt của một đơn vị (and everything under it) to the import's columns plus the status.</summary>
public static class MemberExport
{
    /// <summary>Writes the sheet to <paramref name="output"/> (a file: the writer needs to seek) and returns the number of members.</summary>
    public static async Task<int> WriteAsync(ChiBoDb db, Subtree scope, Stream output, CancellationToken ct = default)
    {
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
                yield return Row(r.Member, r.Code);
            }
        }

        await Task.Run(() => MemberSheet.Write(output, MemberSheet.ExportHeaders, Rows()), ct);
        return count;
    }

    private static IReadOnlyList<string?> Row(Member m, string cellCode) =>
    [
        m.FullName, m.OtherNames, VietnameseNames.Of(m.Gender), MemberSheet.Date(m.BirthDate), m.BirthPlace, m.HomeTown,
        m.Residence, m.Cccd, Ethnicities.NameOf(m.Ethnicity), VietnameseNames.Of(m.Religion), m.Occupation, m.Workplace,
        m.Position, cellCode, MemberSheet.Date(m.AdmittedOn), m.OfficialOn is { } o ? MemberSheet.Date(o) : null,
        VietnameseNames.Of(m.GeneralEducation), VietnameseNames.Of(m.Professional), m.ProfessionalField,
        VietnameseNames.Of(m.ScienceTechnology), VietnameseNames.Of(m.PoliticalTheory), m.ForeignLanguage,
        VietnameseNames.Of(m.CivilServiceGrade), VietnameseNames.Of(m.YouthUnion), VietnameseNames.Of(m.Enterprise),
        VietnameseNames.Of(m.Retired), m.PartyCardNumber, VietnameseNames.Of(m.Status),
    ];
}
