using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DirectAccess.Policies.Json;

/// <summary>
/// Writes a decision as one JSON object: <c>{"decision": "Allow|ExplicitDeny|ImplicitDeny", "policy": name|null,
/// "statement": index|null, "sid": sid|null, "reasons": [{"policy", "statement", "sid", "reason"}]}</c>; reasons are
/// the statements that did not apply on a denial (empty on allow).
/// </summary>
public static class DecisionJson
{
    /// <summary>The decision as compact JSON text (no trailing newline).</summary>
    public static string ToJson(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("decision", decision.Kind.ToString());
            WriteStatement(writer, decision.DecidingStatement);
            writer.WriteStartArray("reasons");
            foreach (var miss in decision.Misses)
            {
                writer.WriteStartObject();
                WriteStatement(writer, miss.Statement);
                writer.WriteString("reason", miss.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteStatement(Utf8JsonWriter writer, StatementRef? statement)
    {
        if (statement is null)
        {
            writer.WriteNull("policy");
            writer.WriteNull("statement");
            writer.WriteNull("sid");
            return;
        }

        writer.WriteString("policy", statement.PolicyName);
        writer.WriteNumber("statement", statement.Index);
        if (statement.Sid is null)
        {
            writer.WriteNull("sid");
        }
        else
        {
            writer.WriteString("sid", statement.Sid);
        }
    }
}
