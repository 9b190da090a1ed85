using ChiBo.Access;

namespace ChiBo.Tests.Access;

public sealed class PasswordsTests
{
    [Fact]
    public void Hash_VerifiesTheRightPasswordOnly()
    {
        var hash = Passwords.Hash("chi-bo-2025-an-giang");
        hash.ShouldStartWith("pbkdf2-sha512$210000$");
        Passwords.Verify(hash, "chi-bo-2025-an-giang").ShouldBeTrue();
        Passwords.Verify(hash, "chi-bo-2025-an-gianG").ShouldBeFalse();
    }

    [Fact]
    public void Hash_SaltsEachPassword() => Passwords.Hash("same password 1").ShouldNotBe(Passwords.Hash("same password 1"));

    [Theory]
    [InlineData("short1", "ít nhất 10")]
    [InlineData("onlyletterspassword", "chữ và số")]
    public void Check_ExplainsWeakPasswords(string password, string reason) => Passwords.Check(password)!.ShouldContain(reason);

    [Fact]
    public void Generate_MakesAcceptablePasswords() => Passwords.Check(Passwords.Generate()).ShouldBeNull();
}
