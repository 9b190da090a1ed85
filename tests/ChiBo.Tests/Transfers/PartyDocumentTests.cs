using ChiBo.Organizations;
using ChiBo.Web.Documents;

namespace ChiBo.Tests.Transfers;

/// <summary>The parts of a printed Party document (Hướng dẫn 36-HD/VPTW).</summary>
public sealed class PartyDocumentTests
{
    private static Organization Org(string name, OrgKind kind) => new() { Code = "X", Name = name, Kind = kind, Path = "/1/" };

    [Theory]
    [InlineData(2025, 10, 6, "An Giang, ngày 06 tháng 10 năm 2025")]
    [InlineData(2026, 1, 15, "An Giang, ngày 15 tháng 01 năm 2026")]
    [InlineData(2026, 2, 3, "An Giang, ngày 03 tháng 02 năm 2026")]
    [InlineData(2026, 3, 3, "An Giang, ngày 03 tháng 3 năm 2026")]
    [InlineData(2026, 12, 31, "An Giang, ngày 31 tháng 12 năm 2026")]
    public void PlaceAndDate_PadsDaysBelowTenAndTheFirstTwoMonths(int year, int month, int day, string expected) =>
        PartyDocument.PlaceAndDate("An Giang", new DateOnly(year, month, day)).ShouldBe(expected);

    [Fact]
    public void Issuer_IsTheCommitteeOfADangBo_OrTheCellItself_InCapitals()
    {
        PartyDocument.Issuer(Org("Đảng bộ cơ sở A1", OrgKind.BaseCommittee)).ShouldBe("ĐẢNG ỦY CƠ SỞ A1");
        PartyDocument.Issuer(Org("Đảng bộ xã Mỹ Hòa Hưng", OrgKind.BaseCommittee)).ShouldBe("ĐẢNG ỦY XÃ MỸ HÒA HƯNG");
        PartyDocument.Issuer(Org("Chi bộ cơ sở Trường Tiểu học", OrgKind.BaseCell)).ShouldBe("CHI BỘ CƠ SỞ TRƯỜNG TIỂU HỌC");
        PartyDocument.Superior(Org("Đảng bộ phường Bình Đức", OrgKind.SuperiorToBase)).ShouldBe("ĐẢNG BỘ PHƯỜNG BÌNH ĐỨC");
        PartyDocument.OnBehalfOf(Org("Đảng bộ cơ sở A1", OrgKind.BaseCommittee)).ShouldBe("T/M ĐẢNG ỦY");
        PartyDocument.OnBehalfOf(Org("Chi bộ cơ sở B1", OrgKind.BaseCell)).ShouldBe("T/M CHI BỘ");
        PartyDocument.Number(" 15-GGT/ĐU ").ShouldBe("Số 15-GGT/ĐU");
    }
}
