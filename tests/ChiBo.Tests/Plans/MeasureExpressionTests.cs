using ChiBo.Plans;

namespace ChiBo.Tests.Plans;

public sealed class MeasureExpressionTests
{
    [Fact]
    public void Parse_ReadsNamesJoinedByPlusAndMinus_WithSpacesOrNot()
    {
        var e = MeasureExpression.Parse("  admitted+transferredIn -  removed - died ");
        e.Terms.Select(t => (t.Sign, t.Measure)).ShouldBe([(1, "admitted"), (1, "transferredIn"), (-1, "removed"), (-1, "died")]);
        e.ToString().ShouldBe("admitted + transferredIn - removed - died");
        MeasureExpression.Parse("-removed").Terms.Single().Sign.ShouldBe(-1);
    }

    [Fact]
    public void Parse_ReadsTheStartOfTheWindow()
    {
        var e = MeasureExpression.Parse("members@start");
        e.Terms.Single().ShouldBe(new MeasureTerm(1, "members", AtStart: true));
        e.ToString().ShouldBe("members@start");
        MeasureExpression.Parse("members.ageBand.18to35").Terms.Single().Measure.ShouldBe("members.ageBand.18to35");
    }

    [Theory]
    [InlineData("", "trống")]
    [InlineData("admitted +", "kết thúc bằng dấu")]
    [InlineData("admitted + + died", "hai dấu")]
    [InlineData("admitted died", "thiếu dấu")]
    [InlineData("admitted * 2", "ký tự \"*\"")]
    [InlineData("(admitted)", "ký tự \"(\"")]
    [InlineData("members..total", "dấu chấm thừa")]
    [InlineData("3members", "bắt đầu bằng chữ cái")]
    [InlineData("members@end", "ký tự \"@\"")]
    public void Parse_RefusesAMalformedExpression_SayingWhy(string text, string why)
    {
        var e = Should.Throw<FormatException>(() => MeasureExpression.Parse(text));
        e.Message.ShouldContain(why);
    }
}
