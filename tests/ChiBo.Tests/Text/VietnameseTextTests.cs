using ChiBo.Text;

namespace ChiBo.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Nguyễn Văn An", "nguyen van an")]
    [InlineData("ĐẶNG THỊ ĐÀO", "dang thi dao")]
    [InlineData("  Trần   Quốc\tTuấn ", "tran quoc tuan")]
    [InlineData("Lê Thị Hồng Nhung", "le thi hong nhung")]
    public void Fold_RemovesDiacriticsAndMapsDToD(string input, string expected) =>
        VietnameseText.Fold(input).ShouldBe(expected);

    [Fact]
    public void Fold_TreatsDecomposedAndComposedFormsAlike() =>
        VietnameseText.Fold("Nguye\u0302\u0303n").ShouldBe(VietnameseText.Fold("Nguyễn"));

    [Fact]
    public void Clean_ProducesNfcWithSingleSpaces()
    {
        var cleaned = VietnameseText.Clean("  Nguye\u0302\u0303n   Văn  ");
        cleaned.ShouldBe("Nguyễn Văn");
        cleaned.IsNormalized(System.Text.NormalizationForm.FormC).ShouldBeTrue();
    }
}
