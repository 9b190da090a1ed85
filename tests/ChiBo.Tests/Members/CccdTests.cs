using ChiBo.Members;

namespace ChiBo.Tests.Members;

public sealed class CccdTests
{
    private static readonly DateOnly Born1985 = new(1985, 3, 14);

    [Theory]
    [InlineData("089085001234", Gender.Male)]
    [InlineData("089185001234", Gender.Female)]
    public void Validate_AcceptsConsistentNumbers(string number, Gender gender) =>
        Cccd.Validate(number, Born1985, gender).ShouldBeNull();

    [Theory]
    [InlineData("08908500123", "12 chữ số")]
    [InlineData("08908500123a", "12 chữ số")]
    [InlineData("003085001234", "Mã tỉnh 003")]
    [InlineData("089185001234", "thế kỷ và giới tính")]
    [InlineData("089086001234", "năm sinh")]
    public void Validate_RejectsWithAReason(string number, string reason) =>
        Cccd.Validate(number, Born1985, Gender.Male)!.ShouldContain(reason);

    [Fact]
    public void Validate_UsesTheCenturyDigitForThe2000s() =>
        Cccd.Validate("089303000001", new DateOnly(2003, 1, 1), Gender.Female).ShouldBeNull();

    [Fact]
    public void Compose_RoundTripsThroughValidate()
    {
        var birth = new DateOnly(2001, 12, 31);
        Cccd.Validate(Cccd.Compose(89, birth, Gender.Male, 42), birth, Gender.Male).ShouldBeNull();
    }
}
