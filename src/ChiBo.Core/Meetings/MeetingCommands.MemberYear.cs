using Microsoft.EntityFrameworkCore;

namespace ChiBo.Meetings;

/// <summary>A member's action programme and commitment for a year, as handed to the cell.</summary>
public sealed record CommitmentEntry(int CellId, int MemberId, int Year, string? ActionProgramme, string? Commitment, DateOnly SubmittedOn);

/// <summary>The residence cell's confirmation for a working member's year.</summary>
public sealed record ResidenceEntry(int CellId, int MemberId, int Year, string? ConfirmedBy, DateOnly ConfirmedOn, string? Note);

public sealed partial class MeetingCommands
{
    /// <summary>
    /// Records (or, with the version read, corrects) a member's yearly action programme and
    /// commitment. Received in the year or in the last weeks of the one before, from a member of
    /// the cell (not exempted) on that day.
    /// </summary>
    public async Task<MemberCommitment> RecordCommitmentAsync(CommitmentEntry e, int? version, CancellationToken ct = default)
    {
        Require(!string.IsNullOrWhiteSpace(e.ActionProgramme), "ActionProgramme", "Cần nội dung chương trình hành động của đảng viên.");
        Require(!string.IsNullOrWhiteSpace(e.Commitment), "Commitment", "Cần nội dung bản cam kết tu dưỡng, rèn luyện, phấn đấu.");
        Require(e.SubmittedOn <= Today, "SubmittedOn", $"Ngày nộp ({MeetingRules.Date(e.SubmittedOn)}) không được sau hôm nay.");
        Require(e.SubmittedOn.Year == e.Year || e.SubmittedOn.Year == e.Year - 1, "Year",
            $"Bản cam kết năm {e.Year} phải được nộp trong năm đó hoặc cuối năm trước (nhận ngày {MeetingRules.Date(e.SubmittedOn)}).");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cell = await CellOnAsync(e.CellId, e.SubmittedOn, ct);
        var roll = await RollAsync(cell.ProvinceId, cell.Path, e.CellId, e.SubmittedOn, ct);
        Require(roll.Contains(e.MemberId), "MemberId",
            $"Đảng viên mã số {e.MemberId} không sinh hoạt tại chi bộ này (hoặc đang miễn sinh hoạt) vào ngày {MeetingRules.Date(e.SubmittedOn)}.");
        var row = await db.MemberCommitments.FirstOrDefaultAsync(c => c.MemberId == e.MemberId && c.Year == e.Year, ct);
        if (row is null)
        {
            Require(version is null or 0, "Version", $"Bản cam kết năm {e.Year} của đảng viên này đã bị xóa hoặc chưa có: hãy tải lại.");
            row = new MemberCommitment
            {
                ProvinceId = cell.ProvinceId, CellId = e.CellId, CellPath = cell.Path, MemberId = e.MemberId, Year = e.Year,
                ActionProgramme = "", Commitment = "",
            };
            db.MemberCommitments.Add(row);
        }
        else
        {
            if (version is null)
            {
                throw new MeetingEditConflictException($"Đảng viên đã có bản cam kết năm {e.Year} (nộp ngày {MeetingRules.Date(row.SubmittedOn)}). Hãy tải lại để sửa bản đó.");
            }

            CheckVersion("Bản cam kết", version.Value, row.Version);
            row.Version++;
        }

        row.ActionProgramme = e.ActionProgramme!.Trim();
        row.Commitment = e.Commitment!.Trim();
        row.SubmittedOn = e.SubmittedOn;
        row.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
        await SaveChangesOrConflictAsync("Bản cam kết", ct);
        await tx.CommitAsync(ct);
        return row;
    }

    /// <summary>
    /// Records (or corrects, with the version read) that the residence cell confirmed a member's
    /// year: given in that year or early in the next (for the year-end review), for a member of
    /// the cell (not exempted) at some time in the year.
    /// </summary>
    public async Task<ResidenceConfirmation> RecordResidenceConfirmationAsync(ResidenceEntry e, int? version, CancellationToken ct = default)
    {
        Require(!string.IsNullOrWhiteSpace(e.ConfirmedBy), "ConfirmedBy", "Cần tên chi bộ (chi ủy) nơi cư trú đã nhận xét.");
        Require(e.ConfirmedOn <= Today, "ConfirmedOn", $"Ngày nhận xét ({MeetingRules.Date(e.ConfirmedOn)}) không được sau hôm nay.");
        Require(e.ConfirmedOn.Year == e.Year || e.ConfirmedOn.Year == e.Year + 1, "ConfirmedOn",
            $"Nhận xét nơi cư trú năm {e.Year} phải có trong năm đó hoặc đầu năm sau (nhận ngày {MeetingRules.Date(e.ConfirmedOn)}).");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var start = new DateOnly(e.Year, 1, 1);
        var periods = await CellPeriodsAsync(e.CellId, start, start.AddYears(1), ct);
        Require(periods.Count > 0, "CellId", $"Chi bộ (mã số {e.CellId}) không tồn tại trong năm {e.Year}.");
        var cell = periods.OrderBy(p => p.ValidFrom).Last();
        RequireCell(cell);
        var end = start.AddYears(1);
        var member = await db.MemberPeriods.AsNoTracking().AnyAsync(p => p.MemberId == e.MemberId && p.CellId == e.CellId
            && p.ValidFrom < end && p.ValidTo > start && !p.Exempted, ct);
        Require(member, "MemberId", $"Đảng viên mã số {e.MemberId} không sinh hoạt tại chi bộ này trong năm {e.Year}.");
        var row = await db.ResidenceConfirmations.FirstOrDefaultAsync(c => c.MemberId == e.MemberId && c.Year == e.Year, ct);
        if (row is null)
        {
            Require(version is null or 0, "Version", $"Nhận xét nơi cư trú năm {e.Year} của đảng viên này chưa có: hãy tải lại.");
            row = new ResidenceConfirmation
            {
                ProvinceId = cell.ProvinceId, CellId = e.CellId, CellPath = cell.Path, MemberId = e.MemberId, Year = e.Year, ConfirmedBy = "",
            };
            db.ResidenceConfirmations.Add(row);
        }
        else
        {
            if (version is null)
            {
                throw new MeetingEditConflictException($"Đã ghi nhận xét nơi cư trú năm {e.Year} (ngày {MeetingRules.Date(row.ConfirmedOn)}). Hãy tải lại để sửa.");
            }

            CheckVersion("Nhận xét nơi cư trú", version.Value, row.Version);
            row.Version++;
        }

        row.ConfirmedBy = e.ConfirmedBy!.Trim();
        row.ConfirmedOn = e.ConfirmedOn;
        row.Note = Clean(e.Note);
        row.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
        await SaveChangesOrConflictAsync("Nhận xét nơi cư trú", ct);
        await tx.CommitAsync(ct);
        return row;
    }
}
