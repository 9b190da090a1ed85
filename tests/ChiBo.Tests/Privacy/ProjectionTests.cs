using System.Reflection;
using ChiBo.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChiBo.Tests.Privacy;

/// <summary>
/// Responses are projections, never entities: an entity serialized as it is carries every column
/// (CCCD, ethnicity, religion, the profile JSON, discipline texts) to whoever may call the endpoint.
/// </summary>
public sealed class ProjectionTests
{
    [Fact]
    public async Task NoEndpoint_AnswersWithAnEntityOfTheModel()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var app = new ChiBoApp(database);
        _ = app.Server;
        await using var db = database.Context();
        var entities = db.Model.GetEntityTypes().Select(t => t.ClrType).ToHashSet();

        var offenders = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } handler)
            {
                continue; // Razor Pages render HTML from their models
            }

            var carried = new HashSet<Type>();
            Walk(handler.ReturnType, carried);
            offenders.AddRange(carried.Where(entities.Contains).Select(t => $"{endpoint.RoutePattern.RawText} → {t.Name}"));
        }

        offenders.ShouldBeEmpty();
    }

    /// <summary>Every type a value of <paramref name="type"/> serializes: generic arguments, elements, and the public properties of the project's own types.</summary>
    private static void Walk(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return;
        }

        if (type.IsArray)
        {
            Walk(type.GetElementType()!, seen);
        }

        foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
        {
            Walk(argument, seen);
        }

        if (type.Namespace?.StartsWith("ChiBo", StringComparison.Ordinal) == true && !type.IsEnum)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Walk(property.PropertyType, seen);
            }
        }
    }
}
